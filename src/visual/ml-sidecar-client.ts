import type { MedusaResponse } from "@medusajs/framework/http"

/**
 * Medusa's one client of the ML sidecar (ml-sidecar/): image index writes, photo description
 * and search, similar images, near-duplicate checks, try-on. The sidecar is internal: Medusa is its only
 * caller. When it cannot be reached every call fails fast with MlSidecarUnavailableError, so a
 * route answers 503 and everything else in the shop keeps working.
 */

export type SidecarMetadata = Record<string, unknown>

export type SidecarBox = { x: number; y: number; width: number; height: number }

/** `leading`: a match the sidecar puts first: a near-exact one of another category than the predicted, or a near-copy by keypoints. */
export type SidecarHit = { id: string; score: number; metadata: SidecarMetadata; collapsed?: number; leading?: boolean }

export type SidecarDescribedItem = {
  box: SidecarBox
  source: "product" | "person" | "whole"
  part?: "top" | "bottom" | "full" | "shoes" | "bag"
  prominence: number
  category: { handle: string; confidence: number }
  categories: { handle: string; confidence: number }[]
  colours: { name: string; hex: string; share: number }[]
  embedding?: number[]
  /** The category the item's hits were searched within (null: every category). */
  search_category: string | null
  hits?: SidecarHit[]
}

export type SidecarDescription = {
  model: string
  model_version: string
  head_version: string
  width: number
  height: number
  person: boolean
  items: SidecarDescribedItem[]
  message?: string
}

export type DescribeOptions = {
  /** Hits per item (0: none). */
  k?: number
  filter?: Record<string, unknown>
  /** Search every item in this category handle. */
  category?: string
  min_category_confidence?: number
  max_items?: number
  include_embedding?: boolean
}

export type SidecarHealth = {
  status: string
  backend: string
  model: string
  model_version: string
  store: { kind: string; vectors: number; search: string }
  describe?: { head_version: string; labels: string[]; detector: string }
  [key: string]: unknown
}

export type SidecarImage = {
  id: string
  model: string
  model_version: string
  metadata: SidecarMetadata
  indexed_at: string
}

/** Indexed images' embeddings by image id (ids not indexed are absent), all of model `model_version`. */
export type SidecarEmbeddings = { model_version: string; embeddings: Record<string, number[]> }

/** The most ids POST /v1/images/embeddings takes at once. */
export const EMBEDDINGS_PER_REQUEST = 1000

/** A body joint in the person photo's pixels (after EXIF orientation); the person's own left and right. */
export type SidecarKeypoint = { x: number; y: number; score: number; estimated?: boolean }

/** Where POST /v1/try-on put the garment, in the person photo's pixels. */
export type SidecarTryOnPlacement = {
  width: number
  height: number
  keypoints: Record<string, SidecarKeypoint>
  outline: [number, number][]
  warnings: string[]
}

export type TryOnInput = {
  /** The shopper's photo (JPEG, PNG or WebP). */
  person: Uint8Array
  /** The product image, on a plain background. */
  garment: Uint8Array
  /** A catalog category handle (tops, dresses, jeans, …); others are refused with 422 category_not_supported. */
  category: string
  /** How the chosen size sits: a width factor or JSON such as {"chest":"loose"} (see the sidecar's README). */
  fit?: string
  format?: "jpeg" | "png"
}

export type SidecarTryOn = {
  image: { content_type: "image/jpeg" | "image/png"; width: number; height: number; data: Buffer }
  placement: SidecarTryOnPlacement
  category: string
  kind: "top" | "full" | "legs" | "skirt"
  fit: { width: number; length: number }
}

export type SidecarDuplicate = { id: string; score: number; hash_distance: number; evidence: string; metadata: SidecarMetadata }

/** The sidecar could not be reached, timed out or failed (5xx). */
export class MlSidecarUnavailableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "MlSidecarUnavailableError"
  }
}

/** The sidecar refused the request (4xx): the photo or the parameters were wrong. */
export class MlSidecarRequestError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string
  ) {
    super(message)
    this.name = "MlSidecarRequestError"
  }
}

export type MlSidecarClientOptions = {
  url: string
  token?: string
  /** Per-request limit for searches (the shopper is waiting). */
  searchTimeoutMs?: number
  /**
   * Per-request limit for similar images: "Similar items" on a product page, which the route must
   * answer (503 when the sidecar is slow) within 2 s; the row is an extra, never worth a long wait.
   */
  similarTimeoutMs?: number
  /** Per-request limit for index writes (background work). */
  writeTimeoutMs?: number
  /** Per-request limit for a try-on (the shopper is waiting, and it decodes two images and runs the pose model). */
  tryOnTimeoutMs?: number
  /** After a connection failure, calls fail at once for this long instead of each waiting. */
  downCooldownMs?: number
}

