import { MedusaNextFunction, MedusaRequest, MedusaResponse, validateAndTransformBody } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Write routes take JSON (and photo routes multipart): anything else (text/plain, XML,
 * urlencoded) is refused with a message instead of being read as an empty body.
 */
export function requireBodyContentType(types: string[]) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const length = Number(req.headers["content-length"] ?? 0)
    const hasBody = length > 0 || !!req.headers["transfer-encoding"]
    if (!hasBody || req.is(types)) return next()
    next(new MedusaError(MedusaError.Types.INVALID_DATA, `Content-Type must be ${types.join(" or ")}; got ${req.headers["content-type"] ?? "none"}`))
  }
}

export const JSON_BODY = ["application/json"]

/** A JSON write route's body checks, in order: the content type, then the body against its schema. */
export const jsonBody = (schema: Parameters<typeof validateAndTransformBody>[0]) => [
  requireBodyContentType(JSON_BODY),
  validateAndTransformBody(schema),
]
