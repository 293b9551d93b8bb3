import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteLookWorkflow, updateLookWorkflow } from "../../../../../../workflows/lookbook/looks"
import { preparedPhoto } from "../../../../../utils/uploaded-photos"
import { retrieveAdminLook } from "../../../retrieve"
import { AdminUpdateLookType } from "../../../validators"

/** Edits a look's notes (JSON or multipart); a multipart "image" replaces its photo, hotspots stay. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateLookType>, res: MedusaResponse) => {
  const image = await preparedPhoto(req, "look")
  await updateLookWorkflow(req.scope).run({
    input: { lookbook_id: req.params.id, look_id: req.params.look_id, notes: req.validatedBody?.notes, image },
  })
  res.json({ look: await retrieveAdminLook(req.scope, req.params.id, req.params.look_id) })
}

/** Deletes a look with its hotspots and its image file. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteLookWorkflow(req.scope).run({ input: { lookbook_id: req.params.id, look_id: req.params.look_id } })
  res.json({ id: req.params.look_id, object: "lookbook_look", deleted: true })
}
