"use server"

import { revalidateTag, updateTag } from "next/cache"
import { cookies } from "next/headers"
import type { ProductCard } from "@curator/types/product-card"
import type { StoreSavedItemListResponse } from "@curator/types/wishlist"
import { sdk } from "@lib/config"
import { errorStatus, medusaErrorMessage } from "@lib/util/errors"
import { ID_LIST_COOKIE_MAX_AGE, MAX_SAVED_IN_COOKIE, parseIdList, SAVED_ITEMS_COOKIE, serializeIdList, withIdFirst } from "@lib/util/product-id-list"
import { baseCookie, getAuthHeaders, getCacheOptions, getCacheTag } from "./cookies"
import { getProductCardsByIds, type ProductByIdCard } from "./products"

/**
 * Saved items ("wishlist"). Signed out, they are product ids in a cookie; signed in, they live in
 * the customer's account (Curator's /store/customers/me/saved-items), and the cookie's are
 * merged into it at sign-in.
 */

const SAVED_ITEMS_PATH = "/store/customers/me/saved-items"
/** The account's list is read whole: it is short, and the header and every heart need all of it. */
const ACCOUNT_LIST_LIMIT = 100

async function cookieIds(): Promise<string[]> {
  return parseIdList((await cookies()).get(SAVED_ITEMS_COOKIE)?.value, MAX_SAVED_IN_COOKIE)
}

async function writeCookieIds(ids: string[]) {
  const store = await cookies()
  if (ids.length) store.set(SAVED_ITEMS_COOKIE, serializeIdList(ids), { ...baseCookie, sameSite: "lax", maxAge: ID_LIST_COOKIE_MAX_AGE })
  else store.set(SAVED_ITEMS_COOKIE, "", { ...baseCookie, sameSite: "lax", maxAge: -1 })
}

async function accountList(headers: { authorization?: string }, countryCode?: string): Promise<StoreSavedItemListResponse> {
  return sdk.client.fetch<StoreSavedItemListResponse>(SAVED_ITEMS_PATH, {
    query: { limit: ACCOUNT_LIST_LIMIT, ...(countryCode ? { country_code: countryCode } : {}) },
    headers,
    next: await getCacheOptions("saved-items"),
    cache: "force-cache",
  })
}

/** The ids of the shopper's saved products, most recently saved first (for hearts and the header's count). */
export async function getSavedProductIds(): Promise<string[]> {
  const headers = await getAuthHeaders()
  if (!("authorization" in headers)) return cookieIds()
  try {
    return (await accountList(headers)).saved_items.map((i) => i.product_id)
  } catch (error) {
    // An expired session reads as signed out; anything else shows no saved items rather than a broken page.
    if (errorStatus(error) !== 401) console.error(`[storefront] saved items could not be read: ${(error as Error).message}`)
    return cookieIds()
  }
}

/** The shopper's saved products as product cards priced for the country's region, most recently saved first. */
export async function listSavedProducts(countryCode: string): Promise<(ProductCard | ProductByIdCard)[]> {
  const headers = await getAuthHeaders()
  if ("authorization" in headers) {
    try {
      return (await accountList(headers, countryCode)).saved_items.map((i) => i.product)
    } catch (error) {
      if (errorStatus(error) !== 401) throw error
    }
  }
  return getProductCardsByIds(await cookieIds(), countryCode)
}

export type SaveResult = { saved: boolean; error?: string }

/** Saves a product for later, or removes it (the heart's action); the page re-renders with the new list. */
export async function setProductSaved(productId: string, saved: boolean): Promise<SaveResult> {
  if (typeof productId !== "string" || !parseIdList(productId).length) return { saved: !saved, error: "That product could not be found." }
  const headers = await getAuthHeaders()
  if (!("authorization" in headers)) {
    const ids = await cookieIds()
    if (saved && !ids.includes(productId) && ids.length >= MAX_SAVED_IN_COOKIE) {
      return { saved: false, error: `You can save up to ${MAX_SAVED_IN_COOKIE} products. Sign in to keep more, or remove some first.` }
    }
    await writeCookieIds(saved ? withIdFirst(ids, productId, MAX_SAVED_IN_COOKIE) : ids.filter((id) => id !== productId))
    return { saved }
  }
  try {
    if (saved) await sdk.client.fetch(SAVED_ITEMS_PATH, { method: "POST", headers, body: { product_id: productId } })
    else await sdk.client.fetch(`${SAVED_ITEMS_PATH}/${encodeURIComponent(productId)}`, { method: "DELETE", headers })
  } catch (error) {
    // Removing what is already gone is done.
    if (!(saved === false && errorStatus(error) === 404))
      return { saved: !saved, error: medusaErrorMessage(error, "Your saved items could not be updated. Try again.") }
  }
  const tag = await getCacheTag("saved-items")
  if (tag) updateTag(tag)
  return { saved }
}

/** Removes a product from the saved items page's list (a form's action). */
export async function removeSavedProduct(formData: FormData): Promise<void> {
  await setProductSaved(String(formData.get("product_id") ?? ""), false)
}

/**
 * At sign-in: the products saved while signed out go into the account (one batch), then the
 * cookie is cleared. When the account cannot take them now, the cookie stays for the next sign-in.
 */
export async function mergeSavedItemsIntoAccount(): Promise<void> {
  const ids = await cookieIds()
  if (!ids.length) return
  const headers = await getAuthHeaders()
  if (!("authorization" in headers)) return
  try {
    await sdk.client.fetch(`${SAVED_ITEMS_PATH}/batch`, { method: "POST", headers, body: { product_ids: ids } })
  } catch (error) {
    console.error(`[storefront] saved items could not be merged into the account: ${(error as Error).message}`)
    return
  }
  await writeCookieIds([])
  const tag = await getCacheTag("saved-items")
  if (tag) revalidateTag(tag, { expire: 0 })
}
