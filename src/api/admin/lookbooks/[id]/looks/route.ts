import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createLookWorkflow } from "../../../../../workflows/lookbook/looks"
import { preparedPhoto } from "../../../../utils/uploaded-photos"
import { requireImage, retrieveAdminLook } from "../../retrieve"
import { AdminCreateLookType } from "../../validators"

/**
 * Adds a look: multipart with the photo in "image", optional "notes", "position" and "hotspots"
 * (a JSON array of { x, y, variant_id }). Answers with the look as it now sits in the lookbook.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateLookType>, res: MedusaResponse) => {
  const image = requireImage(await preparedPhoto(req, "look"))
  const { notes, position, hotspots } = req.validatedBody
  const { result } = await createLookWorkflow(req.scope).run({
    input: { lookbook_id: req.params.id, image, notes, position, hotspots },
  })
  res.status(201).json({ look: await retrieveAdminLook(req.scope, req.params.id, result.id) })
}
