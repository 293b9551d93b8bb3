import type { ICachingProviderService, Logger } from "@medusajs/framework/types"

export type JsonMemoryCachingOptions = {
  /** Seconds an entry lives when the caller gives no TTL; 0 keeps it until cleared. Default 3600. */
  ttl?: number
  /** The most entries held at once. Default 25,000 (as Medusa's in-memory provider). */
  maxKeys?: number
  /** Seconds between sweeps that drop expired entries nobody asked for again. Default 60. */
  checkPeriod?: number
  /**
   * The bound on what the entries hold, counted as the characters of their JSON, keys and tags. As in
   * Medusa's in-memory provider, an entry is refused only once the bound is already passed, so the
   * last entry accepted may overshoot it. Default 300 MB.
   */
  maxSize?: number
}

type InjectedDependencies = { logger?: Logger }

type Entry = {
  /** The data as JSON: parsed afresh for every reader, so no reader's changes reach another. */
  json: string
  /** Epoch ms after which the entry is gone; Infinity for no TTL. */
  expiresAt: number
  tags: string[]
  /** false: kept when Medusa's cache strategy clears the entry's tags after a module event. */
  autoInvalidate: boolean
  size: number
}

const THREE_HUNDRED_MB = 300 * 1024 * 1024

const formatBytes = (bytes: number) => {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${Math.round(bytes / 1024 / 1024)} MB`
}

/**
 * An in-memory caching provider for Medusa's Caching Module that keeps each entry as its JSON string,
 * as Medusa's Redis provider does, instead of as the object graph (Medusa's in-memory provider, on
 * node-cache).
 *
 * Why: Medusa's store routes write tax prices and stock counts into the rows a cached read returns,
 * so every reader needs its own copy. node-cache's deep clone of a 620 KB product list takes about
 * 5 ms a read; JSON.parse of the same entry about 1.7 ms, and it leaves less garbage behind.
 *
 * Otherwise it behaves as Medusa's in-memory provider: entries by key with tags, cleared by key, by
 * tag (honouring each entry's autoInvalidate when Medusa's strategy clears) or all at once with
 * the tag `*`; a TTL; bounds on the number of entries and their size, past which new entries are
 * skipped with a "Cache is full" warning (Medusa's provider throws when it holds maxKeys entries; a
 * cache that cannot take more should not fail the read that offered it).
 *
 * Keys are stored as given: the Caching Module's strategy already hashes each query into its key.
 */
export class JsonMemoryCachingProvider implements ICachingProviderService {
  static identifier = "cache-json-memory"

  protected readonly logger: Pick<Logger, "warn">
  protected readonly defaultTtlSeconds: number
  protected readonly maxKeys: number
  protected readonly maxSize: number
  protected readonly entries = new Map<string, Entry>()
  protected readonly keysByTag = new Map<string, Set<string>>()
  protected approximateSize = 0
  /** Set while full after the warning, so a full cache warns once, not on every read it turns away. */
  protected warnedFull = false
  private readonly sweepTimer: NodeJS.Timeout

  constructor({ logger }: InjectedDependencies, options: JsonMemoryCachingOptions = {}) {
    this.logger = logger ?? console
    this.defaultTtlSeconds = options.ttl ?? 3600
    this.maxKeys = options.maxKeys ?? 25_000
    this.maxSize = options.maxSize ?? THREE_HUNDRED_MB
    const checkPeriodMs = (options.checkPeriod ?? 60) * 1000
    this.sweepTimer = setInterval(() => this.removeExpired(), checkPeriodMs)
    // The sweep only frees memory: it must not keep a process (a script, a test) alive.
    this.sweepTimer.unref()
  }

  /** How many entries are held and the characters they count for against maxSize (tests, diagnostics). */
  get stats() {
    return { keys: this.entries.size, approximateSize: this.approximateSize }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever was stored, as ICachingProviderService declares
  async get({ key, tags }: { key?: string; tags?: string[] }): Promise<any> {
    if (key) {
      const entry = this.liveEntry(key)
      return entry ? JSON.parse(entry.json) : null
    }
    if (tags?.length) {
      const results: unknown[] = []
      for (const taggedKey of this.keysTagged(tags)) {
        const entry = this.liveEntry(taggedKey)
        if (entry) results.push(JSON.parse(entry.json))
      }
      return results
    }
    return null
  }

  async set({
    key,
    data,
    ttl,
    tags,
    options,
  }: {
    key: string
    data: object
    ttl?: number
    tags?: string[]
    options?: { autoInvalidate?: boolean }
  }): Promise<void> {
    const existing = this.liveEntry(key)
    if (!existing && !this.hasRoom()) return

    const json = JSON.stringify(data)
    // Nothing to keep: JSON has no undefined, and a miss already reads as null.
    if (json === undefined) return
    const uniqueTags = tags?.length ? [...new Set(tags)] : []
    const ttlSeconds = ttl ?? this.defaultTtlSeconds

    if (existing) this.remove(key)
    const entry: Entry = {
      json,
      expiresAt: ttlSeconds > 0 ? Date.now() + ttlSeconds * 1000 : Infinity,
      tags: uniqueTags,
      autoInvalidate: options?.autoInvalidate ?? true,
      size: json.length + key.length + uniqueTags.reduce((sum, tag) => sum + tag.length, 0),
    }
    this.entries.set(key, entry)
    this.approximateSize += entry.size
    for (const tag of uniqueTags) {
      let keys = this.keysByTag.get(tag)
      if (!keys) this.keysByTag.set(tag, (keys = new Set()))
      keys.add(key)
    }
  }

  async clear({ key, tags, options }: { key?: string; tags?: string[]; options?: { autoInvalidate?: boolean } }): Promise<void> {
    if (key) {
      this.remove(key)
      return
    }
    if (!tags?.length) return
    if (tags.includes("*")) {
      this.entries.clear()
      this.keysByTag.clear()
      this.approximateSize = 0
      this.warnedFull = false
      return
    }
    // As Medusa's providers: an explicit clear (no options) removes every tagged entry; the strategy's
    // clear after a module event (autoInvalidate: true) spares entries stored with autoInvalidate: false.
    if (options && options.autoInvalidate !== true) return
    for (const taggedKey of this.keysTagged(tags)) {
      if (!options || this.entries.get(taggedKey)?.autoInvalidate) this.remove(taggedKey)
    }
  }

  /** Drops expired entries; run every checkPeriod seconds so entries nobody reads again still go. */
  removeExpired(now = Date.now()): void {
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) this.remove(key)
    }
  }

  /** The entry under `key` unless it has expired (then it is removed). */
  private liveEntry(key: string): Entry | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.expiresAt <= Date.now()) {
      this.remove(key)
      return undefined
    }
    return entry
  }

  /** Keys tagged with any of `tags`, each once (a copy: removing entries while iterating is safe). */
  private keysTagged(tags: string[]): Set<string> {
    const keys = new Set<string>()
    for (const tag of tags) this.keysByTag.get(tag)?.forEach((key) => keys.add(key))
    return keys
  }

  /** Whether a new entry may be added; warns once when it may not. */
  private hasRoom(): boolean {
    if (this.entries.size >= this.maxKeys) this.removeExpired()
    const full = this.entries.size >= this.maxKeys || this.approximateSize > this.maxSize
    if (!full) {
      this.warnedFull = false
      return true
    }
    if (!this.warnedFull) {
      this.warnedFull = true
      this.logger.warn(
        `Cache is full. Current usage: ${formatBytes(this.approximateSize)} in ${this.entries.size} entries, ` +
          `Max: ${formatBytes(this.maxSize)} in ${this.maxKeys} entries. Skipping cache entries until some are cleared or expire.`
      )
    }
    return false
  }

  private remove(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.approximateSize -= entry.size
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag)
      if (!keys) continue
      keys.delete(key)
      if (keys.size === 0) this.keysByTag.delete(tag)
    }
  }
}
