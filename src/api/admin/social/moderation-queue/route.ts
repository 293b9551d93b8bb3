import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadPosts, socialServiceOf } from "../../../store/social/helpers"
import { AdminGetModerationQueueParamsType } from "../validators"

/** Posts waiting for a decision (pending, or with open reports), oldest first: the moderation page's source. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetModerationQueueParamsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminGetModerationQueueParamsType
  const { ids, count } = await socialServiceOf(req.scope).listModerationQueue({ limit, offset })
  const posts = await loadPosts(req.scope, ids, { moderation: true })
  res.json({ posts, count, offset, limit })
}
