import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { replaceLookHotspotsWorkflow } from "../../../../../../../workflows/lookbook/looks"
import { retrieveAdminLook } from "../../../../retrieve"
import { AdminReplaceHotspotsType } from "../../../../validators"

/** Replaces the look's hotspots with `hotspots` (an empty array removes them all). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReplaceHotspotsType>, res: MedusaResponse) => {
  await replaceLookHotspotsWorkflow(req.scope).run({
    input: { lookbook_id: req.params.id, look_id: req.params.look_id, hotspots: req.validatedBody.hotspots },
  })
  res.json({ look: await retrieveAdminLook(req.scope, req.params.id, req.params.look_id) })
}
