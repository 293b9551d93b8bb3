import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { mlSidecar } from "../../../visual/ml-sidecar-client"
import { visualService } from "./visual-service"

export type RemovedImage = { id: string; image_id: string }

/**
 * Deletes removed images from the sidecar's index, then forgets their rows. An image the
 * sidecar did not hold counts as deleted. When the sidecar cannot be reached the rows stay
 * (soft-deleted) and the reconcile job deletes them later. No compensation: a deletion cannot
 * be undone, and the catalog no longer shows these images.
 */
export const removeImagesFromSidecarStep = createStep("remove-images-from-sidecar", async (images: RemovedImage[], { container }) => {
  const sidecar = mlSidecar()
  const deleted: string[] = []
  let error: string | null = null
  for (const image of images) {
    try {
      await sidecar.deleteImage(image.image_id)
      deleted.push(image.id)
    } catch (e) {
      error = (e as Error).message
    }
  }
  await visualService(container).forgetRemovedImages(deleted)
  if (error) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`visual index: ${images.length - deleted.length} removed image(s) still to delete from the sidecar (${error})`)
  }
  return new StepResponse({ deleted: deleted.length, left: images.length - deleted.length })
})
