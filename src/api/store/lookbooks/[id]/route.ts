import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resolvePricingRegion, retrieveStoreLookbook, salesChannelOf } from "../helpers"
import { StoreGetLookbookParamsType } from "../validators"

/**
 * A published lookbook by handle (or id) with its looks and shoppable hotspots: prices for
 * `region_id` (or `country_code`) and stock for the publishable key's sales channel.
 */
export const GET = async (req: MedusaRequest<unknown, StoreGetLookbookParamsType>, res: MedusaResponse) => {
  const params = req.validatedQuery as StoreGetLookbookParamsType
  const pricing = await resolvePricingRegion(req.scope, params)
  const lookbook = await retrieveStoreLookbook(req.scope, req.params.id, { pricing, sales_channel_id: salesChannelOf(req) })
  res.json({ lookbook })
}
