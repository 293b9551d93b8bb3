/**
 * Values read slowly and needed on every request (the recommender's catalog per shopper context, its
 * collaborative model), kept per key for `ttlMs`. Once stale, the old value is answered at once while one
 * refresh runs in the background, for up to `staleMs` more; after that (or when nothing is cached) the
 * caller waits for a fresh read. A failed read is not cached. `ttlMs <= 0` reads every time.
 */
export class RefreshingCache<V> {
  private readonly entries = new Map<string, { at: number; value: Promise<V>; settled: boolean; refreshing: boolean }>()

  constructor(
    private readonly ttlMs: number,
    private readonly staleMs: number
  ) {}

  get(key: string, read: () => Promise<V>): Promise<V> {
    if (!(this.ttlMs > 0)) return read()
    const now = Date.now()
    const entry = this.entries.get(key)
    if (entry && now - entry.at < this.ttlMs) return entry.value
    if (entry && entry.settled && now - entry.at < this.ttlMs + this.staleMs) {
      if (!entry.refreshing) {
        entry.refreshing = true
        const next = read()
        next.then(
          () => this.entries.set(key, { at: Date.now(), value: next, settled: true, refreshing: false }),
          () => (entry.refreshing = false)
        )
      }
      return entry.value
    }
    for (const [k, e] of this.entries) if (now - e.at >= this.ttlMs + this.staleMs) this.entries.delete(k)
    const value = read()
    const fresh = { at: now, value, settled: false, refreshing: false }
    this.entries.set(key, fresh)
    value.then(
      () => (fresh.settled = true),
      () => this.entries.get(key) === fresh && this.entries.delete(key)
    )
    return value
  }
}
