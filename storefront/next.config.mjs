import path from "node:path"
import { fileURLToPath } from "node:url"

// For responses that are never documents (the upload routes' JSON): nothing may load or frame them.
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // The camera stays available to the shop's own pages (photo search and try-on will use it);
  // Stripe's frame may use the Payment Request API; everything else is off.
  {
    key: "Permissions-Policy",
    value:
      'camera=(self), microphone=(), geolocation=(), payment=(self "https://js.stripe.com"), usb=(), accelerometer=(), gyroscope=(), magnetometer=(), display-capture=()',
  },
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The storefront is its own package inside the Medusa project: trace files from here, not the parent.
  outputFileTracingRoot: path.dirname(fileURLToPath(import.meta.url)),
  poweredByHeader: false,
  // `next dev` writes into <distDir>/dev, apart from the production build; an own build folder
  // (NEXT_DIST_DIR=.next-8001, ...) keeps a second checkout's servers from clobbering this one's.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Photos never pass through a server action: the upload routes (src/app/api) stream them to
  // Medusa. Actions carry form fields only, and the proxy (src/proxy.ts) answers 413 above 1 MB
  // before it would buffer a body.
  // inlineCss: the shop's CSS is small (about 30 kB in all, split per module), and as 3-7 separate
  // files it held every page's first paint for as many extra requests (bench/storefront).
  experimental: { serverActions: { bodySizeLimit: "1mb" }, proxyClientMaxBodySize: "1mb", inlineCss: true },
  async headers() {
    return [
      // Every response, pages, route handlers and static files alike. The page policy (CSP, with a
      // fresh script nonce) is set per request by src/proxy.ts.
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
    ]
  },
}

export default nextConfig
