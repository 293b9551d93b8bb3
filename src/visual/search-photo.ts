import { MedusaError } from "@medusajs/framework/utils"
import sharp from "sharp"
import { detectImageType, MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS } from "../files/prepare-photo"

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * A search photo gets the checks of a stored photo (src/files/prepare-photo.ts), with the same
 * messages: present, within the byte and pixel limits, a JPEG, PNG or WebP by its content, with
 * readable dimensions. It is not re-encoded: it is never stored, and the sidecar decodes it (a
 * damaged file is refused there with a 400), which saves the 50–100 ms a re-encode costs a search.
 */
export async function checkSearchPhoto(file: { buffer: Buffer } | undefined, field = "image"): Promise<Buffer> {
  const buffer = file?.buffer
  if (!file) throw invalid(`a photo is required: send it as the multipart file field "${field}"`)
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
  return buffer
}
