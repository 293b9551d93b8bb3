import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { socialServiceOf } from "../../../store/social/helpers"
import { loadModeratedPosts } from "../helpers"
import { AdminGetSocialPostsParamsType } from "../validators"

/** Every post (any status, any visibility), newest first, filtered by status, author or having reports. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetSocialPostsParamsType>, res: MedusaResponse) => {
  const { status, reported, customer_id, limit, offset } = req.validatedQuery as AdminGetSocialPostsParamsType
  const filters: Record<string, unknown> = {}
  if (status) filters.status = status
  if (customer_id) filters.customer_id = customer_id
  if (reported === "true") filters.report_count = { $gt: 0 }
  if (reported === "false") filters.report_count = 0
  const [rows, count] = await socialServiceOf(req.scope).listAndCountSocialPosts(filters, {
    select: ["id"],
    skip: offset,
    take: limit,
    order: { created_at: "DESC", id: "DESC" },
  })
  const posts = await loadModeratedPosts(req.scope, rows.map((r) => r.id))
  res.json({ posts, count, offset, limit })
}
