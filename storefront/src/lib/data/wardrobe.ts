"use server"

import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import { sdk } from "@lib/config"
import { errorStatus, medusaErrorMessage } from "@lib/util/errors"
import type {
  StoreWardrobeItem,
  StoreWardrobeItemListResponse,
  StoreWardrobeItemResponse,
  StoreWardrobeItemWearStats,
  StoreWardrobeMixEntry,
  StoreWardrobeOutfit,
  StoreWardrobeOutfitListResponse,
  StoreWardrobeOutfitResponse,
  StoreWardrobeStats,
  StoreWardrobeStatsResponse,
} from "@curator/types/wardrobe"
import { getRegion, shopCountry } from "./regions"
import { getAuthHeaders, isSignedIn } from "./cookies"

// The wardrobe API's response types, declared once beside the backend's routes (src/types/http/wardrobe.ts).
export type WardrobeItem = StoreWardrobeItem
export type Outfit = StoreWardrobeOutfit
export type ItemWearStats = StoreWardrobeItemWearStats
export type MixEntry = StoreWardrobeMixEntry
export type WardrobeStats = StoreWardrobeStats
export type ItemFilters = { q?: string; category?: string; colour?: string; season?: string; page?: number }

const PAGE_SIZE = 24

/** The wardrobe is the signed-in customer's own: guests go to sign in, expired sessions too. */
async function authHeaders(countryCode: string) {
  if (!(await isSignedIn())) redirect(`/${await shopCountry(countryCode)}/account`)
  return getAuthHeaders()
}

async function read<T>(countryCode: string, path: string, query: Record<string, unknown> = {}): Promise<T> {
  try {
    return await sdk.client.fetch<T>(path, { query, headers: await authHeaders(countryCode), cache: "no-store" })
  } catch (error) {
    if (errorStatus(error) === 401) redirect(`/${await shopCountry(countryCode)}/account`)
    throw error
  }
}

async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise
  } catch (error) {
    if (errorStatus(error) === 404) return null
    throw error
  }
}

export async function listItems(countryCode: string, filters: ItemFilters = {}, limit = PAGE_SIZE): Promise<StoreWardrobeItemListResponse> {
  const page = Math.max(1, filters.page ?? 1)
  const query: Record<string, unknown> = { limit, offset: (page - 1) * limit, order: "-created_at" }
  if (filters.q) query.q = filters.q
  if (filters.category) query.category = filters.category
  if (filters.colour) query.colour = filters.colour
  if (filters.season) query.season = filters.season
  return read(countryCode, "/store/wardrobe/items", query)
}

/** Every item (for the outfit builder and the filter options), up to the API's page limit a request. */
export async function listAllItems(countryCode: string): Promise<WardrobeItem[]> {
  const all: WardrobeItem[] = []
  for (let offset = 0; offset < 1000; offset += 100) {
    const { items, count } = await read<StoreWardrobeItemListResponse>(countryCode, "/store/wardrobe/items", { limit: 100, offset, order: "name" })
    all.push(...items)
    if (all.length >= count || !items.length) break
  }
  return all
}

export async function getItem(countryCode: string, id: string): Promise<WardrobeItem | null> {
  return orNull(read<StoreWardrobeItemResponse>(countryCode, `/store/wardrobe/items/${encodeURIComponent(id)}`).then((r) => r.item))
}

/** The region outfits' product cards are priced for. */
async function regionQuery(countryCode: string): Promise<{ region_id?: string }> {
  const region = await getRegion(countryCode)
  return region ? { region_id: region.id } : {}
}

export async function listOutfits(countryCode: string): Promise<StoreWardrobeOutfitListResponse> {
  return read(countryCode, "/store/wardrobe/outfits", { limit: 100, order: "-created_at", ...(await regionQuery(countryCode)) })
}

export async function getOutfit(countryCode: string, id: string): Promise<Outfit | null> {
  const query = await regionQuery(countryCode)
  return orNull(read<StoreWardrobeOutfitResponse>(countryCode, `/store/wardrobe/outfits/${encodeURIComponent(id)}`, query).then((r) => r.outfit))
}

export async function getStats(countryCode: string): Promise<WardrobeStats> {
  return read<StoreWardrobeStatsResponse>(countryCode, "/store/wardrobe/stats").then((r) => r.stats)
}

// Items are added and changed through the upload route (src/app/api/wardrobe/items), which streams
// the photo to Medusa instead of buffering it in a server action.

export type WardrobeActionResult = { error?: string; ok?: boolean; message?: string } | null

