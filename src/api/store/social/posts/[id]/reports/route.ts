import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreSocialReportResponse } from "../../../../../../types/http/social"
import { reportSocialPostWorkflow } from "../../../../../../workflows/social/moderation"
import { customerIdOf } from "../../../../../identity"
import { socialServiceOf } from "../../../../../social/queries"
import { isoDate } from "../../../../../utils/dates"
import { StoreCreateSocialReportType } from "../../../validators"

/** Reports a post to the moderators (once per customer and post; not one's own). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateSocialReportType>, res: MedusaResponse<StoreSocialReportResponse>) => {
  const { result } = await reportSocialPostWorkflow(req.scope).run({
    input: { customer_id: customerIdOf(req), post_id: req.params.id, reason: req.validatedBody.reason, note: req.validatedBody.note ?? null },
  })
  // Read back from the module: a workflow's result carries no Date objects.
  const { id, reason, note, created_at } = await socialServiceOf(req.scope).retrieveSocialReport(result.report.id, {
    select: ["id", "reason", "note", "created_at"],
  })
  res.status(201).json({ report: { id, post_id: req.params.id, reason, note: note ?? null, created_at: isoDate(created_at) } })
}
