import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { linkVariantImagesStep, VariantImageLink } from "./steps/link-variant-images"

export type AssignColourImagesInput = {
  /** Each image to the variants of the colour it shows (Medusa variant images). */
  links: VariantImageLink[]
  /** Each variant's thumbnail: its colour's front photo, which Medusa copies onto cart lines and orders. */
  thumbnails: { id: string; thumbnail: string }[]
}

/**
 * Records which colour each product photo shows, so that the gallery, listing cards, cart lines and
 * orders show the colour the shopper chose (src/catalog/colour-image.ts reads it back).
 */
export const assignColourImagesWorkflow = createWorkflow("assign-colour-images", (input: AssignColourImagesInput) => {
  linkVariantImagesStep({ links: input.links })
  const productVariants = transform({ input }, ({ input }) => input.thumbnails)
  when({ input }, ({ input }) => input.thumbnails.length > 0).then(() => {
    updateProductVariantsWorkflow.runAsStep({ input: { product_variants: productVariants } })
  })
  return new WorkflowResponse({ linked: input.links.length, thumbnails: input.thumbnails.length })
})
