"use server"

import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import { sdk } from "@lib/config"
import { errorStatus, medusaErrorMessage } from "@lib/util/errors"
import { shopCountry } from "./regions"
import { getAuthHeaders, isSignedIn } from "./cookies"

export type WardrobeItem = {
  id: string
  name: string
  category: string | null
  colours: string[]
  brand: string | null
  size: string | null
  price_paid: number | null
  currency_code: string | null
  material: string | null
  season: string | null
  notes: string | null
  photo_url: string | null
  acquired_on: string | null
  source: "manual" | "order"
  product_id: string | null
  variant_id: string | null
  created_at: string
}
export type Outfit = {
  id: string
  name: string
  occasion: string | null
  season: string | null
  notes: string | null
  created_at: string
  items: { id: string; position: number; item: { id: string; name: string; category: string | null; colours: string[]; photo_url: string | null } | null }[]
  products: { id: string; position: number; product_id: string; variant_id: string | null; product: { title: string; handle: string; thumbnail: string | null } | null }[]
}
export type ItemWearStats = {
  id: string
  name: string
  category: string | null
  times_worn: number
  last_worn_on: string | null
  price_paid: number | null
  currency_code: string | null
  cost_per_wear: number | null
}
export type MixEntry = { value: string; count: number; share: number }
export type WardrobeStats = {
  item_count: number
  outfit_count: number
  wear_count: number
  total_spent: { currency_code: string; amount: number }[]
  items: ItemWearStats[]
  most_worn: ItemWearStats[]
  least_worn: ItemWearStats[]
  colour_mix: MixEntry[]
  category_mix: MixEntry[]
  not_worn_days: number
  not_worn_recently: ItemWearStats[]
}
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

export async function listItems(countryCode: string, filters: ItemFilters = {}, limit = PAGE_SIZE): Promise<{ items: WardrobeItem[]; count: number }> {
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
    const { items, count } = await read<{ items: WardrobeItem[]; count: number }>(countryCode, "/store/wardrobe/items", { limit: 100, offset, order: "name" })
    all.push(...items)
    if (all.length >= count || !items.length) break
  }
  return all
}

export async function getItem(countryCode: string, id: string): Promise<WardrobeItem | null> {
  return orNull(read<{ item: WardrobeItem }>(countryCode, `/store/wardrobe/items/${encodeURIComponent(id)}`).then((r) => r.item))
}

export async function listOutfits(countryCode: string): Promise<{ outfits: Outfit[]; count: number }> {
  return read(countryCode, "/store/wardrobe/outfits", { limit: 100, order: "-created_at" })
}

export async function getOutfit(countryCode: string, id: string): Promise<Outfit | null> {
  return orNull(read<{ outfit: Outfit }>(countryCode, `/store/wardrobe/outfits/${encodeURIComponent(id)}`).then((r) => r.outfit))
}

export async function getStats(countryCode: string): Promise<WardrobeStats> {
  return read<{ stats: WardrobeStats }>(countryCode, "/store/wardrobe/stats").then((r) => r.stats)
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
    const { outfit } = await sdk.client.fetch<{ outfit: Outfit }>("/store/wardrobe/outfits", {
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
