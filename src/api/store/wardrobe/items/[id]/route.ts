import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreWardrobeDeleteResponse, StoreWardrobeItemResponse } from "../../../../../types/http/wardrobe"
import { deleteWardrobeItemWorkflow, updateWardrobeItemWorkflow } from "../../../../../workflows/wardrobe/wardrobe-items"
import { customerIdOf } from "../../../../identity"
import { preparedPhoto } from "../../../../utils/uploaded-photos"
import { retrieveOwnedItem } from "../../queries"
import { StoreUpdateWardrobeItemType } from "../../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreWardrobeItemResponse>) => {
  res.json({ item: await retrieveOwnedItem(req, req.params.id) })
}

/** Edits an item; a multipart `photo` replaces its photo, `remove_photo: true` removes it. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreUpdateWardrobeItemType>, res: MedusaResponse<StoreWardrobeItemResponse>) => {
  const { remove_photo, ...update } = req.validatedBody
  const photo = await preparedPhoto(req, "wardrobe")
  await updateWardrobeItemWorkflow(req.scope).run({
    input: { customer_id: customerIdOf(req), id: req.params.id, update, photo, remove_photo },
  })
  res.json({ item: await retrieveOwnedItem(req, req.params.id) })
}

export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreWardrobeDeleteResponse<"wardrobe_item">>) => {
  await deleteWardrobeItemWorkflow(req.scope).run({ input: { customer_id: customerIdOf(req), id: req.params.id } })
  res.json({ id: req.params.id, object: "wardrobe_item", deleted: true })
}
