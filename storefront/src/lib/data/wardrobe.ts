"use server"

import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import { sdk } from "@lib/config"
import { errorStatus, medusaErrorMessage } from "@lib/util/errors"
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
  if (!(await isSignedIn())) redirect(`/${countryCode}/account`)
  return getAuthHeaders()
}

async function read<T>(countryCode: string, path: string, query: Record<string, unknown> = {}): Promise<T> {
  try {
    return await sdk.client.fetch<T>(path, { query, headers: await authHeaders(countryCode), cache: "no-store" })
  } catch (error) {
    if (errorStatus(error) === 401) redirect(`/${countryCode}/account`)
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

export type ItemFormState = { error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> } | null

const ITEM_TEXT_FIELDS = ["name", "category", "colours", "brand", "size", "price_paid", "currency_code", "material", "season", "notes", "acquired_on"]

function readItemForm(formData: FormData) {
  const values = Object.fromEntries(ITEM_TEXT_FIELDS.map((n) => [n, String(formData.get(n) ?? "").trim()]))
  const fieldErrors: Record<string, string> = {}
  if (!values.name) fieldErrors.name = "Give the item a name, like “Navy wool coat”."
  if (values.price_paid && !(Number(values.price_paid) >= 0)) fieldErrors.price_paid = "Enter the price as a number, like 49.90."
  if (values.acquired_on && !/^\d{4}-\d{2}-\d{2}$/.test(values.acquired_on)) fieldErrors.acquired_on = "Enter a date."
  const photo = formData.get("photo")
  const file = photo && typeof photo === "object" && (photo as File).size > 0 ? (photo as File) : null
  return { values, fieldErrors, file }
}

/** The item's fields as multipart (with the photo when one was chosen); empty fields clear a value. */
function itemBody(values: Record<string, string>, file: File | null): FormData {
  const body = new FormData()
  for (const [name, value] of Object.entries(values)) {
    if (name === "price_paid" || name === "currency_code") continue
    body.append(name, value)
  }
  // A price needs its currency; without a price neither is sent (or both are cleared on edit).
  body.append("price_paid", values.price_paid)
  body.append("currency_code", values.price_paid ? values.currency_code || "eur" : "")
  if (file) body.append("photo", file, file.name || "photo.jpg")
  return body
}

async function sendItem(path: string, body: FormData): Promise<{ item: WardrobeItem }> {
  return sdk.client.fetch<{ item: WardrobeItem }>(path, {
    method: "POST",
    body,
    // Let fetch set multipart/form-data with its boundary instead of the SDK's JSON default.
    headers: { ...(await getAuthHeaders()), "content-type": null } as any,
    cache: "no-store",
  })
}

export async function createItem(_state: ItemFormState, formData: FormData): Promise<ItemFormState> {
  const countryCode = String(formData.get("country_code") || "")
  await authHeaders(countryCode)
  const { values, fieldErrors, file } = readItemForm(formData)
  if (Object.keys(fieldErrors).length) return { fieldErrors, values }
  let id: string
  try {
    // Empty optional fields are simply left out of a new item.
    const body = itemBody(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== "")) as Record<string, string>, file)
    if (!values.price_paid) {
      body.delete("price_paid")
      body.delete("currency_code")
    }
    id = (await sendItem("/store/wardrobe/items", body)).item.id
  } catch (error) {
    return { error: medusaErrorMessage(error, "The item could not be saved. Try again."), values }
  }
  revalidatePath(`/${countryCode}/wardrobe`, "layout")
  redirect(`/${countryCode}/wardrobe/items/${id}?added=1`)
}

export async function updateItem(_state: ItemFormState, formData: FormData): Promise<ItemFormState> {
  const countryCode = String(formData.get("country_code") || "")
  const id = String(formData.get("item_id") || "")
  await authHeaders(countryCode)
  const { values, fieldErrors, file } = readItemForm(formData)
  if (Object.keys(fieldErrors).length) return { fieldErrors, values }
  try {
    const body = itemBody(values, file)
    if (!file && formData.get("remove_photo") === "on") body.append("remove_photo", "true")
    await sendItem(`/store/wardrobe/items/${id}`, body)
  } catch (error) {
    return { error: medusaErrorMessage(error, "The changes could not be saved. Try again."), values }
  }
  revalidatePath(`/${countryCode}/wardrobe`, "layout")
  redirect(`/${countryCode}/wardrobe/items/${id}?saved=1`)
}

export type WardrobeActionResult = { error?: string; ok?: boolean; message?: string } | null

export async function deleteItem(countryCode: string, id: string): Promise<WardrobeActionResult> {
  try {
    await sdk.client.fetch(`/store/wardrobe/items/${id}`, { method: "DELETE", headers: await authHeaders(countryCode) })
  } catch (error) {
    return { error: medusaErrorMessage(error, "The item could not be deleted. Try again.") }
  }
  revalidatePath(`/${countryCode}/wardrobe`, "layout")
  redirect(`/${countryCode}/wardrobe?deleted=1`)
}

export async function deleteOutfit(countryCode: string, id: string): Promise<WardrobeActionResult> {
  try {
    await sdk.client.fetch(`/store/wardrobe/outfits/${id}`, { method: "DELETE", headers: await authHeaders(countryCode) })
  } catch (error) {
    return { error: medusaErrorMessage(error, "The outfit could not be deleted. Try again.") }
  }
  revalidatePath(`/${countryCode}/wardrobe`, "layout")
  redirect(`/${countryCode}/wardrobe/outfits`)
}

/** Marks an item or an outfit (and so each of its items) worn on a day; the same day twice counts once. */
export async function logWear(_state: WardrobeActionResult, formData: FormData): Promise<WardrobeActionResult> {
  const countryCode = String(formData.get("country_code") || "")
  const kind = formData.get("kind") === "outfit" ? "outfits" : "items"
  const id = String(formData.get("id") || "")
  const wornOn = String(formData.get("worn_on") || "")
  if (!/^\d{4}-\d{2}-\d{2}$/.test(wornOn)) return { error: "Choose the day you wore it." }
  try {
    await sdk.client.fetch(`/store/wardrobe/${kind}/${id}/wear`, {
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

/** Creates an outfit from chosen wardrobe items and, optionally, catalog products. */
export async function createOutfit(_state: OutfitFormState, formData: FormData): Promise<OutfitFormState> {
  const countryCode = String(formData.get("country_code") || "")
  const values = Object.fromEntries(["name", "occasion", "season", "notes"].map((n) => [n, String(formData.get(n) ?? "").trim()]))
  const itemIds = formData.getAll("item_ids").map(String).filter(Boolean)
  const products = JSON.parse(String(formData.get("products") || "[]")) as { product_id: string; variant_id?: string }[]
  const fieldErrors: Record<string, string> = {}
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
