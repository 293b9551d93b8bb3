"use server"

import type {
  SimilarProduct,
  StoreSimilarProductsResponse,
  StoreVisualSearchResponse,
  VisualSearchItem,
  VisualSearchProduct,
} from "@curator/types/visual-search"
import { MEDUSA_BACKEND_URL, sdk } from "@lib/config"
import { originsOf } from "@lib/security-headers"
import { catalogCache, catalogTags, STOCK_REVALIDATE_SECONDS } from "@lib/util/catalog-cache"
import { errorStatus, medusaErrorMessage } from "@lib/util/errors"
import { PHOTO_SEARCH_UNAVAILABLE, photoSearchBody, readPhotoFilters, readShopPhotoRef, type ShopPhotoRef } from "@lib/util/photo-search"
import { MAX_PHOTO_BYTES, PHOTO_TYPES } from "@lib/util/uploads"
import { getAuthHeaders } from "./cookies"
import { getLookbook } from "./lookbooks"
import { getRegion } from "./regions"
import { getPost } from "./social"

// Search by photo's response types, declared once beside the backend's routes (src/types/http/visual-search.ts).
export type PhotoSearchResult = StoreVisualSearchResponse
export type PhotoSearchItem = VisualSearchItem
export type PhotoSearchMatch = VisualSearchProduct
export type SimilarItem = SimilarProduct

/** A finished search, or what went wrong: 503 is "unavailable", a 4xx carries Medusa's message about the photo. */
export type PhotoSearchOutcome = { result: PhotoSearchResult } | { error: string; status: number }

/** The photo a source names: where it is shown, how to describe it, and the page it comes from. */
export type ShopPhoto = { url: string; width: number | null; height: number | null; alt: string; from: { label: string; href: string } }

/** How long a server-side search may take before the shopper is told it is unavailable (Medusa answers 503 within 2 s). */
const SEARCH_TIMEOUT_MS = 15_000

function outcomeOfError(error: unknown): { error: string; status: number } {
  const status = errorStatus(error) ?? 502
  if (status >= 500 || (error as Error)?.name === "TimeoutError") return { status: 503, error: PHOTO_SEARCH_UNAVAILABLE }
  return { status, error: medusaErrorMessage(error, "The photo could not be searched. Try another photo.") }
}

/**
 * Runs POST /store/visual-search from the server, for photos the storefront fetched itself. Browser
 * uploads go through src/app/api/visual-search instead, which streams them to Medusa.
 */
async function searchPhotoBytes(
  image: Blob,
  fileName: string,
  countryCode: string,
  rawFilters: Record<string, unknown>
): Promise<PhotoSearchOutcome> {
  try {
    const result = await sdk.client.fetch<PhotoSearchResult>("/store/visual-search", {
      method: "POST",
      body: photoSearchBody(image, fileName, countryCode, readPhotoFilters(rawFilters)),
      // Without a content type of its own, fetch writes the multipart boundary.
      headers: { "content-type": null, ...(await getAuthHeaders()) },
      cache: "no-store",
      signal: AbortSignal.timeout(SEARCH_TIMEOUT_MS),
    })
    return { result }
  } catch (error) {
    return outcomeOfError(error)
  }
}

/**
 * The photo behind a look or a post, as the shop shows it to this shopper (a followers-only post's
 * photo only to its followers): never a URL from the request, so the storefront fetches only
 * photos Medusa itself names.
 */
async function resolveShopPhoto(source: ShopPhotoRef, countryCode: string): Promise<ShopPhoto | null> {
  if ("lookbook" in source) {
    const lookbook = await getLookbook(String(source.lookbook), countryCode).catch(() => null)
    const index = lookbook?.looks.findIndex((l) => l.id === source.look) ?? -1
    if (!lookbook || index < 0) return null
    const look = lookbook.looks[index]
    return {
      url: look.image_url,
      width: look.width,
      height: look.height,
      alt: `Look ${index + 1} of ${lookbook.title}`,
      from: { label: lookbook.title, href: `/${countryCode}/lookbooks/${encodeURIComponent(lookbook.handle)}` },
    }
  }
  const post = await getPost(String(source.post), countryCode).catch(() => null)
  const index = Number.isInteger(source.photo) ? Number(source.photo) : 0
  const photo = post?.photos[index]
  if (!post || !photo) return null
  return {
    url: photo.url,
    width: photo.width,
    height: photo.height,
    alt: `Outfit shared by ${post.author.display_name}`,
    from: { label: `${post.author.display_name}'s post`, href: `/${countryCode}/feed/posts/${encodeURIComponent(post.id)}` },
  }
}

