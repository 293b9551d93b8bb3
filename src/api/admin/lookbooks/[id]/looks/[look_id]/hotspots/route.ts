import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { replaceLookHotspotsWorkflow } from "../../../../../../../workflows/lookbook/looks"
import { retrieveAdminLookbook } from "../../../../helpers"
import { AdminReplaceHotspotsType } from "../../../../validators"

/** Replaces the look's hotspots with `hotspots` (an empty array removes them all). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReplaceHotspotsType>, res: MedusaResponse) => {
  await replaceLookHotspotsWorkflow(req.scope).run({
    input: { lookbook_id: req.params.id, look_id: req.params.look_id, hotspots: req.validatedBody.hotspots },
  })
  const lookbook = await retrieveAdminLookbook(req.scope, req.params.id)
  res.json({ look: lookbook.looks.find((l: any) => l.id === req.params.look_id) })
}
