import "server-only"
import { cookies } from "next/headers"
import { MEDUSA_BACKEND_URL, PUBLISHABLE_KEY } from "@lib/config"
import { baseCookie, getAuthHeaders } from "./cookies"
import { shopperOriginHeaders } from "./shopper-origin"

/**
 * Store API calls as the shopper, for Curator's routes that know signed-out shoppers too (style profile,
 * recommendations, interactions, Medusa's add-to-cart). A signed-out shopper is the guest id of the
 * backend's httpOnly `_curator_guest` cookie: it is forwarded to Medusa with every call, and a cookie
 * Medusa sets or clears is passed back to the browser (in actions and route handlers; a page render
 * cannot set cookies, and reads never issue one). Not a "use server" module: nothing here is an action.
 */

const GUEST_COOKIE = "_curator_guest"

export class BackendError extends Error {
  constructor(
    message: string,
    readonly status: number
  ) {
    super(message)
  }
}

/** The shopper's guest id (the signed cookie's value), or undefined. */
export async function guestCookie(): Promise<string | undefined> {
  return (await cookies()).get(GUEST_COOKIE)?.value
}

/** A `cookie` header carrying the guest cookie to Medusa, or nothing when the shopper has none. */
export async function guestCookieHeader(): Promise<{ cookie?: string }> {
  const guest = await guestCookie()
  return guest ? { cookie: `${GUEST_COOKIE}=${encodeURIComponent(guest)}` } : {}
}

/** Copies the guest cookie of Medusa's answer onto the storefront's response (actions and route handlers only). */
export async function passGuestCookieBack(response: Response) {
  for (const header of response.headers.getSetCookie()) {
    const [pair, ...attributes] = header.split(";").map((s) => s.trim())
    const eq = pair.indexOf("=")
    if (pair.slice(0, eq) !== GUEST_COOKIE) continue
    const value = decodeURIComponent(pair.slice(eq + 1))
    const attr = (name: string) => attributes.find((a) => a.toLowerCase().startsWith(`${name}=`))?.slice(name.length + 1)
    const maxAge = attr("max-age")
    const expires = attr("expires")
    const expired = !value || (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && Date.parse(expires) <= Date.now())
    try {
      const store = await cookies()
      if (expired) store.set(GUEST_COOKIE, "", { ...baseCookie, sameSite: "lax", maxAge: -1 })
      else store.set(GUEST_COOKIE, value, { ...baseCookie, sameSite: "lax", maxAge: maxAge ? Number(maxAge) : 180 * 24 * 60 * 60 })
    } catch {
      // Rendering a page: the cookie cannot change now; the next action passes it on.
    }
  }
}

/** A Store API call as this shopper: their session, their guest cookie both ways. */
export async function storeFetch<T>(
  path: string,
  init: { method?: "GET" | "POST"; query?: Record<string, string | number | undefined>; body?: unknown } = {}
) {
  const method = init.method ?? "GET"
  const target = new URL(path, MEDUSA_BACKEND_URL)
  for (const [key, value] of Object.entries(init.query ?? {})) if (value !== undefined && value !== "") target.searchParams.set(key, String(value))
  const headers: Record<string, string> = {
    accept: "application/json",
    "x-publishable-api-key": PUBLISHABLE_KEY,
    ...(await getAuthHeaders()),
    ...(await guestCookieHeader()),
    ...(method === "POST" ? { "content-type": "application/json", ...(await shopperOriginHeaders()) } : {}),
  }
  const response = await fetch(target, {
    method,
    headers,
    body: method === "POST" ? JSON.stringify(init.body ?? {}) : undefined,
    cache: "no-store",
  })
  if (method === "POST") await passGuestCookieBack(response)
  const data = (await response.json().catch(() => null)) as (T & { message?: string }) | null
  if (!response.ok) throw new BackendError(data?.message || `${method} ${path} answered ${response.status}`, response.status)
  return data as T
}
