import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { dressMe } from "../../../../recommendation"
import { recommendationInputs, sendOutfits } from "../../../../recommendation-catalog/answers"
import type { StoreRecommendedOutfitsResponse } from "../../../../types/http/recommendations"
import { filtersOf, overridesOf, recommendationQuery } from "../../recommendations/recommendations"
import { StoreGetRecommendedOutfitsParamsType } from "../../recommendations/validators"

/**
 * GET /store/wardrobe/outfit-suggestions?region_id=&occasion=: "Dress me". Outfits from the signed-in
 * shopper's own wardrobe (behind the wardrobe's authentication: guests get 401), each completed by at most
 * two catalog products in their size, in stock and within their outfit budget.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreRecommendedOutfitsResponse>) => {
  const q = recommendationQuery<StoreGetRecommendedOutfitsParamsType>(req)
  const inputs = await recommendationInputs(req, overridesOf(q))
  const answer = dressMe(inputs.index, inputs.model, inputs.shopper, filtersOf(q), { weights: inputs.weights, limit: q.limit })
  await sendOutfits(req, res, inputs, answer, "dress_me")
}
