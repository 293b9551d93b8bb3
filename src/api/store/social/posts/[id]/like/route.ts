import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { likeSocialPostWorkflow, unlikeSocialPostWorkflow } from "../../../../../../workflows/social/engagement"
import { customerIdOf, retrieveVisiblePost } from "../../../helpers"

/** Likes a post; liking again changes nothing (200 with the same counts). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = customerIdOf(req)
  await likeSocialPostWorkflow(req.scope).run({ input: { customer_id: customerId, post_id: req.params.id } })
  res.json({ post: await retrieveVisiblePost(req.scope, req.params.id, customerId) })
}

/** Removes the like; a post not liked answers 200 unchanged (a no-op, not a 404). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const customerId = customerIdOf(req)
  await unlikeSocialPostWorkflow(req.scope).run({ input: { customer_id: customerId, post_id: req.params.id } })
  res.json({ post: await retrieveVisiblePost(req.scope, req.params.id, customerId) })
}
