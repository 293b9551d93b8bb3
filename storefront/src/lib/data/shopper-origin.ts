import { headers } from "next/headers"

/**
 * The shopper's address and browser, for the server-side calls that Medusa counts per client:
 * look views (once per viewer) and rate limits per address. Browsers never call Medusa
 * directly, so without these every shopper would look like the storefront's own server. The
 * address is the rightmost X-Forwarded-For entry the storefront received (Next.js fills it with
 * the connecting socket's address when no proxy set it); Medusa believes one proxy hop.
 */
export async function shopperOriginHeaders(): Promise<Record<string, string>> {
  let incoming: Headers
  try {
    incoming = await headers()
  } catch {
    return {} // outside a request (build, revalidation): there is no shopper
  }
  const forwarded = (incoming.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
  const address = forwarded[forwarded.length - 1]
  const agent = incoming.get("user-agent")
  return { ...(address ? { "x-forwarded-for": address } : {}), ...(agent ? { "user-agent": agent } : {}) }
}
