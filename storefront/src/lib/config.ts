import Medusa from "@medusajs/js-sdk"

/** Where the server-side code reaches Medusa. Browsers never call Medusa directly. */
export const MEDUSA_BACKEND_URL = process.env.MEDUSA_BACKEND_URL || "http://localhost:9000"
export const PUBLISHABLE_KEY = process.env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY || ""
export const DEFAULT_REGION = process.env.NEXT_PUBLIC_DEFAULT_REGION || "de"
export const STRIPE_KEY = process.env.NEXT_PUBLIC_STRIPE_KEY || ""

/**
 * One SDK for all server code. Tokens are never stored inside it ("nostore"): the
 * shopper's JWT lives in an httpOnly cookie and is passed per request, so one shopper's
 * session can never leak into another's request on the same server.
 */
export const sdk = new Medusa({
  baseUrl: MEDUSA_BACKEND_URL,
  publishableKey: PUBLISHABLE_KEY,
  debug: false,
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
})
