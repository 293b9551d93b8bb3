import "server-only"
import { cookies } from "next/headers"
import { MAX_RECENTLY_VIEWED, parseIdList, RECENTLY_VIEWED_COOKIE } from "@lib/util/product-id-list"
import { getProductCardsByIds, type ProductByIdCard } from "./products"

/**
 * The products this browser viewed last (most recent first, at most 12), priced for the
 * country's region. The product page writes the cookie in the browser (RecordRecentlyViewed).
 */
export async function getRecentlyViewed(countryCode: string, exceptProductId?: string): Promise<ProductByIdCard[]> {
  const ids = parseIdList((await cookies()).get(RECENTLY_VIEWED_COOKIE)?.value, MAX_RECENTLY_VIEWED).filter((id) => id !== exceptProductId)
  return getProductCardsByIds(ids, countryCode)
}
