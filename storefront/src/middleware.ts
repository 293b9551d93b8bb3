import { NextRequest, NextResponse } from "next/server"

// Read at run time (see src/lib/config.ts); the edge runtime has no access to that module's SDK.
const env = process.env
const BACKEND_URL = env["MEDUSA_BACKEND_URL"] || "http://localhost:9000"
const PUBLISHABLE_KEY = env["MEDUSA_PUBLISHABLE_KEY"] || env["NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY"] || ""
const DEFAULT_REGION = env["NEXT_PUBLIC_DEFAULT_REGION"] || "de"
const CACHE_ID_COOKIE = "_curator_cache_id"

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
export async function middleware(request: NextRequest) {
  const [first] = request.nextUrl.pathname.split("/").filter(Boolean)
  const codes = await knownCountries()
  const valid = first && (codes ? codes.has(first.toLowerCase()) : /^[a-z]{2}$/i.test(first))

  let response: NextResponse
  if (valid) {
    response = NextResponse.next()
  } else {
    const url = request.nextUrl.clone()
    const rest = request.nextUrl.pathname === "/" ? "" : request.nextUrl.pathname
    // A two-letter first segment the shop does not sell to is replaced, not prefixed.
    const path = first && /^[a-z]{2}$/i.test(first) ? rest.replace(/^\/[^/]+/, "") : rest
    url.pathname = `/${DEFAULT_REGION}${path}`
    response = NextResponse.redirect(url, 307)
  }
  if (!request.cookies.get(CACHE_ID_COOKIE)) {
    response.cookies.set(CACHE_ID_COOKIE, crypto.randomUUID(), { httpOnly: true, sameSite: "strict", path: "/", maxAge: 60 * 60 * 24 * 30 })
  }
  return response
}

export const config = {
  // Not for Next's own files, images, icons or the health check.
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:png|jpg|jpeg|svg|webp|ico)$).*)"],
}
