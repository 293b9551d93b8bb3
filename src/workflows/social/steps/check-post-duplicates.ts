import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PostDuplicateCheck } from "../../../modules/social/service"
import { MlSidecarUnavailableError } from "../../../visual/ml-sidecar-client"
import { findPostDuplicate } from "../post-photo-index"
import type { PostPhotoFile } from "../types"

/**
 * Checks a new post's photos against other authors' indexed post photos (post-photo-index.ts).
 * The image service down: the post is made as usual, unchecked (checked_at null), and the
 * reconcile job checks it later. Reads only.
 */
export const checkPostDuplicatesStep = createStep(
  "check-social-post-duplicates",
  async (input: { customer_id: string; photos: PostPhotoFile[] }, { container }) => {
    try {
      const photos = input.photos.map((p) => new Uint8Array(Buffer.from(p.content, "base64")))
      return new StepResponse<PostDuplicateCheck>(await findPostDuplicate(container, { customer_id: input.customer_id, photos }))
    } catch (error) {
      if (!(error instanceof MlSidecarUnavailableError)) throw error
      container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(`social: near-copy check of a new post deferred: ${error.message}`)
      return new StepResponse<PostDuplicateCheck>({ checked_at: null, duplicate_of_post_id: null, reason: null })
    }
  }
)
