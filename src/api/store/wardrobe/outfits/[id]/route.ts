import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreWardrobeDeleteResponse, StoreWardrobeOutfitResponse } from "../../../../../types/http/wardrobe"
import { deleteOutfitWorkflow, updateOutfitWorkflow } from "../../../../../workflows/wardrobe/outfits"
import { customerIdOf } from "../../../../identity"
import { retrieveOwnedOutfit } from "../../queries"
import { StoreUpdateOutfitType } from "../../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreWardrobeOutfitResponse>) => {
  res.json({ outfit: await retrieveOwnedOutfit(req, req.params.id) })
}

/** Edits an outfit; `item_ids` and `products`, when given, replace the current lists. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreUpdateOutfitType>, res: MedusaResponse<StoreWardrobeOutfitResponse>) => {
  await updateOutfitWorkflow(req.scope).run({ input: { customer_id: customerIdOf(req), id: req.params.id, update: req.validatedBody } })
  res.json({ outfit: await retrieveOwnedOutfit(req, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreWardrobeDeleteResponse<"wardrobe_outfit">>) => {
  await deleteOutfitWorkflow(req.scope).run({ input: { customer_id: customerIdOf(req), id: req.params.id } })
  res.json({ id: req.params.id, object: "wardrobe_outfit", deleted: true })
}
