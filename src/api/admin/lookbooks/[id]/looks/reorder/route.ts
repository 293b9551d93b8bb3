import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reorderLooksWorkflow } from "../../../../../../workflows/lookbook/looks"
import { retrieveAdminLookbook } from "../../../retrieve"
import { AdminReorderLooksType } from "../../../validators"

/** Puts the looks in the order of `look_ids` (every look of the lookbook, once). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReorderLooksType>, res: MedusaResponse) => {
  await reorderLooksWorkflow(req.scope).run({ input: { lookbook_id: req.params.id, look_ids: req.validatedBody.look_ids } })
  res.json({ lookbook: await retrieveAdminLookbook(req.scope, req.params.id) })
}
