import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import type { StoreSimilarProductsResponse } from "../../../../../types/http/visual-search"
import { sidecarUnavailableResponse } from "../../../../../visual/ml-sidecar-client"
import { similarProducts } from "../../../../../visual/visual-search"
import { viewerIdOf } from "../../../../identity"
import { StoreSimilarProductsParamsType } from "./validators"

/**
 * "Similar items" on a product page: other products that look like this one and share its
 * attributes, purchasable in the shopper's region. 503 { type: "unavailable" } when the image service is down.
 */
export const GET = async (req: MedusaStoreRequest<unknown, StoreSimilarProductsParamsType>, res: MedusaResponse<StoreSimilarProductsResponse>) => {
  try {
    const result = await similarProducts(req.scope, {
      product_id: req.params.id,
      // The validator requires region_id or country_code, so shopperContext always resolved one.
      shopper: req.shopper!,
      customer_id: viewerIdOf(req),
      limit: req.validatedQuery.limit as number,
    })
    res.json(result)
  } catch (error) {
    if (sidecarUnavailableResponse(error, res)) return
    throw error
  }
}
