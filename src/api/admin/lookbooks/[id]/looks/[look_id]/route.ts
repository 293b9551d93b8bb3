import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteLookWorkflow, updateLookWorkflow } from "../../../../../../workflows/lookbook/looks"
import { lookImageOf, retrieveAdminLookbook } from "../../../helpers"
import { AdminUpdateLookType } from "../../../validators"

/** Edits a look's notes (JSON or multipart); a multipart "image" replaces its photo, hotspots stay. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateLookType>, res: MedusaResponse) => {
  const image = await lookImageOf(req as any, "look")
  await updateLookWorkflow(req.scope).run({
    input: { lookbook_id: req.params.id, look_id: req.params.look_id, notes: req.validatedBody?.notes, image },
  })
  const lookbook = await retrieveAdminLookbook(req.scope, req.params.id)
  res.json({ look: lookbook.looks.find((l: any) => l.id === req.params.look_id) })
}

/** Deletes a look with its hotspots and its image file. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteLookWorkflow(req.scope).run({ input: { lookbook_id: req.params.id, look_id: req.params.look_id } })
  res.json({ id: req.params.look_id, object: "lookbook_look", deleted: true })
}
