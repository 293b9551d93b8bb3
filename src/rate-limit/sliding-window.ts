/**
 * Sliding-window counter: the hits of the last `window_ms` are estimated as the current fixed
 * window's hits plus the previous window's, weighted by how much of it still lies inside the
 * sliding window. Unlike a plain fixed window, a burst just before and just after a window
 * boundary cannot pass twice the limit; unlike a log of timestamps, a key costs two counters.
 * Every attempt is counted, refused ones too, so a client that keeps hammering stays limited.
 */
export type RateLimitDecision = {
  allowed: boolean
  limit: number
  /** Requests still allowed now (0 when refused). */
  remaining: number
  /** Seconds until the window's count starts to fall (allowed), or until a retry can pass (refused). */
  reset_s: number
  /** Seconds to wait before one more request can pass; 0 when allowed. */
  retry_after_s: number
}

export function decide(counts: { current: number; previous: number; elapsed_ms: number }, limit: number, window_ms: number): RateLimitDecision {
  const left = Math.max(0, window_ms - counts.elapsed_ms)
  const estimate = counts.previous * (left / window_ms) + counts.current
  if (estimate <= limit) {
    return {
      allowed: true,
      limit,
      remaining: Math.max(0, Math.floor(limit - estimate)),
      reset_s: Math.max(1, Math.ceil(left / 1000)),
      retry_after_s: 0,
    }
  }
  const wait_ms = msUntilNextAllowed(counts, limit, window_ms)
  const retry = Math.max(1, Math.ceil(wait_ms / 1000))
  return { allowed: false, limit, remaining: 0, reset_s: retry, retry_after_s: retry }
}

/**
 * How long until one more request would pass, assuming none is sent meanwhile: solves
 * previous·(left − t)/window + current + 1 ≤ limit within this window, else in the next one
 * (where this window's hits become the weighted "previous").
 */
export function msUntilNextAllowed(counts: { current: number; previous: number; elapsed_ms: number }, limit: number, window_ms: number): number {
  const left = Math.max(0, window_ms - counts.elapsed_ms)
  const room = limit - 1 - counts.current
  if (room >= 0) {
    // Within this window: the previous window's weight has to fall to `room`.
    if (counts.previous === 0) return 0
    return Math.max(0, left - (window_ms * room) / counts.previous)
  }
  // In the next window: this window's hits, fading, have to fall to limit − 1.
  return left + window_ms * (1 - (limit - 1) / counts.current)
}
