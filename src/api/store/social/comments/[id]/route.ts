import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { SocialDeleteResponse } from "../../../../../types/http/social"
import { deleteSocialCommentWorkflow } from "../../../../../workflows/social/engagement"
import { customerIdOf } from "../../../../identity"

/** Deletes a comment (and its replies): its author or the post's author only. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<SocialDeleteResponse<"social_comment">>) => {
  await deleteSocialCommentWorkflow(req.scope).run({ input: { customer_id: customerIdOf(req), comment_id: req.params.id } })
  res.json({ id: req.params.id, object: "social_comment", deleted: true })
}
