import path from "node:path"
import { fileURLToPath } from "node:url"

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The storefront is its own package inside the Medusa project: trace files from here, not the parent.
  outputFileTracingRoot: path.dirname(fileURLToPath(import.meta.url)),
  // Lint runs separately; the production build must not need ESLint installed.
  eslint: { ignoreDuringBuilds: true },
  poweredByHeader: false,
  // Own build folders (NEXT_DIST_DIR=.next-dev, .next-8001, ...) keep `next dev` servers and a
  // production build from clobbering each other.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Outfit and wardrobe photos go through server actions (up to 6 photos of 10 MB for a post),
  // past the middleware, which otherwise buffers at most 10 MB of a request.
  experimental: { serverActions: { bodySizeLimit: "60mb" }, middlewareClientMaxBodySize: "60mb" },
}

export default nextConfig
