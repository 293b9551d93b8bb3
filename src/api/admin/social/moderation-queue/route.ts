import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { socialServiceOf } from "../../../store/social/helpers"
import { loadModeratedPosts } from "../helpers"
import { AdminGetModerationQueueParamsType } from "../validators"

/** Posts waiting for a decision (pending, or with open reports), oldest first: the moderation page's source. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetModerationQueueParamsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminGetModerationQueueParamsType
  const { ids, count } = await socialServiceOf(req.scope).listModerationQueue({ limit, offset })
  const posts = await loadModeratedPosts(req.scope, ids)
  res.json({ posts, count, offset, limit })
}
