import type { CatalogCacheTag, StorefrontRevalidateRequest } from "../types/http/storefront-revalidation"

/**
 * Tells the storefront which of its cached catalog reads changed (POST <STOREFRONT_URL>/api/revalidate
 * with the shared STOREFRONT_REVALIDATE_SECRET). Calls are fire-and-forget: a write never waits for
 * the storefront, and a storefront that is down costs one log line, not a failed write (its cache
 * then expires by time).
 */

type Env = Record<string, string | undefined>
type Logger = { warn(message: string): void; debug(message: string): void }

export type StorefrontRevalidationTarget = { url: string; secret: string }

/** Where and with which secret to call the storefront; null when either setting is missing. */
export function storefrontRevalidationTarget(env: Env = process.env): StorefrontRevalidationTarget | null {
  const base = env.STOREFRONT_URL?.trim().replace(/\/+$/, "")
  const secret = env.STOREFRONT_REVALIDATE_SECRET?.trim()
  return base && secret ? { url: `${base}/api/revalidate`, secret } : null
}

/**
 * One save emits several events (the product, each variant, each price): tags that arrive within
 * this window go in one call. The wait also lets Medusa's own cache drop the old rows first (its
 * Caching Module clears them on the same events), so the storefront's next read gets the new ones.
 */
export const REVALIDATION_BATCH_MS = 250
/**
 * The same tags are expired once more after this: Medusa's search index is rebuilt from the same
 * events, concurrently, and a shopper's read in between would cache the old listing again.
 */
export const REVALIDATION_SETTLE_MS = 2500
/** A storefront that does not answer within this is given up on; its cache expires by time. */
export const REVALIDATION_TIMEOUT_MS = 3000
/** The storefront route's limit per call. */
const MAX_TAGS_PER_CALL = 100

type Batch = { tags: Set<CatalogCacheTag>; timer: NodeJS.Timeout | null }

export class StorefrontRevalidator {
  private readonly soon: Batch = { tags: new Set(), timer: null }
  private readonly again: Batch = { tags: new Set(), timer: null }

  constructor(
    private readonly target: StorefrontRevalidationTarget,
    private readonly logger: Logger,
    private readonly options = { batchMs: REVALIDATION_BATCH_MS, settleMs: REVALIDATION_SETTLE_MS, timeoutMs: REVALIDATION_TIMEOUT_MS }
  ) {}

  /** Queues tags: sent with the others of the batch window, and once more when it has settled. Never throws, never waits. */
  request(tags: CatalogCacheTag[]): void {
    if (!tags.length) return
    this.queue(this.soon, tags, this.options.batchMs)
    this.queue(this.again, tags, this.options.settleMs)
  }

  /** Sends everything queued now, both batches (tests call this). */
  async flush(): Promise<void> {
    await this.send(this.soon)
    await this.send(this.again)
  }

  private queue(batch: Batch, tags: CatalogCacheTag[], delayMs: number) {
    for (const tag of tags) batch.tags.add(tag)
    if (batch.timer) return
    batch.timer = setTimeout(() => void this.send(batch), delayMs)
    // A pending call never keeps a stopping process alive.
    batch.timer.unref()
  }

  private async send(batch: Batch): Promise<void> {
    if (batch.timer) clearTimeout(batch.timer)
    batch.timer = null
    const tags = [...batch.tags]
    batch.tags.clear()
    for (let i = 0; i < tags.length; i += MAX_TAGS_PER_CALL) await this.post(tags.slice(i, i + MAX_TAGS_PER_CALL))
  }

  private async post(tags: CatalogCacheTag[]): Promise<void> {
    const body: StorefrontRevalidateRequest = { tags }
    try {
      const response = await fetch(this.target.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${this.target.secret}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      })
      if (!response.ok) {
        const text = await response.text().catch(() => "")
        this.logger.warn(
          `storefront cache revalidation (${tags.length} tags) answered ${response.status} from ${this.target.url}: ${text.slice(0, 200)}`
        )
      }
    } catch (error) {
      this.logger.warn(`storefront cache revalidation (${tags.length} tags) to ${this.target.url} failed: ${(error as Error).message}`)
    }
  }
}

let shared: { key: string; revalidator: StorefrontRevalidator } | null = null
let reportedOff = false

/**
 * Whether the storefront is to be told of changes: false without STOREFRONT_URL and
 * STOREFRONT_REVALIDATE_SECRET, which is said once, at debug level.
 */
export function storefrontRevalidationEnabled(logger: Logger, env: Env = process.env): boolean {
  if (storefrontRevalidationTarget(env)) return true
  if (!reportedOff) logger.debug("storefront cache revalidation is off: STOREFRONT_URL or STOREFRONT_REVALIDATE_SECRET is not set")
  reportedOff = true
  return false
}

/** Asks the storefront to expire `tags` (batched, fire-and-forget); nothing when it is not configured. */
export function requestStorefrontRevalidation(tags: CatalogCacheTag[], logger: Logger, env: Env = process.env): void {
  const target = storefrontRevalidationTarget(env)
  if (!target || !tags.length) return
  const key = `${target.url}\n${target.secret}`
  if (shared?.key !== key) shared = { key, revalidator: new StorefrontRevalidator(target, logger) }
  shared.revalidator.request(tags)
}
