import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { Readable } from "node:stream"
import { fileUrlSecret } from "../../../../files/photo-urls"
import { verifyFileSignature } from "../../../../files/signed-urls"
import { contentTypeOf } from "../../../../files/stored-names"

const MESSAGES = {
  missing: "This file needs a signed URL (expires and signature)",
  expired: "This file's URL has expired; load the page again for a new one",
  invalid: "This file's URL is not valid",
}

/** Resolves once the stream has its file open, or rejects with its first error (a missing file). */
function opened(stream: Readable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off("open", onOpen)
      stream.off("readable", onOpen)
      stream.off("error", done)
      error ? reject(error) : resolve()
    }
    const onOpen = () => done()
    stream.once("open", onOpen)
    stream.once("readable", onOpen)
    stream.once("error", done)
  })
}

/**
 * A privately stored file (wardrobe photos, photos of private, followers-only, hidden or pending
 * posts, try-on photos and results), for whoever holds a valid signed URL from a Curator response (see src/files). No other
 * credential is needed, so an <img> can load it; a missing, tampered or expired signature is a 403.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const key = req.params.key
  const check = verifyFileSignature({ key, expires: req.query.expires, signature: req.query.signature }, fileUrlSecret(req.scope), Date.now())
  if (!check.ok) {
    res.status(403).json({ type: MedusaError.Types.FORBIDDEN, message: MESSAGES[check.reason] })
    return
  }
  const notFound = () => res.status(404).json({ type: MedusaError.Types.NOT_FOUND, message: "File not found" })
  const contentType = contentTypeOf(key)
  if (!contentType) return notFound()

  let stream: Readable
  try {
    stream = await req.scope.resolve(Modules.FILE).getDownloadStream(key)
    await opened(stream)
  } catch {
    return notFound()
  }
  const maxAge = Math.max(0, check.expires - Math.floor(Date.now() / 1000))
  res.setHeader("Content-Type", contentType)
  res.setHeader("Cache-Control", `private, max-age=${maxAge}`)
  res.setHeader("X-Content-Type-Options", "nosniff")
  res.setHeader("Content-Disposition", "inline")
  stream.on("error", () => res.destroy())
  stream.pipe(res)
}
