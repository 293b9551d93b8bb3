/**
 * Lists of product ids kept in cookies: recently viewed products (written by the product page in
 * the browser) and a signed-out shopper's saved items (written by server actions). Ids are
 * joined with "." (a cookie value allows no commas) and anything that is not an id is dropped.
 */

export const RECENTLY_VIEWED_COOKIE = "_curator_recently_viewed"
export const SAVED_ITEMS_COOKIE = "_curator_saved"
/** How many recently viewed products are remembered. */
export const MAX_RECENTLY_VIEWED = 12
/** How many products a signed-out shopper can save (one batch at sign-in saves them all). */
export const MAX_SAVED_IN_COOKIE = 100
/** Both cookies last 90 days from the last change. */
export const ID_LIST_COOKIE_MAX_AGE = 60 * 60 * 24 * 90

const PRODUCT_ID = /^[A-Za-z0-9_-]{1,64}$/

/** The ids in a cookie's value, in order, without duplicates or anything that is not an id. */
export function parseIdList(value: string | undefined | null, max = MAX_SAVED_IN_COOKIE): string[] {
  if (!value) return []
  let decoded = value
  try {
    decoded = decodeURIComponent(value)
  } catch {
    return []
  }
  return [...new Set(decoded.split(".").filter((id) => PRODUCT_ID.test(id)))].slice(0, max)
}

export const serializeIdList = (ids: string[]) => ids.join(".")

/** The list with `id` first (moved there if it was already in it), cut to `max`. */
export function withIdFirst(ids: string[], id: string, max: number): string[] {
  if (!PRODUCT_ID.test(id)) return ids.slice(0, max)
  return [id, ...ids.filter((other) => other !== id)].slice(0, max)
}
