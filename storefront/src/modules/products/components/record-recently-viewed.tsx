"use client"

import { useEffect } from "react"
import {
  ID_LIST_COOKIE_MAX_AGE,
  MAX_RECENTLY_VIEWED,
  parseIdList,
  RECENTLY_VIEWED_COOKIE,
  serializeIdList,
  withIdFirst,
} from "@lib/util/product-id-list"

function readCookie(name: string): string | undefined {
  return document.cookie
    .split("; ")
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1)
}

/**
 * Puts the product first in this browser's recently viewed list (a cookie, so that the server
 * renders the "Recently viewed" rows): the last 12, no duplicates. Renders nothing.
 */
export default function RecordRecentlyViewed({ productId }: { productId: string }) {
  useEffect(() => {
    const ids = withIdFirst(parseIdList(readCookie(RECENTLY_VIEWED_COOKIE), MAX_RECENTLY_VIEWED), productId, MAX_RECENTLY_VIEWED)
    const secure = window.location.protocol === "https:" ? "; Secure" : ""
    document.cookie = `${RECENTLY_VIEWED_COOKIE}=${serializeIdList(ids)}; Path=/; Max-Age=${ID_LIST_COOKIE_MAX_AGE}; SameSite=Lax${secure}`
  }, [productId])
  return null
}
