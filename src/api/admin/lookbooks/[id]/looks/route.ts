import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createLookWorkflow } from "../../../../../workflows/lookbook/looks"
import { lookImageOf, requireImage, retrieveAdminLookbook } from "../../helpers"
import { AdminCreateLookType } from "../../validators"

/**
 * Adds a look: multipart with the photo in "image", optional "notes", "position" and "hotspots"
 * (a JSON array of { x, y, variant_id }). Answers with the look as it now sits in the lookbook.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateLookType>, res: MedusaResponse) => {
  const image = requireImage(await lookImageOf(req as any, "look"))
  const { notes, position, hotspots } = req.validatedBody
  const { result } = await createLookWorkflow(req.scope).run({
    input: { lookbook_id: req.params.id, image, notes, position, hotspots },
  })
  const lookbook = await retrieveAdminLookbook(req.scope, req.params.id)
  res.status(201).json({ look: lookbook.looks.find((l: any) => l.id === result.id) })
}
