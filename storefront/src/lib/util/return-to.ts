/**
 * Where to go after signing in: `value` when it is a path on this site ("/de/wardrobe?tab=x"),
 * else null. Anything that could leave the site (absolute URLs, "//host", "/\host", control
 * characters) is refused, so a crafted sign-in link cannot send a shopper elsewhere.
 */
export function safeReturnTo(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 2000) return null
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null
  const base = "http://return-to.invalid"
  let parsed: URL
  try {
    parsed = new URL(value, base)
  } catch {
    return null
  }
  if (parsed.origin !== base) return null
  return `${parsed.pathname}${parsed.search}${parsed.hash}`
}

/** The sign-in page that comes back to `returnTo` (a path on this site) afterwards. */
export function signInPath(countryCode: string, returnTo?: string | null): string {
  const back = safeReturnTo(returnTo)
  return `/${countryCode}/account${back ? `?return_to=${encodeURIComponent(back)}` : ""}`
}
