import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreSocialPostResponse } from "../../../../../../types/http/social"
import { likeSocialPostWorkflow, unlikeSocialPostWorkflow } from "../../../../../../workflows/social/engagement"
import { customerIdOf } from "../../../../../identity"
import { retrieveVisiblePost, socialReaderOf } from "../../../../../social/queries"

/** Likes a post; liking again changes nothing (200 with the same counts). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreSocialPostResponse>) => {
  await likeSocialPostWorkflow(req.scope).run({ input: { customer_id: customerIdOf(req), post_id: req.params.id } })
  res.json({ post: await retrieveVisiblePost(req.scope, req.params.id, socialReaderOf(req)) })
}

/** Removes the like; a post not liked answers 200 unchanged (a no-op, not a 404). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreSocialPostResponse>) => {
  await unlikeSocialPostWorkflow(req.scope).run({ input: { customer_id: customerIdOf(req), post_id: req.params.id } })
  res.json({ post: await retrieveVisiblePost(req.scope, req.params.id, socialReaderOf(req)) })
}
