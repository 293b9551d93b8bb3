import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import multer from "multer"
import { MAX_PHOTO_BYTES } from "../../files/prepare-photo"
import { invalidFormFieldError } from "../edge-validation"

/**
 * Multipart photo uploads for every Curator route that takes photos: parsing with limits, each
 * failure a 400 that says why. The photos themselves are checked and re-encoded by
 * preparePhoto (src/files/prepare-photo.ts).
 */

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

const multerMessages = (field: string, maxFiles: number): Record<string, string> => ({
  LIMIT_FILE_SIZE: `photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`,
  LIMIT_FILE_COUNT: maxFiles === 1 ? "send one photo per request" : `send at most ${maxFiles} photos per request`,
  LIMIT_UNEXPECTED_FILE: `unexpected file field; send photos in the "${field}" field`,
  LIMIT_FIELD_COUNT: "too many form fields",
  LIMIT_FIELD_VALUE: "a form field is too long",
  LIMIT_PART_COUNT: "too many parts in the form",
})

/**
 * Parses a multipart body (fields into req.body, photos into req.file or req.files) and turns
 * upload errors into 400s that say what was wrong. JSON bodies pass through untouched. Memory
 * storage as in Medusa's own admin uploads route: a workflow hands the bytes to the file module.
 */
export function photoUpload({
  field = "photo",
  maxFiles = 1,
  tooLargeAs413 = false,
}: {
  field?: string
  maxFiles?: number
  /** Answer a photo over the byte limit 413 { type: "payload_too_large" } instead of 400 (try-on). */
  tooLargeAs413?: boolean
} = {}) {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_PHOTO_BYTES, files: maxFiles, fields: 40, fieldSize: 64 * 1024 },
  })
  const parse = maxFiles === 1 ? upload.single(field) : upload.array(field, maxFiles)
  const messages = multerMessages(field, maxFiles)
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    if (!req.is("multipart/form-data")) return next()
    parse(req, res, (error?: unknown) => {
      if (!error) {
        // multer's fields object has no prototype, and Medusa's validation messages then cannot
        // find a field's value (a wrong enum value reads "is required"): hand on a plain object.
        req.body = { ...(req.body as object) }
        // Form fields arrive after the global edge check (src/api/edge-validation.ts): same rules here.
        return next(invalidFormFieldError(req.body) ?? undefined)
      }
      // multer's own errors carry a code; busboy's (a cut-off body) only a message.
      const { code, message } = error as { code?: string; message?: string }
      if (tooLargeAs413 && code === "LIMIT_FILE_SIZE") {
        res.status(413).json({ type: "payload_too_large", message: messages.LIMIT_FILE_SIZE })
        return
      }
      next(invalid((code && messages[code]) || `the multipart body could not be read: ${message}`))
    })
  }
}
