import { fileUrlTtlSeconds, privateUploadDir } from "../files/settings"

type Env = Record<string, string | undefined>
type ModuleEntry = { resolve: string; key?: string; options?: Record<string, unknown> }

/**
 * Reads a setting that Curator cannot run without and fails at start with a message
 * naming it, instead of a stack trace from deep inside a module later.
 */
export function requireSetting(name: string, purpose: string, env: Env = process.env): string {
  const value = env[name]
  if (!value || !value.trim()) {
    throw new Error(`Missing required setting ${name}: ${purpose}. Set it in the environment or in .env (see .env.template).`)
  }
  return value
}

/**
 * DATABASE_URL, or one built from DB_HOST/DB_PORT/DB_USERNAME/DB_PASSWORD/DB_NAME
 * (the settings Medusa's test runner reads), or undefined when neither is given.
 */
export function databaseUrlFromSettings(env: Env): string | undefined {
  if (env.DATABASE_URL) return env.DATABASE_URL
  if (!env.DB_HOST) return undefined
  const url = new URL("postgres://localhost")
  url.hostname = env.DB_HOST
  url.port = env.DB_PORT || "5432"
  url.username = env.DB_USERNAME || "postgres"
  url.password = env.DB_PASSWORD || ""
  url.pathname = `/${env.DB_NAME || "curator"}`
  return url.toString()
}

/** A whole number ≥ 1 from the environment, the fallback when unset; anything else fails at start, naming it. */
function positiveIntegerSetting(name: string, env: Env, fallback: number): number {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of 1 or more, got "${raw}".`)
  return value
}

/** Settings that only make sense together: all present, or none. */
function settingGroup(names: string[], env: Env, label: string): boolean {
  const present = names.filter((n) => env[n]?.trim())
  if (present.length === 0) return false
  if (present.length < names.length) {
    const missing = names.filter((n) => !present.includes(n))
    throw new Error(`${label} is partly configured: ${present.join(", ")} set but ${missing.join(", ")} missing.`)
  }
  return true
}

/**
 * Medusa's `caching` feature flag (query.graph's cache option, the cached store routes). Curator turns
 * it on in medusa-config.ts; MEDUSA_FF_CACHING=false (Medusa's own switch, which wins over the
 * config) turns it off, and then the Caching Module is not loaded either.
 */
export const cachingEnabled = (env: Env): boolean => (env.MEDUSA_FF_CACHING?.trim() ? env.MEDUSA_FF_CACHING.trim().toLowerCase() === "true" : true)

/**
 * The catalog read cache: Medusa's Caching Module with its Redis provider when REDIS_URL is set (shared
 * by every server process), else Curator's in-memory provider (src/modules/caching-json-memory),
 * bounded in keys and bytes. Entries are cleared by tag when a module event names an entity they hold
 * (src/catalog/catalog-cache.ts); the TTL only bounds what an event could not reach.
 */
export function cachingModule(env: Env): ModuleEntry | undefined {
  if (!cachingEnabled(env)) return undefined
  const ttl = positiveIntegerSetting("CATALOG_CACHE_TTL_SECONDS", env, 3600)
  if (env.REDIS_URL) {
    // One Redis may serve several shops (the demo and a test run): keys are hashes of queries, and a
    // query without ids (the regions) is the same in each, so each database gets its own prefix.
    const database = databaseUrlFromSettings(env)
    const prefix = `curator:${database ? new URL(database).pathname.slice(1) || "default" : "default"}:`
    return {
      resolve: "@medusajs/medusa/caching",
      options: {
        ttl,
        providers: [
          { resolve: "@medusajs/medusa/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl: env.REDIS_URL, prefix } },
        ],
      },
    }
  }
  return {
    resolve: "@medusajs/medusa/caching",
    options: {
      ttl,
      providers: [
        {
          // Entries kept as JSON, parsed afresh for each reader: Medusa's store routes add tax prices and
          // stock counts to the rows query.graph returns, which must not reach the next shopper's read
          // (a parse is about three times cheaper than the deep clone Medusa's in-memory provider makes).
          resolve: "./src/modules/caching-json-memory",
          id: "json-memory",
          is_default: true,
          options: { ttl, maxKeys: 20_000, maxSize: positiveIntegerSetting("CATALOG_CACHE_MAX_MB", env, 128) * 1024 * 1024 },
        },
      ],
    },
  }
}

/** Redis-backed event bus, workflow engine and locking when REDIS_URL is set; in-memory otherwise (caching: cachingModule). */
export function redisModules(env: Env): ModuleEntry[] {
  const redisUrl = env.REDIS_URL
  if (!redisUrl) return []
  return [
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
    { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }],
      },
    },
  ]
}

/** S3 (or any S3-compatible store such as MinIO) when its settings are present; Medusa's local provider otherwise. */
export function fileModule(env: Env): ModuleEntry {
  const s3 = settingGroup(["S3_BUCKET", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"], env, "S3 file storage")
  if (s3) {
    return {
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-s3",
            id: "s3",
            options: {
              file_url: env.S3_FILE_URL || `https://${env.S3_BUCKET}.s3.${env.S3_REGION}.amazonaws.com`,
              bucket: env.S3_BUCKET,
              region: env.S3_REGION,
              access_key_id: env.S3_ACCESS_KEY_ID,
              secret_access_key: env.S3_SECRET_ACCESS_KEY,
              endpoint: env.S3_ENDPOINT || undefined,
              additional_client_config: env.S3_ENDPOINT ? { forcePathStyle: true } : undefined,
              // Presigned URLs of private files last as long as the local provider's signed ones.
              download_file_duration: fileUrlTtlSeconds(env),
            },
          },
        ],
      },
    }
  }
  return {
    resolve: "@medusajs/medusa/file",
    options: {
      providers: [
        {
          resolve: "@medusajs/medusa/file-local",
          id: "local",
          options: {
            upload_dir: env.FILE_UPLOAD_DIR || "static",
            // Private files (wardrobe photos, non-public posts) lie outside the publicly served
            // `static` folder and are served only through signed URLs (src/api/files/private).
            private_upload_dir: privateUploadDir(env),
            backend_url: `${env.MEDUSA_BACKEND_URL || `http://localhost:${env.PORT || 9000}`}/static`,
          },
        },
      ],
    },
  }
}

