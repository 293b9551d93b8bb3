/**
 * The storefront's Content-Security-Policy. Pure (no Node APIs): the proxy (src/proxy.ts) builds it per
 * request with a fresh nonce, and Next.js puts that nonce on every script it renders.
 *
 * - Scripts: only those carrying the request's nonce, and what they load ('strict-dynamic', which
 *   is how Stripe.js gets in when checkout loads it); no 'unsafe-eval' outside `next dev`.
 * - Styles: inline style attributes are used for layout, so 'unsafe-inline' for styles only.
 * - Images: this origin, data:/blob: (photo previews before upload), the Medusa backend's origin
 *   (the local file provider serves photos under it) and STOREFRONT_IMAGE_ORIGINS (a CDN, S3's
 *   file URL, or the backend's public address when the server reaches Medusa under another name).
 * - Browsers never call Medusa: fetches go to this origin (and Stripe's API during checkout).
 * - No framing by anyone: frame-ancestors 'none' (X-Frame-Options: DENY in next.config.mjs too).
 */
export function contentSecurityPolicy({ nonce, imageOrigins, dev }: { nonce: string; imageOrigins: string[]; dev: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      "https://js.stripe.com",
      "https://*.js.stripe.com",
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", ...imageOrigins, "https://*.stripe.com"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", "https://api.stripe.com", ...(dev ? ["ws:"] : [])],
    // Stripe Elements and 3-D Secure (Stripe's published policy for Stripe.js).
    "frame-src": ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
    "worker-src": ["'self'", "blob:"],
    "manifest-src": ["'self'"],
    "media-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    // Google sign-in: a form posted before the page hydrated is answered with a redirect to Google.
    "form-action": ["'self'", "https://accounts.google.com"],
    "frame-ancestors": ["'none'"],
  }
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${[...new Set(values)].join(" ")}`)
    .join("; ")
}

/** Origins (scheme://host[:port]) from URLs: the backend URL and a list separated by spaces or commas. */
export function originsOf(...urls: (string | undefined)[]): string[] {
  const origins = new Set<string>()
  for (const entry of urls.flatMap((u) => (u ?? "").split(/[\s,]+/)).filter(Boolean)) {
    try {
      origins.add(new URL(entry).origin)
    } catch {
      // Not a URL: left out rather than written into the policy.
    }
  }
  return [...origins]
}

/** 16 random bytes, base64: a fresh script nonce for one response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return btoa(String.fromCharCode(...bytes))
}
