import { RateLimitStore, WindowCounts } from "./types"

type Entry = { window: number; current: number; previous: number; window_ms: number }

export type MemoryRateLimitStoreOptions = {
  /** Most keys kept; past it the least recently moved keys go first (default 100,000). */
  max_keys?: number
  /** Clock, for tests. */
  now?: () => number
}

/**
 * One process's counters, for a single Medusa instance (no REDIS_URL). Memory stays bounded:
 * a key whose last hit is two windows old no longer matters and is swept, and at most
 * `max_keys` keys are kept (a Map iterates in insertion order, and a key is re-inserted when
 * its window moves on, so the first keys are the stalest).
 */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly entries = new Map<string, Entry>()
  private readonly maxKeys: number
  private readonly now: () => number
  private hitsSinceSweep = 0

  constructor(options: MemoryRateLimitStoreOptions = {}) {
    this.maxKeys = options.max_keys ?? 100_000
    this.now = options.now ?? Date.now
  }

  get size(): number {
    return this.entries.size
  }

  async hit(key: string, window_ms: number): Promise<WindowCounts> {
    const now = this.now()
    const window = Math.floor(now / window_ms)
    let entry = this.entries.get(key)
    if (!entry || entry.window_ms !== window_ms || entry.window !== window) {
      const previous = entry && entry.window_ms === window_ms && entry.window === window - 1 ? entry.current : 0
      this.entries.delete(key)
      entry = { window, current: 0, previous, window_ms }
      this.entries.set(key, entry)
    }
    entry.current += 1
    if (++this.hitsSinceSweep >= 1_000 || this.entries.size > this.maxKeys) this.sweep(now)
    return { current: entry.current, previous: entry.previous, elapsed_ms: now - window * window_ms, window }
  }

  async refund(key: string, window_ms: number, window: number): Promise<void> {
    const entry = this.entries.get(key)
    if (entry && entry.window_ms === window_ms && entry.window === window && entry.current > 0) entry.current -= 1
  }

  /** Drops keys whose counts no longer weigh on any decision, then the stalest beyond max_keys. */
  sweep(now = this.now()): void {
    this.hitsSinceSweep = 0
    for (const [key, entry] of this.entries) {
      if (Math.floor(now / entry.window_ms) - entry.window >= 2) this.entries.delete(key)
    }
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxKeys) break
      this.entries.delete(key)
    }
  }

  async close(): Promise<void> {
    this.entries.clear()
  }
}
