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
  // `next dev` can use its own folder (NEXT_DIST_DIR=.next-dev) so it never clobbers a production build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // A second dev server on the same checkout needs its own build folder (NEXT_DIST_DIR=.next-8001).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Outfit and wardrobe photos go through server actions (up to 6 photos of 10 MB for a post),
  // past the middleware, which otherwise buffers at most 10 MB of a request.
  experimental: { serverActions: { bodySizeLimit: "60mb" }, middlewareClientMaxBodySize: "60mb" },
}

export default nextConfig
