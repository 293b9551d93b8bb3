import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MlSidecarUnavailableError, mlSidecar } from "../../../visual/ml-sidecar-client"
import { indexPostPhotos } from "../post-photo-index"
import type { PostPhotoFile } from "../types"
import { socialService } from "./social-service"

/**
 * Puts a new post's photos into the image index, so later posts are checked against them. Only a
 * checked post's photos (the reconcile job checks the others first, then indexes them). The
 * image service down: logged, and the reconcile job indexes them later. Compensation takes them
 * out of the index again.
 */
export const indexPostPhotosStep = createStep(
  "index-social-post-photos",
  async (input: { post_id: string; customer_id: string; checked: boolean; photos: PostPhotoFile[] }, { container }) => {
    if (!input.checked) return new StepResponse([] as string[], [] as string[])
    const rows = await socialService(container).listSocialPostImages(
      { post_id: input.post_id },
      { select: ["id", "file_id", "position"], order: { position: "ASC" } }
    )
    const photos = rows
      .filter((row) => row.file_id && input.photos[row.position])
      .map((row) => ({
        id: row.id,
        post_id: input.post_id,
        file_id: row.file_id,
        customer_id: input.customer_id,
        position: row.position,
        bytes: new Uint8Array(Buffer.from(input.photos[row.position]!.content, "base64")),
      }))
    try {
      const indexed = await indexPostPhotos(container, photos)
      return new StepResponse(indexed, indexed)
    } catch (error) {
      if (!(error instanceof MlSidecarUnavailableError)) throw error
      container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(`social: photos of post ${input.post_id} not indexed yet: ${error.message}`)
      return new StepResponse([] as string[], [] as string[])
    }
  },
  async (indexed) => {
    for (const id of indexed ?? [])
      await mlSidecar()
        .deleteImage(id)
        .catch(() => undefined)
  }
)
