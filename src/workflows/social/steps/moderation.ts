import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ModerationAction, ReportReason } from "../../../modules/social/constants"
import { ReporterStanding } from "../../../modules/social/report-weight"
import { socialService } from "./social-service"

const DAY_MS = 24 * 3600 * 1000

/**
 * What a report's weight is computed from: the reporter's account age and orders (read through
 * query from Medusa's customer and order modules) and their track record of earlier reports
 * (the social module). Reads only.
 */
export const gatherReporterStandingStep = createStep(
  "gather-social-reporter-standing",
  async (input: { customer_id: string; now?: Date }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [{ data: customers }, { metadata }, track] = await Promise.all([
      query.graph({ entity: "customer", fields: ["id", "created_at"], filters: { id: input.customer_id } }),
      query.graph({
        entity: "order",
        fields: ["id"],
        filters: { customer_id: input.customer_id, status: { $nin: ["canceled", "draft"] } },
        pagination: { take: 1, skip: 0 },
      }),
      socialService(container).reporterTrackRecord(input.customer_id),
    ])
    const createdAt = customers[0]?.created_at ? new Date(customers[0].created_at).getTime() : Date.now()
    const standing: ReporterStanding = {
      account_age_days: Math.max(0, Math.round((((input.now ?? new Date()).getTime() - createdAt) / DAY_MS) * 100) / 100),
      orders: Number(metadata?.count ?? 0),
      ...track,
    }
    return new StepResponse(standing)
  }
)

/**
 * Records a customer's report on a post (one per customer and post: a second is a 422),
 * weighed by the reporter's standing, and hides a published post once its open reports' weights
 * reach the module's auto_hide_report_threshold: one transaction in the social module.
 * Compensation deletes the report, puts the post's moderation fields back and recounts.
 */
export const reportSocialPostStep = createStep(
  "report-social-post",
  async (input: { post_id: string; customer_id: string; reason: ReportReason; note?: string | null; standing: ReporterStanding }, { container }) => {
    const { report, auto_hidden, previous } = await socialService(container).reportPost(input)
    return new StepResponse({ report, auto_hidden }, { report_id: report.id, previous })
  },
  async (recorded, { container }) => {
    if (recorded) await socialService(container).undoReport(recorded)
  }
)

/**
 * A moderator approves (publishes), hides or removes a post; who and when are recorded, and
 * the post's open reports are resolved by the decision: one transaction in the social module.
 * Compensation restores the post's moderation fields and reopens those reports.
 */
export const moderateSocialPostStep = createStep(
  "moderate-social-post",
  async (input: { post_id: string; action: ModerationAction; note?: string | null; moderator_id: string }, { container }) => {
    const undo = await socialService(container).moderatePost(input)
    return new StepResponse(input.post_id, undo)
  },
  async (undo, { container }) => {
    if (undo) await socialService(container).undoModeration(undo)
  }
)
