import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteLookbookWorkflow, updateLookbookWorkflow } from "../../../../workflows/lookbook/lookbooks"
import { retrieveAdminLookbook } from "../retrieve"
import { AdminUpdateLookbookType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ lookbook: await retrieveAdminLookbook(req.scope, req.params.id) })
}

/** Edits a lookbook; `status: "published"` publishes it, `"draft"` takes it out of the store. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateLookbookType>, res: MedusaResponse) => {
  await updateLookbookWorkflow(req.scope).run({ input: { id: req.params.id, update: req.validatedBody } })
  res.json({ lookbook: await retrieveAdminLookbook(req.scope, req.params.id) })
}

/** Deletes a lookbook with its looks and hotspots, and their image files. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteLookbookWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "lookbook", deleted: true })
}
