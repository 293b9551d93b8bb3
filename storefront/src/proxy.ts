import { NextRequest, NextResponse } from "next/server"
import { contentSecurityPolicy, newNonce, originsOf } from "@lib/security-headers"

// Read at run time, as src/lib/config.ts does (the proxy runs in Node.js, on every request).
const env = process.env
const BACKEND_URL = env["MEDUSA_BACKEND_URL"] || "http://localhost:9000"
const PUBLISHABLE_KEY = env["MEDUSA_PUBLISHABLE_KEY"] || env["NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY"] || ""
const DEFAULT_REGION = env["NEXT_PUBLIC_DEFAULT_REGION"] || "de"
const CACHE_ID_COOKIE = "_curator_cache_id"
const IMAGE_ORIGINS = originsOf(BACKEND_URL, env["STOREFRONT_IMAGE_ORIGINS"])
const DEV = env.NODE_ENV !== "production"
/**
 * Pages take no uploads (photos go through the streaming routes in src/app/api): a server action's
 * body is form fields, far below this. Also `experimental.serverActions.bodySizeLimit` and
 * `experimental.proxyClientMaxBodySize` in next.config.mjs.
 */
const ACTION_BODY_LIMIT = 1024 * 1024

// The set of countries the shop sells to changes rarely: ask Medusa at most once an hour.
let countries: { codes: Set<string>; fetchedAt: number } | undefined

async function knownCountries(): Promise<Set<string> | undefined> {
  if (countries && Date.now() - countries.fetchedAt < 60 * 60 * 1000) return countries.codes
  try {
    const response = await fetch(`${BACKEND_URL}/store/regions?fields=countries.iso_2`, {
      headers: { "x-publishable-api-key": PUBLISHABLE_KEY },
      cache: "no-store",
    })
    if (!response.ok) return countries?.codes
    const { regions } = (await response.json()) as { regions: { countries?: { iso_2: string }[] }[] }
    const codes = new Set(regions.flatMap((r) => (r.countries ?? []).map((c) => c.iso_2.toLowerCase())))
    if (codes.size) countries = { codes, fetchedAt: Date.now() }
    return codes.size ? codes : countries?.codes
  } catch {
    return countries?.codes
  }
}

/**
 * Every shop page lives under a country code (/de/..., /us/...), which picks the region,
 * currency and prices. Paths without a known country are redirected to the default one.
 */
export async function proxy(request: NextRequest) {
  // Refused before anything is read: Next.js would otherwise buffer the body for this proxy.
  if (Number(request.headers.get("content-length") ?? 0) > ACTION_BODY_LIMIT) {
    return new NextResponse(
      "This form sent more than 1 MB, which is more than any form in the shop needs. Photos are uploaded on the wardrobe and feed pages.",
      {
        status: 413,
        headers: { "content-type": "text/plain; charset=utf-8" },
      }
    )
  }
  // Without a declared length the body could only be measured by reading it, and Next.js answers an
  // action body over its limit with 500; browsers always declare the length of what a form sends.
  if (request.headers.has("transfer-encoding") && !request.headers.has("content-length")) {
    return new NextResponse("Send the form with its length (Content-Length).", {
      status: 411,
      headers: { "content-type": "text/plain; charset=utf-8" },
    })
  }
  const nonce = newNonce()
  const csp = contentSecurityPolicy({ nonce, imageOrigins: IMAGE_ORIGINS, dev: DEV })
  const [first] = request.nextUrl.pathname.split("/").filter(Boolean)
  const codes = await knownCountries()
  const valid = first && (codes ? codes.has(first.toLowerCase()) : /^[a-z]{2}$/i.test(first))

  let response: NextResponse
  if (valid) {
    // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
    const headers = new Headers(request.headers)
    headers.set("content-security-policy", csp)
    response = NextResponse.next({ request: { headers } })
  } else {
    const url = request.nextUrl.clone()
    const rest = request.nextUrl.pathname === "/" ? "" : request.nextUrl.pathname
    // A two-letter first segment the shop does not sell to is replaced, not prefixed.
    const path = first && /^[a-z]{2}$/i.test(first) ? rest.replace(/^\/[^/]+/, "") : rest
    url.pathname = `/${DEFAULT_REGION}${path}`
    response = NextResponse.redirect(url, 307)
  }
  response.headers.set("content-security-policy", csp)
  if (!request.cookies.get(CACHE_ID_COOKIE)) {
    response.cookies.set(CACHE_ID_COOKIE, crypto.randomUUID(), { httpOnly: true, sameSite: "strict", path: "/", maxAge: 60 * 60 * 24 * 30 })
  }
  return response
}

export const config = {
  // Not for Next's own files, images, icons or the health check.
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:png|jpg|jpeg|svg|webp|ico)$).*)"],
}
