import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ModerationAction, REPORT_OUTCOME_AFTER, ReportReason, STATUS_AFTER } from "../../../modules/social/constants"
import { ReporterStanding } from "../../../modules/social/report-weight"
import { socialService } from "./social-service"

const MODERATION_FIELDS = ["id", "status", "moderated_by", "moderated_at", "moderation_note"] as const
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
        filters: { customer_id: input.customer_id, status: { $nin: ["canceled", "draft"] } } as any,
        pagination: { take: 1, skip: 0 },
      }),
      socialService(container).reporterTrackRecord(input.customer_id),
    ])
    const createdAt = customers[0]?.created_at ? new Date(customers[0].created_at as any).getTime() : Date.now()
    const standing: ReporterStanding = {
      account_age_days: Math.max(0, Math.round(((input.now ?? new Date()).getTime() - createdAt) / DAY_MS * 100) / 100),
      orders: Number(metadata?.count ?? 0),
      ...track,
    }
    return new StepResponse(standing)
  }
)

/**
 * Records a customer's report on a post (one per customer and post: a second is a 422),
 * weighed by the reporter's standing, and hides a published post once its open reports' weights
 * reach the module's auto_hide_report_threshold (the rule is the social module's).
 * Compensation deletes the report, puts the post's moderation fields back and recounts.
 */
export const reportSocialPostStep = createStep(
  "report-social-post",
  async (
    input: { post_id: string; customer_id: string; reason: ReportReason; note?: string | null; standing: ReporterStanding },
    { container }
  ) => {
    const service = socialService(container)
    const [existing] = await service.listSocialReports({ post_id: input.post_id, customer_id: input.customer_id } as any, { take: 1, select: ["id"] })
    // 422 with the reason, as Medusa answers duplicates (its 409 is for request races and hides the message).
    if (existing) throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `You have already reported post ${input.post_id}`)
    const before = await service.retrieveSocialPost(input.post_id, { select: [...MODERATION_FIELDS, "customer_id"] as any })
    if (before.customer_id === input.customer_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "You cannot report your own post")
    const report = await service.createSocialReports({
      post_id: input.post_id,
      customer_id: input.customer_id,
      reason: input.reason,
      note: input.note ?? null,
      weight: service.weighReport(input.standing),
      reporter_standing: input.standing,
    } as any)
    await service.recountPosts([input.post_id])
    const { hidden: autoHidden } = await service.hideIfReportScoreReached(input.post_id)
    const previous = Object.fromEntries(MODERATION_FIELDS.map((f) => [f, (before as any)[f]]))
    return new StepResponse({ report, auto_hidden: autoHidden }, { report_id: report.id, previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = socialService(container)
    await service.deleteSocialReports([undo.report_id])
    await service.updateSocialPosts(undo.previous as any)
    await service.recountPosts([undo.previous.id as string])
  }
)

/**
 * A moderator approves (publishes), hides or removes a post; who and when are recorded, and
 * the post's open reports are resolved by the decision (upheld, or rejected by an approval:
 * the reporters' track record). Compensation restores the post's
 * moderation fields and reopens those reports.
 */
export const moderateSocialPostStep = createStep(
  "moderate-social-post",
  async (input: { post_id: string; action: ModerationAction; note?: string | null; moderator_id: string }, { container }) => {
    const service = socialService(container)
    const before = await service.retrieveSocialPost(input.post_id, { select: [...MODERATION_FIELDS] as any })
    const now = new Date()
    await service.updateSocialPosts({
      id: input.post_id,
      status: STATUS_AFTER[input.action],
      moderated_by: input.moderator_id,
      moderated_at: now,
      moderation_note: input.note ?? null,
    })
    const open = await service.listSocialReports({ post_id: input.post_id, resolved_at: null } as any, { select: ["id"], take: null })
    const resolvedIds = open.map((r) => r.id)
    if (resolvedIds.length) {
      await service.updateSocialReports({
        selector: { id: resolvedIds },
        data: { resolved_at: now, resolved_by: input.moderator_id, outcome: REPORT_OUTCOME_AFTER[input.action] },
      } as any)
    }
    await service.recountPosts([input.post_id])
    const previous = Object.fromEntries(MODERATION_FIELDS.map((f) => [f, (before as any)[f]]))
    return new StepResponse(input.post_id, { previous, resolvedIds })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = socialService(container)
    await service.updateSocialPosts(undo.previous as any)
    if (undo.resolvedIds.length) {
      await service.updateSocialReports({ selector: { id: undo.resolvedIds }, data: { resolved_at: null, resolved_by: null, outcome: null } } as any)
    }
    await service.recountPosts([undo.previous.id as string])
  }
)
