import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createOutfitWorkflow } from "../../../../workflows/wardrobe/outfits"
import { customerIdOf, likePattern, retrieveOwned, signWardrobePhotos, sortOutfit, withPhotoFileIds } from "../helpers"
import { StoreCreateOutfitType, StoreGetOutfitsParamsType } from "../validators"

/** The signed-in customer's outfits, filtered and paginated. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetOutfitsParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, occasion, season } = req.validatedQuery as StoreGetOutfitsParamsType
  const filters: Record<string, unknown> = { customer_id: customerIdOf(req) }
  if (occasion?.length) filters.$or = occasion.map((o) => ({ occasion: { $ilike: likePattern(o).slice(1, -1) } }))
  if (season?.length) filters.season = season
  if (q) filters.$and = [{ $or: ["name", "occasion", "notes"].map((field) => ({ [field]: { $ilike: likePattern(q) } })) }]

  const { data: outfits, metadata } = await query.graph({
    entity: "wardrobe_outfit",
    fields: withPhotoFileIds(req.queryConfig.fields),
    filters,
    pagination: req.queryConfig.pagination,
  })
  res.json({ outfits: (await signWardrobePhotos(req.scope, outfits)).map(sortOutfit), count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}

/** Creates an outfit from the customer's own items and, optionally, catalog products. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateOutfitType>, res: MedusaResponse) => {
  const { result } = await createOutfitWorkflow(req.scope).run({ input: { customer_id: customerIdOf(req), outfit: req.validatedBody } })
  const outfit = await retrieveOwned(req, "wardrobe_outfit", result.id)
  res.status(201).json({ outfit })
}
