import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { StoreVisualSearchResponse } from "../../../types/http/visual-search"
import { MlSidecarRequestError, sidecarUnavailableResponse } from "../../../visual/ml-sidecar-client"
import { checkSearchPhoto } from "../../../visual/search-photo"
import { searchByPhoto } from "../../../visual/visual-search"
import { viewerIdOf } from "../../identity"
import { uploadedFiles } from "../../utils/uploaded-photos"
import { StoreVisualSearchBodyType } from "./validators"

/**
 * Search by photo: the garments in the uploaded photo (multipart `image`), each with the products
 * the shopper can buy in their region that look like it, within their budget and size. The photo
 * is held in memory for this request only. 503 { type: "unavailable" } when the image service is down.
 */
export const POST = async (req: MedusaStoreRequest<StoreVisualSearchBodyType>, res: MedusaResponse<StoreVisualSearchResponse>) => {
  const image = await checkSearchPhoto(uploadedFiles(req)[0])
  const body = req.validatedBody
  const timings: Record<string, number> = {}
  try {
    const result = await searchByPhoto(req.scope, {
      image,
      // The validator requires region_id or country_code, so shopperContext always resolved one.
      shopper: req.shopper!,
      customer_id: viewerIdOf(req),
      category: body.category,
      constraints: { in_stock: body.in_stock, min_price: body.min_price, max_price: body.max_price, size: body.size },
      limit: body.limit,
      timings,
    })
    // Where the time went (the sidecar's describe and search, hydration, ranking, recording): for the benchmark and dev tools.
    res.setHeader(
      "Server-Timing",
      Object.entries(timings)
        .map(([stage, ms]) => `${stage};dur=${ms}`)
        .join(", ")
    )
    res.json(result)
  } catch (error) {
    if (sidecarUnavailableResponse(error, res)) return
    // The image service refused the photo (it could not decode it, for one): the shopper's mistake.
    if (error instanceof MlSidecarRequestError) throw new MedusaError(MedusaError.Types.INVALID_DATA, `photo: ${error.message}`)
    throw error
  }
}
