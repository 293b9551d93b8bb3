import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUTO_MODERATOR, ModerationAction, ReportReason, STATUS_AFTER } from "../../../modules/social/constants"
import { socialService } from "./social-service"

const MODERATION_FIELDS = ["id", "status", "moderated_by", "moderated_at", "moderation_note"] as const

/**
 * Records a customer's report on a post (one per customer and post: a second is a 422) and
 * hides a published post once its open reports reach the module's auto_hide_report_threshold.
 * Compensation deletes the report, puts the post's moderation fields back and recounts.
 */
export const reportSocialPostStep = createStep(
  "report-social-post",
  async (input: { post_id: string; customer_id: string; reason: ReportReason; note?: string | null }, { container }) => {
    const service = socialService(container)
    const [existing] = await service.listSocialReports({ post_id: input.post_id, customer_id: input.customer_id } as any, { take: 1, select: ["id"] })
    // 422 with the reason, as Medusa answers duplicates (its 409 is for request races and hides the message).
    if (existing) throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `You have already reported post ${input.post_id}`)
    const before = await service.retrieveSocialPost(input.post_id, { select: [...MODERATION_FIELDS, "customer_id"] as any })
    if (before.customer_id === input.customer_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "You cannot report your own post")
    const report = await service.createSocialReports({ ...input, note: input.note ?? null } as any)
    await service.recountPosts([input.post_id])
    const after = await service.retrieveSocialPost(input.post_id, { select: ["id", "status", "open_report_count"] })
    let autoHidden = false
    if (after.status === "published" && after.open_report_count >= service.getOptions().auto_hide_report_threshold) {
      await service.updateSocialPosts({
        id: input.post_id,
        status: "hidden",
        moderated_by: AUTO_MODERATOR,
        moderated_at: new Date(),
        moderation_note: `Hidden automatically after ${after.open_report_count} reports`,
      })
      autoHidden = true
    }
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
 * the post's open reports are resolved by the decision. Compensation restores the post's
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
    if (resolvedIds.length) await service.updateSocialReports({ selector: { id: resolvedIds }, data: { resolved_at: now, resolved_by: input.moderator_id } } as any)
    await service.recountPosts([input.post_id])
    const previous = Object.fromEntries(MODERATION_FIELDS.map((f) => [f, (before as any)[f]]))
    return new StepResponse(input.post_id, { previous, resolvedIds })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = socialService(container)
    await service.updateSocialPosts(undo.previous as any)
    if (undo.resolvedIds.length) {
      await service.updateSocialReports({ selector: { id: undo.resolvedIds }, data: { resolved_at: null, resolved_by: null } } as any)
    }
    await service.recountPosts([undo.previous.id as string])
  }
)
