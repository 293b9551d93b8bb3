import { createHash } from "node:crypto"
import { decide, RateLimitDecision } from "./sliding-window"
import { RateLimitPolicy, RateLimitScope } from "./settings"
import { RateLimitStore } from "./types"

/** Who is asking, per scope; a scope without an identity (no e-mail, not signed in) is not counted. */
export type RateLimitIdentities = Partial<Record<RateLimitScope, string | null | undefined>>

export type RateLimitCheck = {
  allowed: boolean
  /** The decision the response headers report: the refusing one, else the one with the least room. */
  binding: (RateLimitDecision & { scope: RateLimitScope; window_ms: number }) | null
  /** Gives every hit of this check back (a successful sign-in). */
  refund(): Promise<void>
}

/**
 * Applies a policy's limits (per account, shopper and address) to one request. Every scope the
 * request has an identity for is counted, and the request passes only if all of them allow it.
 * Identities are hashed into keys, so no e-mail or address is stored in the counters.
 */
export class RateLimiter {
  constructor(private readonly store: RateLimitStore) {}

  async check(policy: RateLimitPolicy, identities: RateLimitIdentities): Promise<RateLimitCheck> {
    const counted = (Object.entries(policy.limits) as [RateLimitScope, { limit: number; window_ms: number }][])
      .filter(([scope]) => !!identities[scope])
      .map(([scope, limit]) => ({ scope, ...limit, key: keyFor(policy.name, scope, identities[scope]!) }))

    const results = await Promise.all(
      counted.map(async (c) => {
        const counts = await this.store.hit(c.key, c.window_ms)
        return { ...c, counts, decision: decide(counts, c.limit, c.window_ms) }
      })
    )
    const refused = results.filter((r) => !r.decision.allowed)
    const binding = refused.length
      ? refused.reduce((a, b) => (b.decision.retry_after_s > a.decision.retry_after_s ? b : a))
      : results.reduce<(typeof results)[number] | null>((a, b) => (!a || b.decision.remaining < a.decision.remaining ? b : a), null)
    return {
      allowed: refused.length === 0,
      binding: binding ? { ...binding.decision, scope: binding.scope, window_ms: binding.window_ms } : null,
      refund: async () => {
        await Promise.all(results.map((r) => this.store.refund(r.key, r.window_ms, r.counts.window)))
      },
    }
  }
}

export function keyFor(policy: string, scope: RateLimitScope, identity: string): string {
  const digest = createHash("sha256").update(identity).digest("base64url").slice(0, 22)
  return `${policy}:${scope}:${digest}`
}