const DEFAULT_SEARCH_TIMEOUT_MS = 10_000
const DEFAULT_SIMILAR_TIMEOUT_MS = 1_500
const DEFAULT_WRITE_TIMEOUT_MS = 30_000
const DEFAULT_TRY_ON_TIMEOUT_MS = 20_000
const DEFAULT_DOWN_COOLDOWN_MS = 1_000

// A copy: FormData wants bytes backed by a plain ArrayBuffer.
const imagePart = (image: Uint8Array) => new Blob([new Uint8Array(image)])

type RequestOptions = { method?: string; body?: FormData | string; timeoutMs: number; allowNotFound?: boolean }

export class MlSidecarClient {
  readonly url: string
  private readonly token?: string
  private readonly searchTimeoutMs: number
  private readonly similarTimeoutMs: number
  private readonly writeTimeoutMs: number
  private readonly tryOnTimeoutMs: number
  private readonly downCooldownMs: number
  private downUntil = 0
  private lastDownReason = ""

  constructor(options: MlSidecarClientOptions) {
    this.url = options.url.replace(/\/+$/, "")
    this.token = options.token || undefined
    this.searchTimeoutMs = options.searchTimeoutMs ?? DEFAULT_SEARCH_TIMEOUT_MS
    this.similarTimeoutMs = options.similarTimeoutMs ?? DEFAULT_SIMILAR_TIMEOUT_MS
    this.writeTimeoutMs = options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS
    this.tryOnTimeoutMs = options.tryOnTimeoutMs ?? DEFAULT_TRY_ON_TIMEOUT_MS
    this.downCooldownMs = options.downCooldownMs ?? DEFAULT_DOWN_COOLDOWN_MS
  }

  health(): Promise<SidecarHealth> {
    return this.request<SidecarHealth>("/health", { timeoutMs: 2_000 }) as Promise<SidecarHealth>
  }

  async putImage(id: string, image: Uint8Array, metadata: SidecarMetadata): Promise<SidecarImage> {
    const form = new FormData()
    form.append("image", imagePart(image), "image")
    form.append("metadata", JSON.stringify(metadata))
    const body = await this.request<{ image: SidecarImage }>(`/v1/images/${encodeURIComponent(id)}`, {
      method: "PUT",
      body: form,
      timeoutMs: this.writeTimeoutMs,
    })
    return body!.image
  }

  async getImage(id: string): Promise<SidecarImage | null> {
    const body = await this.request<{ image: SidecarImage }>(`/v1/images/${encodeURIComponent(id)}`, {
      timeoutMs: this.searchTimeoutMs,
      allowNotFound: true,
    })
    return body?.image ?? null
  }

  /**
   * The embeddings (L2-normalised) of indexed images, in requests of at most EMBEDDINGS_PER_REQUEST ids;
   * ids the sidecar does not hold are absent. `model_version` is the sidecar's model space (every vector is of it).
   */
  async embeddings(ids: string[], options: { timeoutMs?: number } = {}): Promise<SidecarEmbeddings> {
    const result: SidecarEmbeddings = { model_version: "", embeddings: {} }
    for (let start = 0; start < ids.length; start += EMBEDDINGS_PER_REQUEST) {
      const body = (await this.request<SidecarEmbeddings>("/v1/images/embeddings", {
        method: "POST",
        body: JSON.stringify({ ids: ids.slice(start, start + EMBEDDINGS_PER_REQUEST) }),
        timeoutMs: options.timeoutMs ?? this.searchTimeoutMs,
      }))!
      // A model change between two requests: the earlier vectors are of another space and must not be mixed in.
      if (result.model_version && body.model_version !== result.model_version) result.embeddings = {}
      result.model_version = body.model_version
      Object.assign(result.embeddings, body.embeddings)
    }
    return result
  }

  /** Resolves false when the image was not indexed. */
  async deleteImage(id: string): Promise<boolean> {
    const body = await this.request(`/v1/images/${encodeURIComponent(id)}`, {
      method: "DELETE",
      timeoutMs: this.writeTimeoutMs,
      allowNotFound: true,
    })
    return body !== null
  }

  async describe(image: Uint8Array, options: DescribeOptions = {}): Promise<SidecarDescription> {
    const form = new FormData()
    form.append("image", imagePart(image), "image")
    for (const [key, value] of Object.entries(options)) {
      if (value === undefined) continue
      form.append(key, typeof value === "object" ? JSON.stringify(value) : String(value))
    }
    return (await this.request<SidecarDescription>("/v1/describe", { method: "POST", body: form, timeoutMs: this.searchTimeoutMs }))!
  }

