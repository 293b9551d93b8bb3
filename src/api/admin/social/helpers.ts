import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { AUTO_MODERATOR, POST_STATUSES } from "../../../modules/social/constants"
import { loadPosts, socialServiceOf } from "../../store/social/helpers"

/** Why a post is not shown to shoppers: reports that reached the threshold, or a moderator's decision. */
export type HiddenReason =
  | { type: "reports"; score: number; threshold: number; report_count: number; note: string | null; at: Date | string | null }
  | {
      type: "moderator"
      action: "hide" | "remove"
      moderator: { id: string; name: string }
      note: string | null
      at: Date | string | null
    }

const round3 = (n: unknown) => Math.round(Number(n ?? 0) * 1000) / 1000

/** "Ada Lovelace", or the e-mail address when the user has no name. */
const userNameOf = (user: { first_name?: string | null; last_name?: string | null; email?: string | null } | undefined, id: string) =>
  [user?.first_name, user?.last_name].filter((p) => p && p.trim()).join(" ") || user?.email || id

/**
 * Posts in the Admin API shape (loadPosts with moderation fields) plus what moderators weigh:
 * the open reports' weighted score, each report's weight, outcome and the reporter's standing
 * behind the weight, and `hidden_reason` for hidden and removed posts (null otherwise).
 */
export async function loadModeratedPosts(scope: MedusaContainer, ids: string[]) {
  const posts = await loadPosts(scope, ids, { moderation: true })
  if (!posts.length) return posts
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: extras } = await query.graph({
    entity: "social_post",
    fields: ["id", "open_report_score", "reports.id", "reports.weight", "reports.outcome", "reports.reporter_standing"],
    filters: { id: ids },
  })
  const extraById = new Map(extras.map((p: any) => [p.id as string, p]))
  const moderatorIds = [...new Set(posts.map((p: any) => p.moderated_by as string | null).filter((id): id is string => !!id && id !== AUTO_MODERATOR))]
  const { data: users } = moderatorIds.length
    ? await query.graph({ entity: "user", fields: ["id", "first_name", "last_name", "email"], filters: { id: moderatorIds }, withDeleted: true } as any)
    : { data: [] as any[] }
  const userById = new Map(users.map((u: any) => [u.id as string, u]))
  const threshold = socialServiceOf(scope).getOptions().auto_hide_report_threshold

  return posts.map((post: any) => {
    const extra: any = extraById.get(post.id) ?? {}
    const reportExtra = new Map<string, any>((extra.reports ?? []).map((r: any) => [r.id, r]))
    const reports = post.reports.map((r: any) => {
      const more = reportExtra.get(r.id) ?? {}
      return { ...r, weight: round3(more.weight ?? 1), outcome: more.outcome ?? null, reporter_standing: more.reporter_standing ?? null }
    })
    let hidden_reason: HiddenReason | null = null
    if (post.status === "hidden" && post.moderated_by === AUTO_MODERATOR) {
      hidden_reason = {
        type: "reports",
        score: round3(extra.open_report_score),
        threshold,
        report_count: post.open_report_count,
        note: post.moderation_note,
        at: post.moderated_at,
      }
    } else if ((post.status === "hidden" || post.status === "removed") && post.moderated_by) {
      hidden_reason = {
        type: "moderator",
        action: post.status === "hidden" ? "hide" : "remove",
        moderator: { id: post.moderated_by, name: userNameOf(userById.get(post.moderated_by), post.moderated_by) },
        note: post.moderation_note,
        at: post.moderated_at,
      }
    }
    return { ...post, open_report_score: round3(extra.open_report_score), reports, hidden_reason }
  })
}

/** Any post (not deleted by its author) with reports, moderation fields and hidden_reason, or 404. */
export async function retrievePostForAdmin(scope: MedusaContainer, id: string) {
  const [post] = await loadModeratedPosts(scope, [id])
  if (!post) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Post with id: ${id} was not found`)
  return post
}

/** What a moderator weighs besides the post itself: the author's posts by status and the reports they received. */
export async function authorHistory(scope: MedusaContainer, customerId: string) {
  const posts = await socialServiceOf(scope).listSocialPosts({ customer_id: customerId }, { select: ["id", "status", "report_count"], take: null })
  const by_status = Object.fromEntries(POST_STATUSES.map((s) => [s, posts.filter((p) => p.status === s).length]))
  return {
    customer_id: customerId,
    post_count: posts.length,
    by_status,
    reports_received: posts.reduce((sum, p) => sum + (p.report_count ?? 0), 0),
  }
}
