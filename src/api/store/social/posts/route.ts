import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { createSocialPostWorkflow } from "../../../../workflows/social/posts"
import { customerIdOf, photosOf, retrieveVisiblePost } from "../helpers"
import { StoreCreateSocialPostType } from "../validators"

/** Shares an outfit: multipart with 1–6 `photos`, `caption`, `visibility` and `tags` (a JSON string). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateSocialPostType>, res: MedusaResponse) => {
  const { caption, visibility, tags = [] } = req.validatedBody
  const photoCount = ((req as any).files ?? []).length
  const misplaced = tags.find((t) => (t.photo_index ?? 0) >= photoCount)
  if (misplaced) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `tags: photo_index ${misplaced.photo_index} needs at least ${(misplaced.photo_index ?? 0) + 1} photos; ${photoCount} sent`
    )
  }
  const photos = await photosOf(req)
  const customerId = customerIdOf(req)
  const { result } = await createSocialPostWorkflow(req.scope).run({
    input: { customer_id: customerId, caption, visibility, tags, photos, sales_channel_ids: req.publishable_key_context?.sales_channel_ids },
  })
  res.status(201).json({ post: await retrieveVisiblePost(req.scope, result.id, customerId) })
}
