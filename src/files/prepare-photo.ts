import { MedusaError } from "@medusajs/framework/utils"
import { randomBytes } from "node:crypto"
import sharp from "sharp"

/**
 * Photos as Curator stores them (wardrobe items, social posts, lookbook looks and covers): type
 * by magic bytes, size and pixel limits, a full decode, EXIF orientation applied, metadata
 * stripped, scaled to the stored size and measured, each failure a 400 that says why. The HTTP
 * routes prepare uploads with it (src/api/utils/image-upload.ts parses the multipart body); the
 * workflows take what it returns.
 */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024
export const MAX_PHOTO_PIXELS = 40_000_000
/** Stored photos are scaled down to fit this box: phone photos are larger than any screen shows. */
export const STORED_PHOTO_MAX_EDGE = 2560

/** An already validated and normalised image, ready for Medusa's file module, with its stored pixel size. */
export type PreparedImage = {
  filename: string
  mimeType: string
  /** base64, as Medusa's file module takes it */
  content: string
  width: number
  height: number
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
 * The checks every uploaded photo gets, stored or only searched with: present, within the byte
 * limit, a JPEG, PNG or WebP by its content, with readable dimensions within the pixel limit.
 * Each failure is a 400 that says why.
 */
export async function checkPhoto(buffer: Buffer | undefined): Promise<{ type: ImageType; width: number; height: number }> {
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
    throw invalid(`photo is ${width}×${height} pixels (${((width * height) / 1e6).toFixed(1)} MP); the limit is ${MAX_PHOTO_PIXELS / 1e6} MP`)
  }
  return { type, width, height }
}

/**
 * Checks an uploaded photo and re-encodes it for storage: type by magic bytes, size and pixel
 * limits, full decode (a truncated or corrupt file fails here, not later), EXIF orientation
 * applied to the pixels, and every metadata block (EXIF with GPS, XMP, ICC comments) dropped.
 * The size returned is the stored image's, as the encoder wrote it: nothing needs to decode it again.
 */
export async function preparePhoto(
  // originalname is accepted and ignored: no stored name comes from the upload.
  file: { buffer: Buffer; originalname?: string },
  { filenamePrefix = "photo" }: { filenamePrefix?: string } = {}
): Promise<PreparedImage> {
  const { buffer } = file
  const { type } = await checkPhoto(buffer)

  let output: { data: Buffer; info: sharp.OutputInfo }
  try {
    const image = sharp(buffer, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: "warning" })
      .rotate()
      .resize({ width: STORED_PHOTO_MAX_EDGE, height: STORED_PHOTO_MAX_EDGE, fit: "inside", withoutEnlargement: true })
    const encoder = type === "jpeg" ? image.jpeg({ quality: 85, mozjpeg: true }) : type === "png" ? image.png() : image.webp({ quality: 85 })
    output = await encoder.toBuffer({ resolveWithObject: true })
  } catch {
    throw invalid(`photo could not be decoded as a ${type.toUpperCase()} image; the file is damaged or truncated`)
  }

  // A random name, never the upload's: two uploads called alike must not share a stored file, and
  // the workflows store each file under a fresh name again (src/files/stored-names.ts).
  return {
    filename: `${filenamePrefix}-${randomBytes(16).toString("hex")}.${type === "jpeg" ? "jpg" : type}`,
    mimeType: MIME[type],
    content: output.data.toString("base64"),
    width: output.info.width,
    height: output.info.height,
  }
}
