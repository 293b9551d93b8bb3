import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { dressMe } from "../../../../recommendation"
import { noMatchAnswer, outfitsAnswer, recommendationInputs, recordImpressions } from "../../../../recommendation-catalog/answers"
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
  const outfits = await outfitsAnswer(req, inputs, answer.outfits)
  res.json({ outfits, ...noMatchAnswer(outfits.length, answer.no_match) })
  recordImpressions(
    req,
    inputs.identity,
    "dress_me",
    outfits.flatMap((o) => o.items.map((p) => (p.source === "catalog" ? p.id : null)))
  )
}
