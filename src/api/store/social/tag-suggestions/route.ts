import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreSocialTagSuggestionsResponse } from "../../../../types/http/social"
import { sidecarUnavailableResponse } from "../../../../visual/ml-sidecar-client"
import { suggestPostTags } from "../../../../visual/photo-suggestions"
import { checkSearchPhoto } from "../../../../visual/search-photo"
import { customerIdOf } from "../../../identity"
import { photoRefusedError } from "../../../utils/photo-refused"
import { uploadedFiles } from "../../../utils/uploaded-photos"
import { StoreSocialTagSuggestionsBodyType } from "../validators"

/**
 * Products to tag on a new post's photo (multipart `image`): the catalog products that look like
 * each garment in it, as product cards for the shopper's region (published products of the
 * publishable key's sales channels only). The photo is not stored. 503 when the image service is down.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreSocialTagSuggestionsBodyType>,
  res: MedusaResponse<StoreSocialTagSuggestionsResponse>
) => {
  const image = await checkSearchPhoto(uploadedFiles(req)[0])
  try {
    const suggestions = await suggestPostTags(req.scope, {
      image,
      // The validator requires region_id or country_code, so shopperContext always resolved one.
      shopper: req.shopper!,
      customer_id: customerIdOf(req),
      limit: req.validatedBody.limit,
    })
    res.json({ suggestions, ...(suggestions.length ? {} : { message: "No garment with a matching product was found in the photo." }) })
  } catch (error) {
    if (sidecarUnavailableResponse(error, res)) return
    throw photoRefusedError(error)
  }
}
