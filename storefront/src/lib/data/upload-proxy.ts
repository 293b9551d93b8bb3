import "server-only"
import { NextRequest, NextResponse } from "next/server"
import { MEDUSA_BACKEND_URL, PUBLISHABLE_KEY } from "@lib/config"
import { megabytes } from "@lib/util/uploads"
import { getAuthHeaders } from "./cookies"
import { shopperOriginHeaders } from "./shopper-origin"

const problem = (status: number, type: string, message: string, headers: Record<string, string> = {}) =>
  NextResponse.json({ type, message }, { status, headers: { "cache-control": "no-store", ...headers } })

export const uploadTooLarge = (limit: number) =>
  problem(
    413,
    "payload_too_large",
    `The upload is larger than ${megabytes(limit)}. Each photo can be up to 10 MB; choose smaller photos and try again.`
  )

const hostOf = (origin: string) => {
  try {
    return new URL(origin).host
  } catch {
    return null
  }
}

/** How much of a refused body is still read (and dropped) so that the client can read the 413. */
const DISCARD_LIMIT = 128 * 1024 * 1024

/**
 * Reads what is left of a refused body and drops it, chunk by chunk: a client still sending gets to
 * read the answer on an intact connection. Past DISCARD_LIMIT the connection is given up instead.
 */
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let dropped = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      dropped += value.byteLength
      if (dropped > DISCARD_LIMIT) return void (await reader.cancel())
    }
  } catch {
    // The client went away: nothing left to drop.
  }
}

/**
 * Sends a shopper's multipart upload on to Medusa as it arrives, never holding it whole: the
 * declared Content-Length is checked first, and the bytes are counted while they stream, so a body
 * over `limit` gets 413 at once (or as soon as the count passes the limit when the length is not
 * declared) and Medusa's request is aborted. Medusa's own answer (status and JSON) is passed back.
 * `signIn: "optional"` lets guests through (search by photo); a signed-in shopper's token still goes along.
 */
export async function forwardUpload(
  request: NextRequest,
  medusaPath: string,
  limit: number,
  { signIn = "required" }: { signIn?: "required" | "optional" } = {}
): Promise<NextResponse> {
  if (!request.body) return problem(400, "invalid_data", "Send the photos and fields as multipart/form-data.")
  const reader = request.body.getReader()
  const refuse = (response: NextResponse) => {
    void discardRest(reader)
    return response
  }
  // Only this shop's pages upload: the session cookie is SameSite=strict, and the origin's host must
  // be the one the shopper asked for (as Next.js checks for server actions, proxies included).
  const origin = request.headers.get("origin")
  const host = request.headers.get("x-forwarded-host")?.split(",")[0].trim() || request.headers.get("host")
  if (origin && hostOf(origin) !== host) return refuse(problem(403, "not_allowed", "Uploads are only accepted from this shop's own pages."))
  const declared = request.headers.get("content-length")
  if (declared !== null && Number(declared) > limit) return refuse(uploadTooLarge(limit))
  const contentType = request.headers.get("content-type") ?? ""
  if (!/^multipart\/form-data;\s*boundary=/i.test(contentType)) {
    return refuse(problem(400, "invalid_data", "Send the photos and fields as multipart/form-data."))
  }
  const auth = await getAuthHeaders()
  if (signIn === "required" && !("authorization" in auth)) return refuse(problem(401, "unauthorized", "Sign in to upload photos."))

  // Passed on chunk by chunk as Medusa asks for more: at most a chunk or two is held here.
  let received = 0
  let overLimit = false
  const counted = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read()
      if (done) return controller.close()
      received += value.byteLength
      if (received > limit) {
        overLimit = true
        controller.error(new Error("upload over the limit"))
        void discardRest(reader)
        return
      }
      controller.enqueue(value)
    },
    // Medusa answered before reading everything (a refused request): drop the rest the same way.
    cancel: () => discardRest(reader),
  })
  let upstream: Response
  try {
    upstream = await fetch(`${MEDUSA_BACKEND_URL}${medusaPath}`, {
      method: "POST",
      body: counted,
      // The shopper's address and browser go along: Medusa limits uploads per shopper and address.
      headers: {
        ...(await shopperOriginHeaders()),
        ...auth,
        "content-type": contentType,
        "x-publishable-api-key": PUBLISHABLE_KEY,
        accept: "application/json",
      },
      cache: "no-store",
      // A streamed request body (undici requires saying so).
      duplex: "half",
    } as RequestInit & { duplex: "half" })
  } catch (error) {
    if (overLimit) return uploadTooLarge(limit)
    console.error(`[storefront] upload to ${medusaPath} failed: ${(error as Error).message}`)
    return problem(502, "unexpected_state", "The upload did not reach the shop. Try again in a moment.")
  }
  if (overLimit) {
    await upstream.body?.cancel().catch(() => undefined)
    return uploadTooLarge(limit)
  }
  const text = await upstream.text()
  if (!(upstream.headers.get("content-type") ?? "").includes("application/json")) {
    return upstream.ok
      ? problem(502, "unexpected_state", "The shop sent an unexpected answer. Try again.")
      : problem(upstream.status, "unexpected_state", "The upload was not accepted. Try again.")
  }
  return new NextResponse(text, { status: upstream.status, headers: { "content-type": "application/json", "cache-control": "no-store" } })
}
