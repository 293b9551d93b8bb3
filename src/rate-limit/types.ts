/**
 * The port every rate-limit store implements (one adapter a file: memory-store.ts, redis-store.ts).
 * A store only counts: it adds a hit to a key's current window and answers the counts the
 * sliding-window decision needs (sliding-window.ts), so both adapters decide identically.
 */
export type WindowCounts = {
  /** Hits in the current window, this one included. */
  current: number
  /** Hits in the window before it. */
  previous: number
  /** Milliseconds since the current window began. */
  elapsed_ms: number
  /** Which window the hit went into (windows are numbered from the epoch); refunds name it. */
  window: number
}

export interface RateLimitStore {
  /** Counts one hit for `key` in fixed windows of `window_ms`, atomically. */
  hit(key: string, window_ms: number): Promise<WindowCounts>
  /** Takes back a hit counted earlier in `window` (a successful sign-in gives its attempt back). */
  refund(key: string, window_ms: number, window: number): Promise<void>
  /** Releases connections and timers. */
  close(): Promise<void>
}
