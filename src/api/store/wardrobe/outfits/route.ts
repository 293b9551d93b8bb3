import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StoreWardrobeOutfitListResponse, StoreWardrobeOutfitResponse } from "../../../../types/http/wardrobe"
import { createOutfitWorkflow } from "../../../../workflows/wardrobe/outfits"
import { customerIdOf } from "../../../identity"
import { escapeLike, likePattern } from "../../../utils/like-pattern"
import { graphFieldsFor, presentOutfits, retrieveOwnedOutfit } from "../queries"
import { StoreCreateOutfitType, StoreGetOutfitsParamsType } from "../validators"

/** The signed-in customer's outfits, filtered and paginated. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetOutfitsParamsType>,
  res: MedusaResponse<StoreWardrobeOutfitListResponse>
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, occasion, season } = req.validatedQuery as StoreGetOutfitsParamsType
  const filters: Record<string, unknown> = { customer_id: customerIdOf(req) }
  if (occasion?.length) filters.$or = occasion.map((o) => ({ occasion: { $ilike: escapeLike(o) } }))
  if (season?.length) filters.season = season
  if (q) filters.$and = [{ $or: ["name", "occasion", "notes"].map((field) => ({ [field]: { $ilike: likePattern(q) } })) }]

  const { data, metadata } = await query.graph({
    entity: "wardrobe_outfit",
    fields: graphFieldsFor(req.queryConfig.fields),
    filters,
    pagination: req.queryConfig.pagination,
  })
  res.json({ outfits: await presentOutfits(req, data), count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}

/** Creates an outfit from the customer's own items and, optionally, catalog products. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateOutfitType>, res: MedusaResponse<StoreWardrobeOutfitResponse>) => {
  const { result } = await createOutfitWorkflow(req.scope).run({ input: { customer_id: customerIdOf(req), outfit: req.validatedBody } })
  res.status(201).json({ outfit: await retrieveOwnedOutfit(req, result.id) })
}
