import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MlSidecarUnavailableError } from "../../../visual/ml-sidecar-client"
import { unindexPostPhotos } from "../post-photo-index"
import { socialService } from "./social-service"

/**
 * Takes a deleted or removed post's photos out of the image index. The image service down: logged,
 * and the reconcile job takes them out later (the near-copy check ignores gone posts meanwhile).
 * Runs last in its workflows: what it did is not compensated.
 */
export const unindexPostPhotosStep = createStep("unindex-social-post-photos", async (input: { post_id: string }, { container }) => {
  // The post may be soft-deleted already, its photos with it.
  const photos = await socialService(container).listSocialPostImages(
    { post_id: input.post_id },
    { select: ["id", "visual_indexed_at"], withDeleted: true, take: null }
  )
  try {
    return new StepResponse(
      await unindexPostPhotos(
        container,
        photos.filter((p) => p.visual_indexed_at).map((p) => p.id)
      )
    )
  } catch (error) {
    if (!(error instanceof MlSidecarUnavailableError)) throw error
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(`social: post photos left in the image index for now: ${error.message}`)
    return new StepResponse([] as string[])
  }
})
