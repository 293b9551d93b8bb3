import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { StoreRecommendationFeedbackResponse } from "../../../../types/http/recommendations"
import { viewerIdOf } from "../../../identity"
import { ensureGuestId } from "../../../utils/guest-id"
import { recommendationOf } from "../../customers/me/style-profile/style-profile"
import { StoreRecommendationFeedbackType } from "../validators"

/**
 * POST /store/recommendations/feedback { product_id, action }: the shopper's word on a recommendation,
 * recorded as a `feedback` interaction that the next answer reads. A dismissed product (or one "not my size")
 * never comes back on any surface; "too expensive" and "not my style" lower what is like it; "like" counts as
 * a like. Guests' feedback is kept under the guest cookie (issued here when there is none).
 */
export const POST = async (req: MedusaRequest<StoreRecommendationFeedbackType>, res: MedusaResponse<StoreRecommendationFeedbackResponse>) => {
  const { product_id, action, surface } = req.validatedBody as StoreRecommendationFeedbackType
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "product", fields: ["id"], filters: { id: product_id } })
  if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${product_id} was not found`)
  const customerId = viewerIdOf(req)
  const owner = customerId ? { customer_id: customerId } : { guest_id: ensureGuestId(req, res) }
  await recommendationOf(req).recordInteractions([{ ...owner, product_id, kind: "feedback", surface: surface ?? null, value: { action } }])
  res.json({ feedback: { product_id, action } })
}
