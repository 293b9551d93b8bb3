import { MedusaError } from "@medusajs/framework/utils"
import { MlSidecarRequestError } from "../../visual/ml-sidecar-client"

/** The image service refused the photo (it could not decode it, for one): the shopper's mistake, a 400 that says why. Other errors as they are. */
export function photoRefusedError(error: unknown): unknown {
  return error instanceof MlSidecarRequestError ? new MedusaError(MedusaError.Types.INVALID_DATA, `photo: ${error.message}`) : error
}
