import { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { SocialDeleteResponse, StoreSocialPostResponse } from "../../../../../types/http/social"
import { deleteSocialPostWorkflow, updateSocialPostWorkflow } from "../../../../../workflows/social/posts"
import { customerIdOf } from "../../../../identity"
import { retrieveVisiblePost, socialReaderOf } from "../../../../social/queries"
import { StoreUpdateSocialPostType } from "../../validators"

/** A post the shopper may see (authors see their own whatever the status); 404 otherwise. */
export const GET = async (req: MedusaRequest, res: MedusaResponse<StoreSocialPostResponse>) => {
  res.json({ post: await retrieveVisiblePost(req.scope, req.params.id, socialReaderOf(req)) })
}

/** The author edits caption, visibility or tags (tags given replace all tags). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreUpdateSocialPostType>, res: MedusaResponse<StoreSocialPostResponse>) => {
  await updateSocialPostWorkflow(req.scope).run({
    input: {
      customer_id: customerIdOf(req),
      id: req.params.id,
      ...req.validatedBody,
      sales_channel_ids: req.publishable_key_context?.sales_channel_ids,
    },
  })
  res.json({ post: await retrieveVisiblePost(req.scope, req.params.id, socialReaderOf(req)) })
}

/** The author deletes a post, with its photos' files. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<SocialDeleteResponse<"social_post">>) => {
  await deleteSocialPostWorkflow(req.scope).run({ input: { customer_id: customerIdOf(req), id: req.params.id } })
  res.json({ id: req.params.id, object: "social_post", deleted: true })
}
