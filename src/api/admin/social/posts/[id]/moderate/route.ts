import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminSocialPostResponse } from "../../../../../../types/http/social"
import { moderateSocialPostWorkflow } from "../../../../../../workflows/social/moderation"
import { userIdOf } from "../../../../../identity"
import { pickFields } from "../../../../../utils/allowed-fields"
import { retrieveAdminPost } from "../../../../../social/queries"
import { AdminModerateSocialPostType } from "../../../validators"

/** Approves (publishes), hides or removes a post; records the admin user and the time, resolves open reports. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminModerateSocialPostType>, res: MedusaResponse<AdminSocialPostResponse>) => {
  await moderateSocialPostWorkflow(req.scope).run({
    input: { post_id: req.params.id, action: req.validatedBody.action, note: req.validatedBody.note ?? null, moderator_id: userIdOf(req) },
  })
  res.json({ post: pickFields(await retrieveAdminPost(req.scope, req.params.id), req.queryConfig.fields) })
}
