import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { randomBytes } from "node:crypto"
import multer from "multer"
import sharp from "sharp"
import { invalidFormFieldError } from "../edge-validation"

/**
 * Image uploads shared by every Curator route that takes photos (wardrobe items, social posts,
 * lookbook looks): multipart parsing with limits, type by magic bytes, pixel limits, a full
 * decode, EXIF orientation applied and metadata stripped, each failure a 400 that says why.
 */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024
export const MAX_PHOTO_PIXELS = 40_000_000
/** Stored photos are scaled down to fit this box: phone photos are larger than any screen shows. */
export const STORED_PHOTO_MAX_EDGE = 2560

/** An already validated and normalised image, ready for Medusa's file module. */
export type PreparedImage = {
  filename: string
  mimeType: string
  /** base64, as Medusa's file module takes it */
  content: string
}

export type ImageType = "jpeg" | "png" | "webp"
const MIME: Record<ImageType, string> = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" }

/** The image type by its first bytes, whatever the file name or declared type claim. */
export function detectImageType(bytes: Buffer): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg"
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png"
  if (bytes.length >= 12 && bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP") return "webp"
  return null
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * Checks an uploaded photo and re-encodes it for storage: type by magic bytes, size and pixel
 * limits, full decode (a truncated or corrupt file fails here, not later), EXIF orientation
 * applied to the pixels, and every metadata block (EXIF with GPS, XMP, ICC comments) dropped.
 */
export async function preparePhoto(
  // originalname is accepted and ignored: no stored name comes from the upload.
  file: { buffer: Buffer; originalname?: string },
  { filenamePrefix = "photo" }: { filenamePrefix?: string } = {}
): Promise<PreparedImage> {
  const { buffer } = file
  if (!buffer?.length) throw invalid("photo is empty")
  if (buffer.length > MAX_PHOTO_BYTES) throw invalid(`photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB`)
  const type = detectImageType(buffer)
  if (!type) throw invalid("photo must be a JPEG, PNG or WebP image; the file's content is none of these")

  let width = 0
  let height = 0
  try {
    const meta = await sharp(buffer, { limitInputPixels: false }).metadata()
    width = meta.width ?? 0
    height = meta.height ?? 0
  } catch {
    throw invalid(`photo could not be read as a ${type.toUpperCase()} image; the file is damaged or truncated`)
  }
  if (!width || !height) throw invalid("photo has no readable dimensions; the file is damaged or truncated")
  if (width * height > MAX_PHOTO_PIXELS) {
    throw invalid(
      `photo is ${width}×${height} pixels (${((width * height) / 1e6).toFixed(1)} MP); the limit is ${MAX_PHOTO_PIXELS / 1e6} MP`
    )
  }

  let output: Buffer
  try {
    const image = sharp(buffer, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: "warning" })
      .rotate()
      .resize({ width: STORED_PHOTO_MAX_EDGE, height: STORED_PHOTO_MAX_EDGE, fit: "inside", withoutEnlargement: true })
    output = await (type === "jpeg" ? image.jpeg({ quality: 85, mozjpeg: true }) : type === "png" ? image.png() : image.webp({ quality: 85 })).toBuffer()
  } catch {
    throw invalid(`photo could not be decoded as a ${type.toUpperCase()} image; the file is damaged or truncated`)
  }

  // A random name, never the upload's: two uploads called alike must not share a stored file, and
  // the workflows store each file under a fresh name again (src/files/stored-names.ts).
  return { filename: `${filenamePrefix}-${randomBytes(16).toString("hex")}.${type === "jpeg" ? "jpg" : type}`, mimeType: MIME[type], content: output.toString("base64") }
}

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
export function photoUpload({ field = "photo", maxFiles = 1 }: { field?: string; maxFiles?: number } = {}) {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: MAX_PHOTO_BYTES, files: maxFiles, fields: 40, fieldSize: 64 * 1024 },
  })
  const parse = maxFiles === 1 ? upload.single(field) : upload.array(field, maxFiles)
  const messages = multerMessages(field, maxFiles)
  return (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    if (!req.is("multipart/form-data")) return next()
    parse(req as any, res as any, (error: any) => {
      if (!error) {
        // multer's fields object has no prototype, and Medusa's validation messages then cannot
        // find a field's value (a wrong enum value reads "is required"): hand on a plain object.
        req.body = { ...(req.body as object) }
        // Form fields arrive after the global edge check (src/api/edge-validation.ts): same rules here.
        return next(invalidFormFieldError(req.body) ?? undefined)
      }
      next(invalid(messages[error.code] ?? `the multipart body could not be read: ${error.message}`))
    })
  }
}

/**
 * Write routes take JSON (and photo routes multipart): anything else (text/plain, XML,
 * urlencoded) is refused with a message instead of being read as an empty body.
 */
export function requireBodyContentType(types: string[]) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const length = Number(req.headers["content-length"] ?? 0)
    const hasBody = length > 0 || !!req.headers["transfer-encoding"]
    if (!hasBody || req.is(types)) return next()
    next(invalid(`Content-Type must be ${types.join(" or ")}; got ${req.headers["content-type"] ?? "none"}`))
  }
}
