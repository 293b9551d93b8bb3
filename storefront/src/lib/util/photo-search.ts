/**
 * Search by photo's filters and the form fields POST /store/visual-search takes, shared by the photo
 * search page (browser uploads through src/app/api/visual-search) and the server-side searches
 * ("Shop this look" in src/lib/data/visual-search.ts).
 */

/** The shopper's constraints: prices in the region's currency (major units, like the listing's filter). */
export type PhotoSearchFilters = {
  min_price?: number
  max_price?: number
  size?: string
  /** Only products the shopper can buy now (Medusa's default too). */
  in_stock: boolean
}

export const DEFAULT_PHOTO_FILTERS: PhotoSearchFilters = { in_stock: true }

/** Products per garment on the photo search page (Medusa's default; it allows up to 48). */
export const PHOTO_SEARCH_LIMIT = 12

const price = (value: unknown): number | undefined => {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : typeof value === "number" ? value : NaN
  return Number.isFinite(n) && n >= 0 ? n : undefined
}

/** Filters from untrusted input (URL parameters, a server action's argument): anything malformed is dropped. */
export function readPhotoFilters(raw: Record<string, unknown>): PhotoSearchFilters {
  const filters: PhotoSearchFilters = { in_stock: raw.in_stock !== "0" && raw.in_stock !== false }
  const min = price(raw.min_price)
  const max = price(raw.max_price)
  if (min !== undefined) filters.min_price = min
  if (max !== undefined) filters.max_price = max
  if (typeof raw.size === "string" && raw.size.trim()) filters.size = raw.size.trim().slice(0, 40)
  return filters
}

/** The text fields of a visual search request, beside its `image`. */
export function photoSearchFields(countryCode: string, filters: PhotoSearchFilters, limit = PHOTO_SEARCH_LIMIT): [string, string][] {
  const fields: [string, string][] = [
    ["country_code", countryCode],
    ["in_stock", String(filters.in_stock)],
    ["limit", String(limit)],
  ]
  if (filters.min_price !== undefined) fields.push(["min_price", String(filters.min_price)])
  if (filters.max_price !== undefined) fields.push(["max_price", String(filters.max_price)])
  if (filters.size) fields.push(["size", filters.size])
  return fields
}

/** A multipart body for POST /store/visual-search: the photo, then the fields. */
export function photoSearchBody(image: Blob, fileName: string, countryCode: string, filters: PhotoSearchFilters, limit?: number): FormData {
  const body = new FormData()
  body.append("image", image, fileName)
  for (const [name, value] of photoSearchFields(countryCode, filters, limit)) body.append(name, value)
  return body
}

/** A search that failed because the service is down (503): the page shows its own "unavailable" state. */
export const PHOTO_SEARCH_UNAVAILABLE = "Photo search is unavailable right now. Try again in a few minutes, or search by words."

/** A photo the shop already shows, named by ids ("Shop this look"): never a URL, so only Medusa's photos are fetched. */
export type ShopPhotoRef = { lookbook: string; look: string } | { post: string; photo?: number }

const ID = /^[\w-]{1,100}$/

/** The look or post named by the photo search page's URL (`?lookbook=&look=`, `?post=&photo=`), or null. */
export function readShopPhotoRef(raw: Record<string, string | string[] | undefined>): ShopPhotoRef | null {
  const one = (name: string) => {
    const v = raw[name]
    return (Array.isArray(v) ? v[0] : v)?.trim() ?? ""
  }
  if (ID.test(one("lookbook")) && ID.test(one("look"))) return { lookbook: one("lookbook"), look: one("look") }
  if (ID.test(one("post"))) {
    const photo = Number(one("photo") || 0)
    return { post: one("post"), photo: Number.isInteger(photo) && photo >= 0 && photo < 10 ? photo : 0 }
  }
  return null
}

/** The photo search page for a look's or post's photo. */
export function shopPhotoHref(countryCode: string, ref: ShopPhotoRef): string {
  const params = new URLSearchParams("lookbook" in ref ? { lookbook: ref.lookbook, look: ref.look } : { post: ref.post })
  if ("post" in ref && ref.photo) params.set("photo", String(ref.photo))
  return `/${countryCode}/search/photo?${params}`
}
