/**
 * Every rate limit and its setting, read in this one place. Each limit is "<count>/<window>"
 * (window: a number of seconds, or with a unit s, m or h: "10/15m" is 10 requests per 15
 * minutes) and can be changed with RATE_LIMIT_<POLICY>_<SCOPE>, e.g. RATE_LIMIT_SIGN_IN_ACCOUNT.
 * README.md ("Rate limits") lists them with their defaults.
 */

/** Who a limit counts: the e-mail an auth request names, the signed-in customer, or the client's address. */
export type RateLimitScope = "account" | "shopper" | "ip"

export type Limit = { limit: number; window_ms: number }

export type RateLimitPolicy = {
  name: RateLimitPolicyName
  /** What is limited, for the 429 message ("sign-in attempts"). */
  what: string
  limits: Partial<Record<RateLimitScope, Limit>>
  /** A successful answer (2xx/3xx) gives its hit back: only failed attempts count (sign-in). */
  refund_on_success?: boolean
}

export type RateLimitSettings = {
  enabled: boolean
  /** Where counters live: Redis when REDIS_URL is set, else this process's memory. */
  redis_url: string | null
  /** Proxies in front of Medusa whose X-Forwarded-For is believed (Medusa's own "trust proxy" is 1). */
  proxy_hops: number
  /** Most keys the in-memory store keeps. */
  memory_max_keys: number
  policies: Record<RateLimitPolicyName, RateLimitPolicy>
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** The defaults: tight per account, generous per address (many shoppers can share one). */
const DEFAULT_POLICIES = {
  sign_in: {
    what: "sign-in attempts",
    limits: { account: { limit: 10, window_ms: 15 * MINUTE }, ip: { limit: 100, window_ms: 15 * MINUTE } },
    refund_on_success: true,
  },
  register: {
    what: "registrations",
    limits: { account: { limit: 5, window_ms: HOUR }, ip: { limit: 50, window_ms: HOUR } },
  },
  password_reset: {
    what: "password reset requests",
    limits: { account: { limit: 5, window_ms: HOUR }, ip: { limit: 30, window_ms: HOUR } },
  },
  upload: {
    what: "wardrobe uploads and changes",
    limits: { shopper: { limit: 200, window_ms: HOUR }, ip: { limit: 1_000, window_ms: HOUR } },
  },
  post: {
    what: "posts",
    limits: { shopper: { limit: 60, window_ms: HOUR }, ip: { limit: 300, window_ms: HOUR } },
  },
  comment: {
    what: "comments",
    limits: { shopper: { limit: 120, window_ms: HOUR }, ip: { limit: 600, window_ms: HOUR } },
  },
  report: {
    what: "reports",
    limits: { shopper: { limit: 30, window_ms: HOUR }, ip: { limit: 120, window_ms: HOUR } },
  },
  visual_search: {
    what: "searches by photo",
    limits: { shopper: { limit: 30, window_ms: MINUTE }, ip: { limit: 60, window_ms: MINUTE } },
  },
  try_on: {
    what: "try-ons",
    limits: { shopper: { limit: 20, window_ms: HOUR }, ip: { limit: 60, window_ms: HOUR } },
  },
  style_profile: {
    what: "style profile changes",
    limits: { shopper: { limit: 120, window_ms: HOUR }, ip: { limit: 600, window_ms: HOUR } },
  },
  interactions: {
    what: "interaction reports",
    limits: { shopper: { limit: 120, window_ms: MINUTE }, ip: { limit: 600, window_ms: MINUTE } },
  },
} satisfies Record<string, Omit<RateLimitPolicy, "name">>

export type RateLimitPolicyName = keyof typeof DEFAULT_POLICIES
export const RATE_LIMIT_POLICY_NAMES = Object.keys(DEFAULT_POLICIES) as RateLimitPolicyName[]

/** The env var that sets a policy's limit for a scope: RATE_LIMIT_SIGN_IN_ACCOUNT. */
export const limitEnvVar = (policy: RateLimitPolicyName, scope: RateLimitScope) => `RATE_LIMIT_${policy.toUpperCase()}_${scope.toUpperCase()}`

const UNIT_MS: Record<string, number> = { s: 1_000, m: MINUTE, h: HOUR }

/** "10/15m" → { limit: 10, window_ms: 900000 }; a bad value is an error naming the variable. */
export function parseLimit(value: string, name: string): Limit {
  const match = value.trim().match(/^(\d+)\s*\/\s*(\d+(?:\.\d+)?)\s*([smh]?)$/)
  const limit = match ? Number(match[1]) : NaN
  const window_ms = match ? Math.round(Number(match[2]) * UNIT_MS[match[3] || "s"]) : NaN
  if (!match || !(limit >= 1) || !(window_ms >= 1_000)) {
    throw new Error(`${name}="${value}" is not a rate limit: write <count>/<window>, e.g. 10/15m (count ≥ 1, window ≥ 1s; units s, m, h)`)
  }
  return { limit, window_ms }
}

function parseCount(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name]
  if (raw === undefined || raw === "") return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min) throw new Error(`${name}="${raw}" must be a whole number ≥ ${min}`)
  return n
}

export function rateLimitSettings(env: NodeJS.ProcessEnv = process.env): RateLimitSettings {
  const enabledRaw = (env.RATE_LIMIT_ENABLED ?? "true").trim().toLowerCase()
  if (!["true", "false"].includes(enabledRaw)) throw new Error(`RATE_LIMIT_ENABLED="${env.RATE_LIMIT_ENABLED}" must be true or false`)
  const policies = {} as Record<RateLimitPolicyName, RateLimitPolicy>
  for (const name of RATE_LIMIT_POLICY_NAMES) {
    const base: Omit<RateLimitPolicy, "name"> = DEFAULT_POLICIES[name]
    const limits: RateLimitPolicy["limits"] = {}
    for (const [scope, fallback] of Object.entries(base.limits) as [RateLimitScope, Limit][]) {
      const varName = limitEnvVar(name, scope)
      limits[scope] = env[varName] ? parseLimit(env[varName]!, varName) : fallback
    }
    policies[name] = { ...base, name, limits }
  }
  return {
    enabled: enabledRaw === "true",
    redis_url: env.REDIS_URL || null,
    proxy_hops: parseCount(env, "RATE_LIMIT_PROXY_HOPS", 1, 0),
    memory_max_keys: parseCount(env, "RATE_LIMIT_MEMORY_MAX_KEYS", 100_000, 1),
    policies,
  }
}

/** "15 minutes", "hour", "30 seconds": a window for messages ("at most 5 per hour"). */
export function describeWindow(window_ms: number): string {
  const plural = (n: number, unit: string) => (n === 1 ? unit : `${n} ${unit}s`)
  if (window_ms % HOUR === 0) return plural(window_ms / HOUR, "hour")
  if (window_ms % MINUTE === 0) return plural(window_ms / MINUTE, "minute")
  return plural(Math.round(window_ms / 1000), "second")
}
