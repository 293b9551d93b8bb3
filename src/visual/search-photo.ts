import { MedusaError } from "@medusajs/framework/utils"
import { checkPhoto } from "../files/prepare-photo"

/**
 * A search photo gets the checks of a stored photo (checkPhoto in src/files/prepare-photo.ts), with
 * the same messages. It is not re-encoded: it is never stored, and the sidecar decodes it (a
 * damaged file is refused there with a 400), which saves the 50–100 ms a re-encode costs a search.
 */
export async function checkSearchPhoto(file: { buffer: Buffer } | undefined, field = "image"): Promise<Buffer> {
  if (!file) throw new MedusaError(MedusaError.Types.INVALID_DATA, `a photo is required: send it as the multipart file field "${field}"`)
  await checkPhoto(file.buffer)
  return file.buffer
}
