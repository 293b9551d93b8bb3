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
}

export default nextConfig
