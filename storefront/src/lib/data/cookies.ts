import "server-only"
import { cookies } from "next/headers"

const AUTH_COOKIE = "_curator_jwt"
const CART_COOKIE = "_curator_cart_id"
const CACHE_COOKIE = "_curator_cache_id"

/** Options of the storefront's own cookies (httpOnly, strict, Secure in production). */
export const baseCookie = {
  httpOnly: true,
  sameSite: "strict" as const,
  secure: process.env.NODE_ENV === "production" && process.env.CURATOR_INSECURE_COOKIES !== "1",
  path: "/",
}

/**
 * Authorization header for the signed-in shopper, or nothing for guests. A cached fetch that sends it
 * is cached for that session only: Next keys its data cache by the request's headers too.
 */
export async function getAuthHeaders(): Promise<{ authorization?: string }> {
  const token = (await cookies()).get(AUTH_COOKIE)?.value
  return token ? { authorization: `Bearer ${token}` } : {}
}

export async function isSignedIn(): Promise<boolean> {
  return Boolean((await cookies()).get(AUTH_COOKIE)?.value)
}

export async function setAuthToken(token: string) {
  ;(await cookies()).set(AUTH_COOKIE, token, { ...baseCookie, maxAge: 60 * 60 * 24 * 7 })
}

export async function removeAuthToken() {
  ;(await cookies()).set(AUTH_COOKIE, "", { ...baseCookie, maxAge: -1 })
}

export async function getCartId(): Promise<string | undefined> {
  return (await cookies()).get(CART_COOKIE)?.value
}

export async function setCartId(cartId: string) {
  ;(await cookies()).set(CART_COOKIE, cartId, { ...baseCookie, maxAge: 60 * 60 * 24 * 7 })
}

export async function removeCartId() {
  ;(await cookies()).set(CART_COOKIE, "", { ...baseCookie, maxAge: -1 })
}

/**
 * Per-shopper cache tag: cached fetches of a shopper's data (customer, orders) carry
 * `${name}-${cacheId}` so a mutation can revalidate exactly that shopper's entries.
 * The proxy (src/proxy.ts) sets the cookie on the first visit.
 */
export async function getCacheTag(name: string): Promise<string> {
  const cacheId = (await cookies()).get(CACHE_COOKIE)?.value
  return cacheId ? `${name}-${cacheId}` : ""
}

export async function getCacheOptions(name: string): Promise<{ tags?: string[] }> {
  const tag = await getCacheTag(name)
  return tag ? { tags: [tag] } : {}
}

export const CACHE_ID_COOKIE = CACHE_COOKIE
