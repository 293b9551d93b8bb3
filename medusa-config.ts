import { defineConfig, loadEnv } from "@medusajs/framework/utils"
import { buildModules, cachingEnabled, databaseUrlFromSettings, requireSetting } from "./src/config/modules"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// The project's start and test scripts (scripts/curator.js) fill DATABASE_URL with the
// embedded PostgreSQL when it is unset, so a missing value here means Medusa was started
// some other way without a database.
const databaseUrl =
  databaseUrlFromSettings(process.env) ?? requireSetting("DATABASE_URL", "the PostgreSQL connection string (npm run demo starts an embedded one)")

const isProduction = process.env.NODE_ENV === "production"

// Medusa marks the admin's session cookie Secure in production, and browsers drop a Secure
// cookie on plain http: the demo's admin at http://localhost:9000/app could not sign in.
// Secure follows the admin's public URL (MEDUSA_BACKEND_URL; the demo serves plain http),
// and COOKIE_SECURE=true|false overrides it.
const sessionCookieSecure =
  process.env.COOKIE_SECURE !== undefined
    ? process.env.COOKIE_SECURE === "true"
    : isProduction && (process.env.MEDUSA_BACKEND_URL ?? "").startsWith("https://")

module.exports = defineConfig({
  projectConfig: {
    databaseUrl,
    redisUrl: process.env.REDIS_URL || undefined,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000,http://127.0.0.1:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://127.0.0.1:9000,http://localhost:5173",
      authCors:
        process.env.AUTH_CORS || "http://localhost:8000,http://127.0.0.1:8000,http://localhost:9000,http://127.0.0.1:9000,http://localhost:5173",
      jwtSecret: isProduction
        ? requireSetting("JWT_SECRET", "the secret that signs auth tokens")
        : process.env.JWT_SECRET || "curator-dev-jwt-secret",
      cookieSecret: isProduction
        ? requireSetting("COOKIE_SECRET", "the secret that signs session cookies")
        : process.env.COOKIE_SECRET || "curator-dev-cookie-secret",
    },
    cookieOptions: { secure: sessionCookieSecure },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLED === "true",
    path: "/app",
    backendUrl: process.env.MEDUSA_BACKEND_URL || "/",
  },
  modules: buildModules(process.env),
  // Medusa's Caching Module is behind this flag in 2.21: on for dev, demo, production and tests;
  // MEDUSA_FF_CACHING=false turns it off (README, "Catalog cache").
  featureFlags: { caching: cachingEnabled(process.env) },
})
