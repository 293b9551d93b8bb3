import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StoreRecordInteractionsResponse } from "../../../../types/http/style-profile"
import { viewerIdOf } from "../../../identity"
import { ensureGuestId } from "../../../utils/guest-id"
import { recommendationOf } from "../../customers/me/style-profile/style-profile"
import { StoreRecordInteractionsType } from "./validators"

/**
 * POST /store/recommendations/interactions { interactions: [{ product_id, kind, surface?, value? }] }:
 * records what the shopper did, for the signed-in customer or the guest id of the guest cookie
 * (issued here when there is none). Products that do not exist are skipped and named, so a stale
 * id from a cached page does not lose the rest of the batch.
 */
export const POST = async (req: MedusaRequest<StoreRecordInteractionsType>, res: MedusaResponse<StoreRecordInteractionsResponse>) => {
  const { interactions } = req.validatedBody as StoreRecordInteractionsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const ids = [...new Set(interactions.map((i) => i.product_id))]
  const { data: products } = await query.graph({ entity: "product", fields: ["id"], filters: { id: ids } })
  const known = new Set(products.map((p: { id: string }) => p.id))
  const customerId = viewerIdOf(req)
  const owner = customerId ? { customer_id: customerId } : { guest_id: ensureGuestId(req, res) }
  const recorded = await recommendationOf(req).recordInteractions(
    interactions
      .filter((i) => known.has(i.product_id))
      .map((i) => ({ ...owner, product_id: i.product_id, kind: i.kind, surface: i.surface ?? null, value: i.value ?? null }))
  )
  res.json({ recorded, not_found: ids.filter((id) => !known.has(id)) })
}
