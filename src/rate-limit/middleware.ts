import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { viewerIdOf } from "../api/identity"
import { clientAddress } from "./client-ip"
import { RateLimitCheck, RateLimiter } from "./limiter"
import { MemoryRateLimitStore } from "./memory-store"
import { RedisRateLimitStore } from "./redis-store"
import { describeWindow, RateLimitPolicyName, RateLimitSettings, rateLimitSettings } from "./settings"
import { RateLimitStore } from "./types"

type Shared = { settings: RateLimitSettings; store: RateLimitStore | null; limiter: RateLimiter | null }
let shared: Shared | null = null

/**
 * This process's settings and store, made on first use (so settings are read once, when Medusa
 * serves its first limited request): Redis when REDIS_URL is set, so that every instance counts
 * against the same limits, else this process's memory.
 */
export function sharedRateLimiter(): Shared {
  if (shared) return shared
  const settings = rateLimitSettings()
  const store = !settings.enabled
    ? null
    : settings.redis_url
      ? new RedisRateLimitStore(settings.redis_url)
      : new MemoryRateLimitStore({ max_keys: settings.memory_max_keys })
  shared = { settings, store, limiter: store ? new RateLimiter(store) : null }
  return shared
}

/** The account an auth request names: its e-mail (or reset identifier), trimmed and lower-cased. */
export const accountFromAuthBody =
  (actor: "customer" | "user") =>
  (req: MedusaRequest): string | null => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const raw = typeof body.email === "string" ? body.email : typeof body.identifier === "string" ? body.identifier : null
    const email = raw?.normalize("NFKC").trim().toLowerCase()
    return email ? `${actor}:${email}` : null
  }

export type RateLimitOptions = {
  /** The account a request acts for (auth routes); absent: no per-account limit. */
  account?: (req: MedusaRequest) => string | null
}

let warnedStoreFailure = false

/**
 * Middleware applying a policy: counts the request per account (when `account` finds one), per
 * signed-in customer and per client address, sets RateLimit-* and X-RateLimit-* on the
 * response either way, and answers 429 with Retry-After when a limit is spent. If the store
 * cannot be reached (Redis down) the request passes and a warning is logged: limits protect
 * the shop, and an outage of their store should not take sign-in down with it.
 */
export function rateLimit(policyName: RateLimitPolicyName, options: RateLimitOptions = {}) {
  return async function rateLimitMiddleware(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
    const { settings, limiter } = sharedRateLimiter()
    if (!limiter) return next()
    const policy = settings.policies[policyName]
    let check: RateLimitCheck
    try {
      check = await limiter.check(policy, {
        account: options.account?.(req),
        // Medusa authenticates every /store request (anonymous allowed) before route middlewares run,
        // so the signed-in customer is known here; on /auth routes there is none.
        shopper: viewerIdOf(req),
        ip: clientAddress(req, settings.proxy_hops),
      })
    } catch (error) {
      if (!warnedStoreFailure) {
        warnedStoreFailure = true
        req.scope
          .resolve(ContainerRegistrationKeys.LOGGER)
          .warn(`Rate limits are not applied: their store failed (${(error as Error).message}); requests pass until it answers again`)
      }
      return next()
    }
    warnedStoreFailure = false

    const binding = check.binding
    if (binding) {
      res.setHeader("RateLimit-Limit", String(binding.limit))
      res.setHeader("RateLimit-Remaining", String(binding.remaining))
      res.setHeader("RateLimit-Reset", String(binding.reset_s))
      res.setHeader("RateLimit-Policy", `${binding.limit};w=${Math.round(binding.window_ms / 1000)}`)
      res.setHeader("X-RateLimit-Limit", String(binding.limit))
      res.setHeader("X-RateLimit-Remaining", String(binding.remaining))
      // The older headers carry the reset as a Unix time in seconds, as GitHub's do.
      res.setHeader("X-RateLimit-Reset", String(Math.ceil(Date.now() / 1000) + binding.reset_s))
    }
    if (!check.allowed && binding) {
      res.setHeader("Retry-After", String(binding.retry_after_s))
      const per = binding.scope === "account" ? "for this account" : binding.scope === "shopper" ? "for your account" : "from your network address"
      res.status(429).json({
        type: "too_many_requests",
        message: `Too many ${policy.what} ${per}: at most ${binding.limit} per ${describeWindow(binding.window_ms)}. Try again in ${binding.retry_after_s} second${binding.retry_after_s === 1 ? "" : "s"}.`,
      })
      return
    }
    if (policy.refund_on_success) {
      res.once("finish", () => {
        if (res.statusCode < 400) check.refund().catch(() => undefined)
      })
    }
    next()
  }
}
