import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reportSocialPostWorkflow } from "../../../../../../workflows/social/moderation"
import { customerIdOf } from "../../../helpers"
import { StoreCreateSocialReportType } from "../../../validators"

/** Reports a post to the moderators (once per customer and post; not one's own). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateSocialReportType>, res: MedusaResponse) => {
  const { result } = await reportSocialPostWorkflow(req.scope).run({
    input: { customer_id: customerIdOf(req), post_id: req.params.id, reason: req.validatedBody.reason, note: req.validatedBody.note ?? null },
  })
  const { id, reason, note, created_at } = result.report as any
  res.status(201).json({ report: { id, post_id: req.params.id, reason, note: note ?? null, created_at } })
}
