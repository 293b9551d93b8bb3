"use server"

import { updateTag } from "next/cache"
import type { StoreLookbook, StoreLookbookHotspot, StoreLookbookLook, StoreLookbookSummary } from "@curator/types/lookbook"
import { sdk } from "@lib/config"
import { catalogCache, catalogTags, STOCK_REVALIDATE_SECONDS } from "@lib/util/catalog-cache"
import { errorStatus, medusaErrorMessage } from "@lib/util/errors"
import { cartFor } from "./cart"
import { getAuthHeaders } from "./cookies"
import { getRegion, shopCountry } from "./regions"

export type LookbookSummary = StoreLookbookSummary
export type LookHotspot = StoreLookbookHotspot
export type Look = StoreLookbookLook
export type Lookbook = StoreLookbook

const LOOKBOOKS_PAGE_SIZE = 12

/** Published lookbooks in the shop's order, a page at a time. */
export async function listLookbooks(page = 1): Promise<{ lookbooks: LookbookSummary[]; count: number }> {
  const { lookbooks, count } = await sdk.client.fetch<{ lookbooks: LookbookSummary[]; count: number }>("/store/lookbooks", {
    query: { limit: LOOKBOOKS_PAGE_SIZE, offset: (Math.max(1, page) - 1) * LOOKBOOKS_PAGE_SIZE },
    ...catalogCache([catalogTags.lookbooks]),
  })
  return { lookbooks, count }
}

/**
 * A lookbook with its looks; hotspot prices are for the country's region. Cached for every
 * shopper: a lookbook, product or price change expires it at once (read by handle, it carries
 * the tags of every lookbook and product); stock sold by orders shows within a minute, and adding
 * the look to a cart checks stock again.
 */
export async function getLookbook(handle: string, countryCode: string): Promise<Lookbook | null> {
  const region = await getRegion(countryCode)
  try {
    const { lookbook } = await sdk.client.fetch<{ lookbook: Lookbook }>(`/store/lookbooks/${encodeURIComponent(handle)}`, {
      query: region ? { region_id: region.id } : {},
      ...catalogCache([catalogTags.lookbooks, catalogTags.products], STOCK_REVALIDATE_SECONDS),
    })
    return lookbook
  } catch (error) {
    if (errorStatus(error) === 404) return null
    throw error
  }
}

export type NotAddedReason = { variant_id: string; product_id: string; reason: string }
export type ShopTheLookState = { error?: string; added?: { variant_id: string; quantity: number }[]; not_added?: NotAddedReason[] } | null

/** The pieces' chosen variants as the form sends them (a JSON list of { hotspot_id, variant_id }). */
function parsePieces(value: FormDataEntryValue | null): { hotspot_id: string; variant_id: string }[] | null {
  try {
    const pieces: unknown = JSON.parse(String(value ?? "[]"))
    if (!Array.isArray(pieces)) return null
    return pieces.flatMap((p) =>
      p && typeof p.hotspot_id === "string" && typeof p.variant_id === "string" ? [{ hotspot_id: p.hotspot_id, variant_id: p.variant_id }] : []
    )
  } catch {
    return null
  }
}

/**
 * "Add the whole look": creates the shopper's cart if there is none, then lets the backend add
 * the size the shopper chose for each piece in one go; the answer says what was added and what
 * was not, and why.
 */
export async function addLookToCart(_state: ShopTheLookState, formData: FormData): Promise<ShopTheLookState> {
  const lookbookId = String(formData.get("lookbook_id") || "")
  const lookId = String(formData.get("look_id") || "")
  const countryCode = await shopCountry(formData.get("country_code"))
  const pieces = parsePieces(formData.get("pieces"))
  if (!lookbookId || !lookId || !pieces) return { error: "This look could not be found. Reload the page and try again." }
  try {
    const cart = await cartFor(countryCode)
    const result = await sdk.client.fetch<{ added: { variant_id: string; quantity: number }[]; not_added: NotAddedReason[] }>(
      `/store/lookbooks/${lookbookId}/looks/${lookId}/add-to-cart`,
      { method: "POST", body: { cart_id: cart.id, pieces }, headers: await getAuthHeaders() }
    )
    updateTag(`cart-${cart.id}`)
    return { added: result.added, not_added: result.not_added }
  } catch (error) {
    return { error: medusaErrorMessage(error, "The look could not be added to your cart. Try again, or add the pieces one by one.") }
  }
}

/**
 * Counts a look as seen (the backend counts views only through this call, never on reads). The
 * backend counts a view once per viewer and period, so it is told who is looking: the signed-in
 * shopper here, else the shopper's address and browser (which every write carries, see @lib/config).
 */
export async function recordLookView(lookbookId: string, lookId: string): Promise<void> {
  const headers = await getAuthHeaders()
  await sdk.client
    .fetch(`/store/lookbooks/${lookbookId}/looks/${lookId}/views`, { method: "POST", body: {}, headers, cache: "no-store" })
    .catch(() => undefined)
}