/** Stripe beside Medusa's system provider when STRIPE_API_KEY is set; the system provider alone otherwise. */
export function paymentModule(env: Env): ModuleEntry | undefined {
  if (!env.STRIPE_API_KEY) return undefined
  return {
    resolve: "@medusajs/medusa/payment",
    options: {
      providers: [
        {
          resolve: "@medusajs/medusa/payment-stripe",
          id: "stripe",
          options: {
            apiKey: env.STRIPE_API_KEY,
            webhookSecret: env.STRIPE_WEBHOOK_SECRET,
            capture: env.STRIPE_CAPTURE === "true",
          },
        },
      ],
    },
  }
}

/** Email and password always; Google sign-in for customers when its keys are set. */
export function authModule(env: Env): ModuleEntry {
  const providers: Record<string, unknown>[] = [{ resolve: "@medusajs/medusa/auth-emailpass", id: "emailpass" }]
  if (settingGroup(["GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET"], env, "Google sign-in")) {
    providers.push({
      resolve: "@medusajs/medusa/auth-google",
      id: "google",
      options: {
        clientId: env.GOOGLE_CLIENT_ID,
        clientSecret: env.GOOGLE_CLIENT_SECRET,
        // The storefront's callback route; without a country code its middleware sends the
        // shopper (query string kept) to /<default country>/account/google/callback.
        callbackUrl: env.GOOGLE_CALLBACK_URL || "http://localhost:8000/account/google/callback",
      },
    })
  }
  return { resolve: "@medusajs/medusa/auth", options: { providers } }
}

/**
 * Text search: Medusa's Search Module. PostgreSQL full-text search by default;
 * Meilisearch for the same indexes when MEILISEARCH_HOST is set.
 */
export function searchModule(env: Env): ModuleEntry {
  const providers: Record<string, unknown>[] = [{ resolve: "@medusajs/medusa/search-postgres", id: "postgres", options: { engine: "native" } }]
  if (!env.MEILISEARCH_HOST) {
    return { resolve: "@medusajs/medusa/search", options: { providers } }
  }
  providers.push({
    resolve: "./src/modules/search-meilisearch",
    id: "meilisearch",
    options: {
      host: env.MEILISEARCH_HOST,
      apiKey: env.MEILISEARCH_API_KEY,
      indexPrefix: env.MEILISEARCH_INDEX_PREFIX || "curator_",
    },
  })
  return { resolve: "@medusajs/medusa/search", options: { providers, default_provider: "search-meilisearch" } }
}

/** Every module Curator configures, given the environment. Curator's own domain modules are appended here too. */
export function buildModules(env: Env): ModuleEntry[] {
  const modules: (ModuleEntry | undefined)[] = [
    ...redisModules(env),
    cachingModule(env),
    fileModule(env),
    paymentModule(env),
    authModule(env),
    searchModule(env),
    { resolve: "./src/modules/wardrobe" },
    {
      // Social feed moderation: reports that hide a post on their own, and whether new posts wait for approval.
      resolve: "./src/modules/social",
      options: {
        auto_hide_report_threshold: positiveIntegerSetting("SOCIAL_AUTO_HIDE_REPORT_THRESHOLD", env, 3),
        require_approval: env.SOCIAL_REQUIRE_APPROVAL === "true",
      },
    },
    { resolve: "./src/modules/lookbook" },
    // Admin users' Curator roles (administrator or moderator); enforced for every /admin route in src/api/admin-roles.ts.
    { resolve: "./src/modules/admin-role" },
    // Catalog images' state in the ML sidecar's index, and photo search analytics (src/workflows/visual, src/jobs).
    { resolve: "./src/modules/visual" },
    // Customers' saved items (wishlist); signed-out shoppers keep theirs in a storefront cookie.
    { resolve: "./src/modules/wishlist" },
    // Shoppers' style profiles (sizes, budget, tastes, measurements) and the interaction log recommendations learn from.
    { resolve: "./src/modules/recommendation" },
    // Size charts per product category and brand, for size advice (src/size-advice).
    { resolve: "./src/modules/size-chart" },
    // Try-ons: a shopper's private photo and result, deleted after 24 hours unless kept (src/jobs/delete-expired-try-ons.ts).
    { resolve: "./src/modules/try-on" },
  ]
  return modules.filter((m): m is ModuleEntry => Boolean(m))
}
