import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminSocialPostListResponse } from "../../../../types/http/social"
import { pickFields } from "../../../utils/allowed-fields"
import { loadAdminPosts, socialServiceOf } from "../../../social/queries"
import { AdminGetModerationQueueParamsType } from "../validators"

/** Posts waiting for a decision (pending, or with open reports), oldest first: the moderation page's source. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminGetModerationQueueParamsType>,
  res: MedusaResponse<AdminSocialPostListResponse>
) => {
  const { limit, offset } = req.validatedQuery as AdminGetModerationQueueParamsType
  const { ids, count } = await socialServiceOf(req.scope).listModerationQueue({ limit, offset })
  const posts = await loadAdminPosts(req.scope, ids)
  res.json({ posts: posts.map((p) => pickFields(p, req.queryConfig.fields)), count, offset, limit })
}
