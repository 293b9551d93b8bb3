import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recommendForYou } from "../../../recommendation"
import { itemsAnswer, noMatchAnswer, recommendationInputs, recordImpressions, recordRejections } from "../../../recommendation-catalog/answers"
import type { StoreRecommendationsResponse } from "../../../types/http/recommendations"
import { filtersOf, overridesOf, recommendationQuery } from "./recommendations"
import { StoreGetRecommendationsParamsType } from "./validators"

/**
 * GET /store/recommendations?region_id=&category=&limit=: "for you". Every item has a variant in the
 * shopper's size in stock in their region, within their budget; when the constraints leave nothing the
 * answer says which one emptied the list (`reason: "no_match"`, `emptied_by`) instead of relaxing it.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse<StoreRecommendationsResponse>) => {
  const q = recommendationQuery<StoreGetRecommendationsParamsType>(req)
  const inputs = await recommendationInputs(req, overridesOf(q))
  // A few more than asked for: a piece sold out since the catalog was read is dropped when its card is built.
  const headroom = q.limit + 8
  const answer = recommendForYou(inputs.index, inputs.model, inputs.shopper, filtersOf(q), {
    weights: inputs.weights,
    limit: headroom,
    explainTop: headroom,
  })
  const recommendations = (await itemsAnswer(req, inputs, answer.items)).slice(0, q.limit)
  res.json({ recommendations, ...noMatchAnswer(recommendations.length, answer.no_match) })
  recordImpressions(
    req,
    inputs.identity,
    "for_you",
    recommendations.map((r) => r.id)
  )
  recordRejections(req, "for_you", answer, recommendations.length)
}
