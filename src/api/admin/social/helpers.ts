import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { POST_STATUSES } from "../../../modules/social/constants"
import { loadPosts, socialServiceOf } from "../../store/social/helpers"

/** Any post (not deleted by its author) with reports and moderation fields, or 404. */
export async function retrievePostForAdmin(scope: MedusaContainer, id: string) {
  const [post] = await loadPosts(scope, [id], { moderation: true })
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
