import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminSocialPostListResponse } from "../../../../types/http/social"
import { pickFields } from "../../../utils/allowed-fields"
import { loadAdminPosts, socialServiceOf } from "../../../social/queries"
import { AdminGetSocialPostsParamsType } from "../validators"

/** Every post (any status, any visibility), newest first, filtered by status, author or having reports. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetSocialPostsParamsType>,
  res: MedusaResponse<AdminSocialPostListResponse>
) => {
  const { status, reported, customer_id, limit, offset } = req.validatedQuery as AdminGetSocialPostsParamsType
  const [rows, count] = await socialServiceOf(req.scope).listAndCountSocialPosts(
    {
      ...(status ? { status } : {}),
      ...(customer_id ? { customer_id } : {}),
      ...(reported === "true" ? { report_count: { $gt: 0 } } : reported === "false" ? { report_count: 0 } : {}),
    },
    { select: ["id"], skip: offset, take: limit, order: { created_at: "DESC", id: "DESC" } }
  )
  const posts = await loadAdminPosts(
    req.scope,
    rows.map((r) => r.id)
  )
  res.json({ posts: posts.map((p) => pickFields(p, req.queryConfig.fields)), count, offset, limit })
}
