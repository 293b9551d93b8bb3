import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { StoreSocialPostResponse } from "../../../../types/http/social"
import { createSocialPostWorkflow } from "../../../../workflows/social/posts"
import { customerIdOf } from "../../../identity"
import { preparedPhotos, uploadedFiles } from "../../../utils/uploaded-photos"
import { retrieveVisiblePost, socialReaderOf } from "../../../social/queries"
import { StoreCreateSocialPostType } from "../validators"

/** Shares an outfit: multipart with 1–6 `photos`, `caption`, `visibility` and `tags` (a JSON string). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateSocialPostType>, res: MedusaResponse<StoreSocialPostResponse>) => {
  const { caption, visibility, tags = [] } = req.validatedBody
  const photoCount = uploadedFiles(req).length
  const misplaced = tags.find((t) => (t.photo_index ?? 0) >= photoCount)
  if (misplaced) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `tags: photo_index ${misplaced.photo_index} needs at least ${(misplaced.photo_index ?? 0) + 1} photos; ${photoCount} sent`
    )
  }
  const photos = await preparedPhotos(req, "social")
  const { result } = await createSocialPostWorkflow(req.scope).run({
    input: { customer_id: customerIdOf(req), caption, visibility, tags, photos, sales_channel_ids: req.publishable_key_context?.sales_channel_ids },
  })
  res.status(201).json({ post: await retrieveVisiblePost(req.scope, result.id, socialReaderOf(req)) })
}
