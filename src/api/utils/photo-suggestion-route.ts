import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { sidecarUnavailableResponse } from "../../visual/ml-sidecar-client"
import type { PhotoInput } from "../../visual/photo-suggestions"
import { checkSearchPhoto } from "../../visual/search-photo"
import { customerIdOf } from "../identity"
import { photoRefusedError } from "./photo-refused"
import type { PhotoSuggestionBody } from "./photo-suggestion-body"
import { uploadedFiles } from "./uploaded-photos"

/**
 * A POST route that suggests from a shopper's own photo (multipart `image`, checked and never
 * stored; fields of photoSuggestionBody): answers what `suggest` makes of it for the shopper's
 * region. 503 when the image service is down, 400 when it refuses the photo.
 */
export const photoSuggestionRoute =
  <Answer>(suggest: (scope: MedusaContainer, input: PhotoInput & { limit: number }) => Promise<Answer>) =>
  async (req: AuthenticatedMedusaRequest<PhotoSuggestionBody>, res: MedusaResponse<Answer>) => {
    const image = await checkSearchPhoto(uploadedFiles(req)[0])
    try {
      const answer = await suggest(req.scope, {
        image,
        // The validator requires region_id or country_code, so shopperContext always resolved one.
        shopper: req.shopper!,
        customer_id: customerIdOf(req),
        limit: req.validatedBody.limit,
      })
      res.json(answer)
    } catch (error) {
      if (sidecarUnavailableResponse(error, res)) return
      throw photoRefusedError(error)
    }
  }
