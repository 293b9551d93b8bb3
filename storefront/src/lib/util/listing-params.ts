import type { ListingQuery } from "@lib/data/products"
import { FILTER_PARAMS } from "@lib/util/search-options"

export type RawSearchParams = Record<string, string | string[] | undefined>

const list = (v: string | string[] | undefined) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter(Boolean))

/** Reads a listing's filters, sort, page and price band from the URL. */
export function parseListingParams(raw: RawSearchParams): ListingQuery {
  const query: ListingQuery = {}
  const q = list(raw.q)[0]?.trim()
  if (q) query.q = q.slice(0, 200)
  const sort = list(raw.sort)[0]
  if (sort) query.sort = sort
  const page = Number(list(raw.page)[0])
  if (Number.isInteger(page) && page > 1) query.page = page
  for (const name of FILTER_PARAMS) {
    const values = list(raw[name])
    if (values.length) query[name] = values
  }
  const price = list(raw.price)[0]
  const match = price?.match(/^(\d+)?-(\d+)?$/)
  if (match) {
    if (match[1]) query.min_price = Number(match[1])
    if (match[2]) query.max_price = Number(match[2])
  }
  if (list(raw.in_stock)[0] === "1") query.in_stock = true
  return query
}

/** The URL of the same listing with some parameters changed (undefined removes one). */
export function listingHref(basePath: string, raw: RawSearchParams, changes: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams()
  const merged = { ...raw, ...changes }
  for (const [key, value] of Object.entries(merged)) {
    for (const v of list(value)) params.append(key, v)
  }
  const qs = params.toString()
  return qs ? `${basePath}?${qs}` : basePath
}
