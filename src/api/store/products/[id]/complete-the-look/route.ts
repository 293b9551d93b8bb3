import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { completeTheLook } from "../../../../../recommendation"
import { recommendationInputs, sendOutfits } from "../../../../../recommendation-catalog/answers"
import type { StoreRecommendedOutfitsResponse } from "../../../../../types/http/recommendations"
import { filtersOf, overridesOf, recommendationQuery } from "../../../recommendations/recommendations"
import { StoreGetRecommendedOutfitsParamsType } from "../../../recommendations/validators"

/**
 * GET /store/products/:id/complete-the-look?region_id=: outfits built around this product (first piece),
 * completed from other slots: never another product of its category. A product the shopper cannot buy
 * (not their size, over budget, not sold in the region) answers no outfits with the reason.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse<StoreRecommendedOutfitsResponse>) => {
  const q = recommendationQuery<StoreGetRecommendedOutfitsParamsType>(req)
  const { data } = await req.scope
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "product", fields: ["id", "status"], filters: { id: req.params.id, status: "published" } })
  if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${req.params.id} was not found`)
  const inputs = await recommendationInputs(req, overridesOf(q))
  const answer = completeTheLook(inputs.index, inputs.model, inputs.shopper, req.params.id, filtersOf(q), {
    weights: inputs.weights,
    limit: q.limit,
  })
  await sendOutfits(req, res, inputs, answer, "complete_the_look", { skipFirst: true })
}
