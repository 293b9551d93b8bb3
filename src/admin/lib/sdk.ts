import Medusa from "@medusajs/js-sdk"

/**
 * Medusa's JS SDK as the admin pages use it. The admin is served from the backend's origin and
 * signed in with a session cookie, so "/" and session auth are all it needs; VITE_BACKEND_URL
 * points it elsewhere when the admin is built to run on its own.
 */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})

/** Multipart bodies: the browser sets the content type with the form's boundary. */
export const MULTIPART = { "content-type": null }
