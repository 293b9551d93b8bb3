import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteOutfitWorkflow, updateOutfitWorkflow } from "../../../../../workflows/wardrobe/outfits"
import { customerIdOf, retrieveOwned } from "../../helpers"
import { StoreUpdateOutfitType } from "../../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const outfit = await retrieveOwned(req, "wardrobe_outfit", req.params.id)
  res.json({ outfit })
}

/** Edits an outfit; `item_ids` and `products`, when given, replace the current lists. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreUpdateOutfitType>, res: MedusaResponse) => {
  await updateOutfitWorkflow(req.scope).run({ input: { customer_id: customerIdOf(req), id: req.params.id, update: req.validatedBody } })
  const outfit = await retrieveOwned(req, "wardrobe_outfit", req.params.id)
  res.json({ outfit })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteOutfitWorkflow(req.scope).run({ input: { customer_id: customerIdOf(req), id: req.params.id } })
  res.json({ id: req.params.id, object: "wardrobe_outfit", deleted: true })
}
