import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { moderateSocialPostWorkflow } from "../../../../../../workflows/social/moderation"
import { authorHistory, retrievePostForAdmin } from "../../../helpers"
import { AdminModerateSocialPostType } from "../../../validators"

/** Approves (publishes), hides or removes a post; records the admin user and the time, resolves open reports. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminModerateSocialPostType>, res: MedusaResponse) => {
  await moderateSocialPostWorkflow(req.scope).run({
    input: { post_id: req.params.id, action: req.validatedBody.action, note: req.validatedBody.note ?? null, moderator_id: req.auth_context.actor_id },
  })
  const post: any = await retrievePostForAdmin(req.scope, req.params.id)
  res.json({ post: { ...post, author_history: await authorHistory(req.scope, post.author.id) } })
}
