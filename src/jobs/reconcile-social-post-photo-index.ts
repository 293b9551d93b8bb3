import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reconcilePostPhotoIndex } from "../workflows/social/post-photo-index"

/** Catches social post photos up with the image index after the image service was down (post-photo-index.ts). */
export default async function reconcileSocialPostPhotoIndexJob(container: MedusaContainer) {
  const result = await reconcilePostPhotoIndex(container)
  if (result.checked || result.indexed || result.unindexed || result.error) {
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).info(`social: post photo index reconciled ${JSON.stringify(result)}`)
  }
}

export const config = { name: "reconcile-social-post-photo-index", schedule: "* * * * *" }
