import Medusa from "@medusajs/js-sdk"
import { shopperOriginHeaders } from "./data/shopper-origin"

/**
 * Read at run time, not inlined at build time: one production build serves any backend
 * and key (`npm test` seeds a fresh database, with a fresh key, on every run).
 * Aliasing process.env keeps Next from replacing NEXT_PUBLIC_* with build-time values.
 */
const env = process.env

/** Where the server-side code reaches Medusa. Browsers never call Medusa directly. */
export const MEDUSA_BACKEND_URL = env["MEDUSA_BACKEND_URL"] || "http://localhost:9000"
export const PUBLISHABLE_KEY = env["MEDUSA_PUBLISHABLE_KEY"] || env["NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY"] || ""
export const DEFAULT_REGION = env["NEXT_PUBLIC_DEFAULT_REGION"] || "de"
/** Stripe's publishable key; handed to the payment step as a prop when set. */
export const STRIPE_KEY = env["NEXT_PUBLIC_STRIPE_KEY"] || ""

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

/**
 * A read that fails at the connection (the backend closed an idle keep-alive socket just as it
 * was reused, which a busy server makes likelier) is sent once more: such a request never reached
 * Medusa. Writes are not repeated, since they may have.
 */
const CONNECTION_ERRORS = new Set(["UND_ERR_SOCKET", "ECONNRESET", "EPIPE", "UND_ERR_CLOSED"])
const isConnectionError = (error: unknown) => {
  const cause = (error as { cause?: { code?: string } })?.cause
  return error instanceof TypeError && CONNECTION_ERRORS.has(cause?.code ?? "")
}
const sdkFetch = sdk.client.fetch.bind(sdk.client)
sdk.client.fetch = (async (input: Parameters<typeof sdkFetch>[0], init?: Parameters<typeof sdkFetch>[1]) => {
  // Writes (sign-in, registration, posts, comments, reports: server actions) carry the shopper's
  // address and browser, which Medusa's rate limits and view counts tell clients apart by.
  // Reads do not: reading request headers would make cached pages dynamic.
  if (!["GET", "HEAD"].includes((init?.method ?? "GET").toUpperCase())) {
    init = { ...init, headers: { ...(await shopperOriginHeaders()), ...init?.headers } }
  }
  const started = Date.now()
  const watchdog = setInterval(
    () =>
      console.warn(
        `[storefront] ${init?.method ?? "GET"} ${String(input)} has waited ${Math.round((Date.now() - started) / 1000)} s for the backend`
      ),
    5000
  )
  try {
    return await sdkFetch(input, init)
  } catch (error) {
    const method = (init?.method ?? "GET").toUpperCase()
    if ((method !== "GET" && method !== "HEAD") || !isConnectionError(error)) throw error
    console.warn(
      `[storefront] ${method} ${String(input)}: ${(error as Error).message} (${(error as { cause?: { code?: string } }).cause?.code}); sending it once more`
    )
    return sdkFetch(input, init)
  } finally {
    clearInterval(watchdog)
  }
}) as typeof sdk.client.fetch
