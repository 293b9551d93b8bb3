import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreWardrobePhotoSuggestionsResponse } from "../../../../types/http/wardrobe"
import { sidecarUnavailableResponse } from "../../../../visual/ml-sidecar-client"
import { suggestWardrobeItem } from "../../../../visual/photo-suggestions"
import { checkSearchPhoto } from "../../../../visual/search-photo"
import { customerIdOf } from "../../../identity"
import { photoRefusedError } from "../../../utils/photo-refused"
import { uploadedFiles } from "../../../utils/uploaded-photos"
import { StoreWardrobePhotoSuggestionsBodyType } from "../validators"

/**
 * What to pre-fill a new wardrobe item with from its photo (multipart `image`): category, colours
 * and the catalog products that look like it. Nothing is stored: the item is created as usual
 * (POST /store/wardrobe/items) with what the shopper keeps. 503 when the image service is down.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreWardrobePhotoSuggestionsBodyType>,
  res: MedusaResponse<StoreWardrobePhotoSuggestionsResponse>
) => {
  const image = await checkSearchPhoto(uploadedFiles(req)[0])
  try {
    res.json(
      await suggestWardrobeItem(req.scope, {
        image,
        // The validator requires region_id or country_code, so shopperContext always resolved one.
        shopper: req.shopper!,
        customer_id: customerIdOf(req),
        limit: req.validatedBody.limit,
      })
    )
  } catch (error) {
    if (sidecarUnavailableResponse(error, res)) return
    throw photoRefusedError(error)
  }
}