/**
 * Where the server can read a photo: its own URL, then, for a photo under the backend's public
 * address (STOREFRONT_IMAGE_ORIGINS, set when this server reaches Medusa under another name, as in
 * docker-compose.yml), the same path on MEDUSA_BACKEND_URL.
 */
function photoAddresses(url: string): string[] {
  try {
    const parsed = new URL(url)
    const internal = new URL(MEDUSA_BACKEND_URL)
    const publicOrigins = originsOf(process.env["STOREFRONT_IMAGE_ORIGINS"])
    if (parsed.origin === internal.origin || !publicOrigins.includes(parsed.origin)) return [url]
    return [url, `${internal.origin}${parsed.pathname}${parsed.search}`]
  } catch {
    return []
  }
}

/** The photo's bytes, at most Medusa's photo limit; null when it cannot be read. */
async function downloadPhoto(url: string): Promise<Blob | null> {
  for (const address of photoAddresses(url)) {
    try {
      const response = await fetch(address, { cache: "no-store", signal: AbortSignal.timeout(10_000) })
      const type = (response.headers.get("content-type") ?? "").split(";")[0].trim()
      if (!response.ok || !PHOTO_TYPES.includes(type) || Number(response.headers.get("content-length") ?? 0) > MAX_PHOTO_BYTES) {
        await response.body?.cancel().catch(() => undefined)
        return null
      }
      const bytes = await response.arrayBuffer()
      return bytes.byteLength > MAX_PHOTO_BYTES ? null : new Blob([bytes], { type })
    } catch {
      // Not reachable under this address: the next one, if any.
    }
  }
  return null
}

/**
 * "Shop this look": the look's or post's photo through search by photo, with the shopper's filters.
 * Called by the photo search page when it renders, and again (as a server action) when the filters change.
 */
export async function searchShopPhoto(
  countryCode: string,
  source: ShopPhotoRef,
  rawFilters: Record<string, unknown> = {}
): Promise<{ photo: ShopPhoto | null; outcome: PhotoSearchOutcome }> {
  // A server action's arguments come from the browser: only well-formed ids go on to Medusa.
  const ref = readShopPhotoRef(Object.fromEntries(Object.entries(source ?? {}).map(([name, value]) => [name, String(value)])))
  const photo = ref ? await resolveShopPhoto(ref, countryCode) : null
  if (!photo) return { photo: null, outcome: { status: 404, error: "This photo is not in the shop any more." } }
  const image = await downloadPhoto(photo.url)
  if (!image) return { photo, outcome: { status: 502, error: "The photo could not be loaded for searching. Try again in a moment." } }
  const extension = image.type === "image/png" ? "png" : image.type === "image/webp" ? "webp" : "jpg"
  return { photo, outcome: await searchPhotoBytes(image, `look.${extension}`, countryCode, rawFilters) }
}

/**
 * Counts a click on a search result (POST /store/visual-search/:id/clicks, analytics; `position` is
 * 0-based in the list shown): it never fails the shopper's navigation and gives up after a moment.
 */
export async function recordPhotoSearchClick(queryId: string, productId: string, position: number): Promise<void> {
  if (!/^[\w-]{1,64}$/.test(queryId) || !/^[\w-]{1,64}$/.test(productId) || !Number.isInteger(position) || position < 0 || position > 1000) return
  await sdk.client
    .fetch(`/store/visual-search/${encodeURIComponent(queryId)}/clicks`, {
      method: "POST",
      body: { product_id: productId, position },
      headers: await getAuthHeaders(),
      cache: "no-store",
      signal: AbortSignal.timeout(1500),
    })
    .catch(() => undefined)
}

/**
 * Products that look like this one and the shopper can buy in the country's region ("Similar
 * items" on product pages). Empty when there are none or the service is unavailable: the row is
 * left out, and nothing else on the page depends on it.
 */
export async function getSimilarProducts(productId: string, countryCode: string, limit = 8): Promise<SimilarItem[]> {
  const region = await getRegion(countryCode).catch(() => null)
  if (!region) return []
  try {
    const { products } = await sdk.client.fetch<StoreSimilarProductsResponse>(`/store/products/${encodeURIComponent(productId)}/similar`, {
      query: { region_id: region.id, limit },
      // Other products' prices and stock: expired with the catalog, and within a minute of orders.
      ...catalogCache([catalogTags.products], STOCK_REVALIDATE_SECONDS),
      // Medusa answers 503 within 2 s when the image service is slow or down; the row streams in
      // after the page (its own Suspense boundary), and a shop that is slow itself leaves it out.
      signal: AbortSignal.timeout(2500),
    })
    return products
  } catch (error) {
    if (errorStatus(error) !== 404 && errorStatus(error) !== 503) {
      console.warn(`[storefront] similar items for ${productId}: ${medusaErrorMessage(error, "failed")}`)
    }
    return []
  }
}