export async function deleteItem(countryCode: string, id: string): Promise<WardrobeActionResult> {
  countryCode = await shopCountry(countryCode)
  try {
    await sdk.client.fetch(`/store/wardrobe/items/${encodeURIComponent(id)}`, { method: "DELETE", headers: await authHeaders(countryCode) })
  } catch (error) {
    return { error: medusaErrorMessage(error, "The item could not be deleted. Try again.") }
  }
  revalidatePath(`/${countryCode}/wardrobe`, "layout")
  redirect(`/${countryCode}/wardrobe?deleted=1`)
}

export async function deleteOutfit(countryCode: string, id: string): Promise<WardrobeActionResult> {
  countryCode = await shopCountry(countryCode)
  try {
    await sdk.client.fetch(`/store/wardrobe/outfits/${encodeURIComponent(id)}`, { method: "DELETE", headers: await authHeaders(countryCode) })
  } catch (error) {
    return { error: medusaErrorMessage(error, "The outfit could not be deleted. Try again.") }
  }
  revalidatePath(`/${countryCode}/wardrobe`, "layout")
  redirect(`/${countryCode}/wardrobe/outfits`)
}

/** Marks an item or an outfit (and so each of its items) worn on a day; the same day twice counts once. */
export async function logWear(_state: WardrobeActionResult, formData: FormData): Promise<WardrobeActionResult> {
  const countryCode = await shopCountry(formData.get("country_code"))
  const kind = formData.get("kind") === "outfit" ? "outfits" : "items"
  const id = String(formData.get("id") || "")
  const wornOn = String(formData.get("worn_on") || "")
  if (!/^\d{4}-\d{2}-\d{2}$/.test(wornOn)) return { error: "Choose the day you wore it." }
  try {
    await sdk.client.fetch(`/store/wardrobe/${kind}/${encodeURIComponent(id)}/wear`, {
      method: "POST",
      body: { worn_on: wornOn },
      headers: await authHeaders(countryCode),
      cache: "no-store",
    })
  } catch (error) {
    return { error: medusaErrorMessage(error, "The wear could not be saved. Try again.") }
  }
  revalidatePath(`/${countryCode}/wardrobe`, "layout")
  const day = new Date(`${wornOn}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
  return { ok: true, message: `Marked as worn on ${day}.` }
}

export type OutfitFormState = { error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> } | null

/** The outfit builder's products (a JSON list it writes), or null when the field is not such a list. */
function parseProducts(raw: FormDataEntryValue | null): { product_id: string; variant_id?: string }[] | null {
  try {
    const value: unknown = JSON.parse(typeof raw === "string" && raw ? raw : "[]")
    return Array.isArray(value) && value.every((p) => p && typeof p === "object" && typeof p.product_id === "string") ? value : null
  } catch {
    return null
  }
}

/** Creates an outfit from chosen wardrobe items and, optionally, catalog products. */
export async function createOutfit(_state: OutfitFormState, formData: FormData): Promise<OutfitFormState> {
  const countryCode = await shopCountry(formData.get("country_code"))
  const values = Object.fromEntries(["name", "occasion", "season", "notes"].map((n) => [n, String(formData.get(n) ?? "").trim()]))
  const itemIds = formData.getAll("item_ids").map(String).filter(Boolean)
  const products = parseProducts(formData.get("products"))
  const fieldErrors: Record<string, string> = {}
  if (!products) return { error: "The chosen products could not be read. Reload the page and pick them again." }
  if (!values.name) fieldErrors.name = "Name the outfit, like “Monday office”."
  if (!itemIds.length && !products.length) fieldErrors.item_ids = "Pick at least one item from your wardrobe or a product from the shop."
  // The chosen items go back with the values, so a form shown again keeps them ticked.
  const kept = { ...values, item_ids: itemIds.join(",") }
  if (Object.keys(fieldErrors).length) return { fieldErrors, values: kept }
  let id: string
  try {
    const body: Record<string, unknown> = { name: values.name, item_ids: itemIds, products }
    for (const field of ["occasion", "season", "notes"]) if (values[field]) body[field] = values[field]
    const { outfit } = await sdk.client.fetch<StoreWardrobeOutfitResponse>("/store/wardrobe/outfits", {
      method: "POST",
      body,
      headers: await authHeaders(countryCode),
      cache: "no-store",
    })
    id = outfit.id
  } catch (error) {
    return { error: medusaErrorMessage(error, "The outfit could not be saved. Try again."), values: kept }
  }
  revalidatePath(`/${countryCode}/wardrobe`, "layout")
  redirect(`/${countryCode}/wardrobe/outfits/${id}?added=1`)
}