  /** Images that look like the given indexed images; null when none of them is indexed. */
  async similar(input: { image_ids: string[]; k?: number; filter?: Record<string, unknown> }): Promise<SidecarHit[] | null> {
    const body = await this.request<{ hits: SidecarHit[] }>("/v1/similar", {
      method: "POST",
      body: JSON.stringify(input),
      timeoutMs: this.similarTimeoutMs,
      allowNotFound: true,
    })
    return body?.hits ?? null
  }

  /** Indexed images that are near-duplicates of the photo, among those matching the filter. */
  async duplicates(image: Uint8Array, filter?: Record<string, unknown>): Promise<SidecarDuplicate[]> {
    const form = new FormData()
    form.append("image", imagePart(image), "image")
    if (filter) form.append("filter", JSON.stringify(filter))
    const body = await this.request<{ duplicates: SidecarDuplicate[] }>("/v1/duplicates", {
      method: "POST",
      body: form,
      timeoutMs: this.searchTimeoutMs,
    })
    return body!.duplicates
  }

  /**
   * The garment warped onto the person's photo: the composited image and where the garment went.
   * Refusals (no_person, several_people, pose_not_supported, image_too_small,
   * category_not_supported, garment_not_found) are MlSidecarRequestError with status 422.
   */
  async tryOn(input: TryOnInput): Promise<SidecarTryOn> {
    const form = new FormData()
    form.append("person", imagePart(input.person), "person")
    form.append("garment", imagePart(input.garment), "garment")
    form.append("category", input.category)
    if (input.fit) form.append("fit", input.fit)
    if (input.format) form.append("format", input.format)
    const body = (await this.request<Omit<SidecarTryOn, "image"> & { image: SidecarTryOn["image"] & { data: string } }>("/v1/try-on", {
      method: "POST",
      body: form,
      timeoutMs: this.tryOnTimeoutMs,
    }))!
    return { ...body, image: { ...body.image, data: Buffer.from(body.image.data, "base64") } }
  }

  private async request<T>(path: string, options: RequestOptions): Promise<T | null> {
    if (Date.now() < this.downUntil) throw new MlSidecarUnavailableError(this.lastDownReason)
    const headers: Record<string, string> = {}
    if (this.token) headers.authorization = `Bearer ${this.token}`
    if (typeof options.body === "string") headers["content-type"] = "application/json"
    let response: Response
    try {
      response = await fetch(`${this.url}${path}`, {
        method: options.method ?? "GET",
        headers,
        body: options.body,
        signal: AbortSignal.timeout(options.timeoutMs),
      })
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError"
      const reason = timedOut
        ? `The image service did not answer within ${options.timeoutMs / 1000} s.`
        : "The image service cannot be reached right now."
      if (!timedOut) {
        this.downUntil = Date.now() + this.downCooldownMs
        this.lastDownReason = reason
      }
      throw new MlSidecarUnavailableError(reason)
    }
    if (response.status === 404 && options.allowNotFound) {
      await response.body?.cancel()
      return null
    }
    const text = await response.text()
    let body: unknown = null
    try {
      body = text ? JSON.parse(text) : null
    } catch {
      body = null
    }
    if (response.status >= 500) throw new MlSidecarUnavailableError(`The image service failed (${response.status}).`)
    if (!response.ok) {
      const { type, message } = (body ?? {}) as { type?: string; message?: string }
      throw new MlSidecarRequestError(
        response.status,
        type ?? "invalid_request",
        message ?? `The image service refused the request (${response.status}).`
      )
    }
    return body as T
  }
}

let shared: { key: string; client: MlSidecarClient } | null = null

/** The client for this process's settings (ML_SIDECAR_URL, ML_SIDECAR_TOKEN); rebuilt when they change (tests move the sidecar). */
export function mlSidecar(): MlSidecarClient {
  const url = process.env.ML_SIDECAR_URL || "http://localhost:9100"
  const token = process.env.ML_SIDECAR_TOKEN || ""
  const searchTimeoutMs = Number(process.env.ML_SIDECAR_SEARCH_TIMEOUT_MS) || undefined
  const key = `${url}\n${token}\n${searchTimeoutMs ?? ""}`
  if (shared?.key !== key) shared = { key, client: new MlSidecarClient({ url, token, searchTimeoutMs }) }
  return shared.client
}

/** Answers 503 { type: "unavailable", message } when the error says the sidecar is down; false otherwise. */
export function sidecarUnavailableResponse(error: unknown, res: MedusaResponse, feature = "Photo search"): boolean {
  if (!(error instanceof MlSidecarUnavailableError)) return false
  res.status(503).json({ type: "unavailable", message: `${feature} is unavailable right now: ${error.message}` })
  return true
}
