/** The message Medusa sent with a failed request (the js-sdk throws FetchError with it), for showing in forms. */
export function medusaErrorMessage(error: unknown, fallback = "Something went wrong. Please try again."): string {
  if (error && typeof error === "object" && "message" in error && typeof error.message === "string") return error.message || fallback
  return fallback
}

/** HTTP status of a js-sdk FetchError, when there is one. */
export function errorStatus(error: unknown): number | undefined {
  return error && typeof error === "object" && "status" in error ? Number(error.status) : undefined
}

/** The account page's ?error= code for "the backend offers no Google sign-in", which the page words for the shopper. */
export const GOOGLE_UNAVAILABLE = "google-unavailable"
