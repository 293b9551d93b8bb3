import { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteSocialPostWorkflow, updateSocialPostWorkflow } from "../../../../../workflows/social/posts"
import { customerIdOf, retrieveVisiblePost, viewerOf } from "../../helpers"
import { StoreUpdateSocialPostType } from "../../validators"

/** A post the shopper may see (authors see their own whatever the status); 404 otherwise. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json({ post: await retrieveVisiblePost(req.scope, req.params.id, viewerOf(req)) })
}

/** The author edits caption, visibility or tags (tags given replace all tags). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreUpdateSocialPostType>, res: MedusaResponse) => {
  const customerId = customerIdOf(req)
  await updateSocialPostWorkflow(req.scope).run({
    input: { customer_id: customerId, id: req.params.id, ...req.validatedBody, sales_channel_ids: req.publishable_key_context?.sales_channel_ids },
  })
  res.json({ post: await retrieveVisiblePost(req.scope, req.params.id, customerId) })
}

/** The author deletes a post, with its photos' files. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await deleteSocialPostWorkflow(req.scope).run({ input: { customer_id: customerIdOf(req), id: req.params.id } })
  res.json({ id: req.params.id, object: "social_post", deleted: true })
}
