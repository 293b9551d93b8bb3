import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { preparePhoto } from "../../../files/prepare-photo"
import { publicImageBytes } from "../../../files/public-file-bytes"
import { serializeTryOn } from "../../../try-on/serialize-try-on"
import { tryOnFit } from "../../../try-on/try-on-fit"
import { tryOnGarment, TryOnRefusedError } from "../../../try-on/try-on-garment"
import type { StoreTryOnResponse, TryOnPlacement, TryOnRefusal } from "../../../types/http/try-on"
import { mlSidecar, MlSidecarRequestError, sidecarUnavailableResponse } from "../../../visual/ml-sidecar-client"
import { ImageDownloadError } from "../../../workflows/visual/image-bytes"
import { createTryOnWorkflow } from "../../../workflows/try-on"
import { viewerIdOf } from "../../identity"
import { uploadedFiles } from "../../utils/uploaded-photos"
import { StoreTryOnBodyType } from "./validators"

/**
 * Try-on: the variant's garment (its colour's picture, in the chosen size) placed on the shopper's
 * photo by the ML sidecar. The photo (re-encoded, metadata stripped) and the result are stored as
 * private files under random names and answered as a signed, expiring URL; both are deleted after
 * 24 hours unless a signed-in shopper keeps them (POST /store/try-on/:id/keep). Refusals (no person,
 * several people, a pose or category it cannot do) are 422 { type, message }; 503 while the
 * image service is down.
 */
export const POST = async (req: MedusaStoreRequest<StoreTryOnBodyType>, res: MedusaResponse<StoreTryOnResponse | TryOnRefusal>) => {
  const [file] = uploadedFiles(req)
  if (!file) throw new MedusaError(MedusaError.Types.INVALID_DATA, 'a photo is required: send it as the multipart file field "photo"')
  const photo = await preparePhoto(file, { filenamePrefix: "tryon" })
  const body = req.validatedBody

  try {
    // The validator requires region_id, so shopperContext resolved it.
    const garment = await tryOnGarment(req.scope, { variant_id: body.variant_id, size: body.size, shopper: req.shopper! })
    const garmentBytes = await publicImageBytes(req.scope, garment.image_url)
    const { fit, warning } = await tryOnFit(req.scope, { ...garment, customer_id: viewerIdOf(req), shopper: req.shopper! })
    const result = await mlSidecar().tryOn({
      person: Buffer.from(photo.content, "base64"),
      garment: garmentBytes,
      category: garment.category,
      fit: fit ?? undefined,
      format: "jpeg",
    })
    const sidecarPlacement = result.placement as TryOnPlacement
    const placement = { ...sidecarPlacement, warnings: [...(sidecarPlacement.warnings ?? []), ...(warning ? [warning] : [])] }
    const { result: tryOn } = await createTryOnWorkflow(req.scope).run({
      input: {
        customer_id: viewerIdOf(req),
        variant_id: garment.variant_id,
        size: garment.size,
        photo: { mimeType: photo.mimeType, content: photo.content },
        result: { mimeType: result.image.content_type, content: result.image.data.toString("base64") },
        placement,
      },
    })
    res.json({ try_on: await serializeTryOn(req.scope, tryOn) })
  } catch (error) {
    if (sidecarUnavailableResponse(error, res, "Try-on")) return
    // The garment cannot be tried on, or the sidecar refused (no_person, several_people, pose_not_supported, …): its type and message.
    if (error instanceof TryOnRefusedError || (error instanceof MlSidecarRequestError && error.status === 422)) {
      res.status(422).json({ type: error.type, message: error.message })
      return
    }
    // It could not read the photo: the shopper's file.
    if (error instanceof MlSidecarRequestError) throw new MedusaError(MedusaError.Types.INVALID_DATA, `photo: ${error.message}`)
    if (error instanceof ImageDownloadError) {
      res.status(503).json({ type: "unavailable", message: "Try-on is unavailable for this product right now: its picture could not be read." })
      return
    }
    throw error
  }
}
