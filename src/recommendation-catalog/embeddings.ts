import { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CatalogItem } from "../recommendation"
import { mlSidecar } from "../visual/ml-sidecar-client"

/**
 * Visual embeddings of catalog products for the content scorer (CatalogItem.embedding), from the
 * search-by-photo index: the visual module's rows say which images of a product are indexed and by which
 * model version; the vectors come from the ML sidecar in bulk and are kept in this process, keyed by image
 * id and model version (a vector changes only when its image is indexed again under another version), so a
 * catalog build asks the sidecar only for images it has not seen. Optional by design: while the sidecar is
 * down, slow or not configured, items carry the vectors already known or none, and the catalog never fails
 * or waits long for them.
 */

/** How long a catalog build waits for missing vectors (RECOMMENDATION_EMBEDDINGS_WAIT_MS); a slower fetch goes on and fills the cache for the next build. */
const DEFAULT_WAIT_MS = 1_000
/** The sidecar's own limit for one bulk read (it runs on in the background). */
const FETCH_TIMEOUT_MS = 30_000
/** After a failed read the sidecar is not asked again for this long: a down sidecar costs each build nothing. */
const RETRY_AFTER_MS = 30_000

/**
 * The normalised mean of unit vectors (all of one model space), or null when there are none or they cancel
 * out. A product's embedding is the mean of its indexed images rather than its "first": the index keeps no
 * image order, and the mean is the direction with the highest summed cosine to all of the product's pictures
 * (front, back, worn), so no single shot decides its look.
 */
export function meanUnitVector(vectors: ArrayLike<number>[]): Float32Array | null {
  const dim = vectors[0]?.length ?? 0
  if (!dim || vectors.some((v) => v.length !== dim)) return null
  const mean = new Float32Array(dim)
  for (const v of vectors) for (let i = 0; i < dim; i++) mean[i] += v[i]
  let norm = 0
  for (let i = 0; i < dim; i++) norm += mean[i] * mean[i]
  norm = Math.sqrt(norm)
  if (!(norm > 1e-12) || !Number.isFinite(norm)) return null
  for (let i = 0; i < dim; i++) mean[i] /= norm
  return mean
}

/** Image vectors by model version and image id; versions no indexed image has any more are dropped (prune). */
export class ImageEmbeddingCache {
  private readonly byVersion = new Map<string, Map<string, Float32Array>>()

  get(modelVersion: string, imageId: string): Float32Array | undefined {
    return this.byVersion.get(modelVersion)?.get(imageId)
  }

  set(modelVersion: string, imageId: string, vector: Float32Array): void {
    let vectors = this.byVersion.get(modelVersion)
    if (!vectors) this.byVersion.set(modelVersion, (vectors = new Map()))
    vectors.set(imageId, vector)
  }

  /** Those of the ids with no vector of this version. */
  missing(modelVersion: string, imageIds: string[]): string[] {
    const vectors = this.byVersion.get(modelVersion)
    return vectors ? imageIds.filter((id) => !vectors.has(id)) : [...imageIds]
  }

  /** Forgets every version but these. */
  prune(liveVersions: Set<string>): void {
    for (const version of [...this.byVersion.keys()]) if (!liveVersions.has(version)) this.byVersion.delete(version)
  }

  get size(): number {
    let n = 0
    for (const vectors of this.byVersion.values()) n += vectors.size
    return n
  }
}

/** An indexed image of a catalog product, as the visual module records it. */
export type IndexedImageRow = { image_id: string; product_id: string; model_version: string | null }

/**
 * The one model version a catalog's embeddings are taken from (cosine across model spaces means nothing):
 * the version most indexed images have. While a re-index to a new model goes on that is the old one until
 * most images are done, then the new one.
 */
export function catalogModelVersion(rows: IndexedImageRow[]): string | null {
  const counts = new Map<string, number>()
  for (const r of rows) if (r.model_version) counts.set(r.model_version, (counts.get(r.model_version) ?? 0) + 1)
  let best: string | null = null
  for (const [version, n] of counts) if (best === null || n > counts.get(best)!) best = version
  return best
}

/** Each product's embedding from the cached vectors of its images of `modelVersion` (products without any: absent). */
export function productEmbeddings(rows: IndexedImageRow[], modelVersion: string, cache: ImageEmbeddingCache): Map<string, Float32Array> {
  const vectorsOf = new Map<string, Float32Array[]>()
  for (const r of rows) {
    const vector = r.model_version === modelVersion ? cache.get(modelVersion, r.image_id) : undefined
    if (!vector) continue
    const vectors = vectorsOf.get(r.product_id)
    if (vectors) vectors.push(vector)
    else vectorsOf.set(r.product_id, [vector])
  }
  const embeddings = new Map<string, Float32Array>()
  for (const [productId, vectors] of vectorsOf) {
    const mean = vectors.length === 1 ? vectors[0] : meanUnitVector(vectors)
    if (mean) embeddings.set(productId, mean)
  }
  return embeddings
}

const cache = new ImageEmbeddingCache()
let inFlight: Promise<void> | null = null
let retryAt = 0
let warned = false

/** Reads the vectors of these images from the sidecar into the cache; one read at a time, never throws. */
function fetchIntoCache(imageIds: string[], logger: Logger): Promise<void> {
  if (inFlight) return inFlight // the next build asks for what this one did not cover
  if (Date.now() < retryAt) return Promise.resolve()
  inFlight = mlSidecar()
    .embeddings(imageIds, { timeoutMs: FETCH_TIMEOUT_MS })
    .then(({ model_version, embeddings }) => {
      for (const [imageId, vector] of Object.entries(embeddings)) cache.set(model_version, imageId, Float32Array.from(vector))
      warned = false
    })
    .catch((error: Error) => {
      retryAt = Date.now() + RETRY_AFTER_MS
      if (!warned) logger.warn(`Recommendations without visual embeddings for now: ${error.message}`)
      warned = true
    })
    .finally(() => {
      inFlight = null
    })
  return inFlight
}

/** Resolves after `ms` at the latest; the timer does not hold the process open. */
const atMost = (promise: Promise<void>, ms: number) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    timer.unref?.()
    void promise.then(() => {
      clearTimeout(timer)
      resolve()
    })
  })

/**
 * Sets `embedding` on the items whose products have indexed images with known vectors, fetching the missing
 * ones from the sidecar (waiting at most RECOMMENDATION_EMBEDDINGS_WAIT_MS). Never throws.
 */
export async function attachProductEmbeddings(scope: MedusaContainer, items: CatalogItem[]): Promise<void> {
  if (!items.length) return
  const logger = scope.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "visual_image",
      fields: ["image_id", "product_id", "model_version"],
      filters: { product_id: items.map((i) => i.product_id), status: "indexed" },
    })
    const rows = data as unknown as IndexedImageRow[]
    const version = catalogModelVersion(rows)
    if (!version) return
    cache.prune(new Set(rows.map((r) => r.model_version).filter((v): v is string => !!v)))
    const missing = cache.missing(
      version,
      rows.filter((r) => r.model_version === version).map((r) => r.image_id)
    )
    if (missing.length) await atMost(fetchIntoCache(missing, logger), Number(process.env.RECOMMENDATION_EMBEDDINGS_WAIT_MS ?? DEFAULT_WAIT_MS))
    const embeddings = productEmbeddings(rows, version, cache)
    for (const item of items) {
      const embedding = embeddings.get(item.product_id)
      if (embedding) item.embedding = embedding
    }
  } catch (error) {
    // The index state could not be read: attributes alone still recommend.
    logger.warn(`Recommendations without visual embeddings: ${(error as Error).message}`)
  }
}
