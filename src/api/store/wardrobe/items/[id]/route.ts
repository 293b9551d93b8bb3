import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteWardrobeItemWorkflow, updateWardrobeItemWorkflow } from "../../../../../workflows/wardrobe/wardrobe-items"
import { customerIdOf, photoOf, retrieveOwned } from "../../helpers"
import { StoreUpdateWardrobeItemType } from "../../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const item = await retrieveOwned(req, "wardrobe_item", req.params.id)
  res.json({ item })
}

/** Edits an item; a multipart `photo` replaces its photo, `remove_photo: true` removes it. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreUpdateWardrobeItemType>, res: MedusaResponse) => {
  const { remove_photo, ...update } = req.validatedBody
  const photo = await photoOf(req)
  await updateWardrobeItemWorkflow(req.scope).run({
    input: { customer_id: customerIdOf(req), id: req.params.id, update, photo, remove_photo },
  })
  const item = await retrieveOwned(req, "wardrobe_item", req.params.id)
  res.json({ item })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteWardrobeItemWorkflow(req.scope).run({ input: { customer_id: customerIdOf(req), id: req.params.id } })
  res.json({ id: req.params.id, object: "wardrobe_item", deleted: true })
}
