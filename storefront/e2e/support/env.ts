import path from "node:path"

/** Where the storefront under test runs (the test kind starts it on a free port). */
export const STOREFRONT_URL = (process.env.STOREFRONT_URL || "http://localhost:8000").replace(/\/$/, "")
/** The Medusa backend the storefront talks to (its admin is served under /app). */
export const BACKEND_URL = (process.env.MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/$/, "")
export const COUNTRY = process.env.E2E_COUNTRY || "de"
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
/** Screenshots are kept as test artefacts (gitignored). */
export const ARTIFACTS_DIR = process.env.E2E_ARTIFACTS_DIR || path.resolve(__dirname, "..", "..", "..", ".curator", "artifacts", "storefront")

export const url = (pathname: string) => `${STOREFRONT_URL}/${COUNTRY}${pathname === "/" ? "" : pathname}`
