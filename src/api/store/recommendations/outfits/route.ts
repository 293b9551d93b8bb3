import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recommendOutfits } from "../../../../recommendation"
import { recommendationInputs, sendOutfits } from "../../../../recommendation-catalog/answers"
import type { StoreRecommendedOutfitsResponse } from "../../../../types/http/recommendations"
import { filtersOf, overridesOf, recommendationQuery } from "../recommendations"
import { StoreGetRecommendedOutfitsParamsType } from "../validators"

/**
 * GET /store/recommendations/outfits?region_id=&occasion=&season=&limit=: complete outfits from the
 * catalog (a top and a bottom, or a dress; shoes; optional outerwear and bag), each piece in the shopper's
 * size and in stock, the outfit's total within their outfit budget.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse<StoreRecommendedOutfitsResponse>) => {
  const q = recommendationQuery<StoreGetRecommendedOutfitsParamsType>(req)
  const inputs = await recommendationInputs(req, overridesOf(q))
  const answer = recommendOutfits(inputs.index, inputs.model, inputs.shopper, filtersOf(q), { weights: inputs.weights, limit: q.limit })
  await sendOutfits(req, res, inputs, answer, "outfits")
}
