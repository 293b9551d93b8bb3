import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { VisualImageDTO } from "../../../modules/visual/service"
import { IndexableProduct } from "../product-images"
import { visualService } from "./visual-service"

export type SyncedVisualImageRows = {
  /** Rows of images the products no longer show (or of unpublished and deleted products): the sidecar drops them. */
  removed: VisualImageDTO[]
  /** The products' pending rows that are due: new and replaced images, and retries whose wait is over. */
  to_index: VisualImageDTO[]
  /** The products' indexed rows: rewritten when the product's metadata (variants, category, colours, brand) changed. */
  to_check: VisualImageDTO[]
}

/**
 * Brings the visual index rows in line with the products' images (syncProductImages) and says
 * what the sidecar must do. No compensation: the rows describe the catalog as it now is, and
 * what the next steps leave undone (an image not yet indexed, a removal the sidecar missed)
 * stays recorded for the reconcile job.
 */
export const syncVisualImageRowsStep = createStep("sync-visual-image-rows", async (products: IndexableProduct[], { container }) => {
  const visual = visualService(container)
  const removed: VisualImageDTO[] = []
  for (const product of products) {
    const synced = await visual.syncProductImages(
      product.product_id,
      product.images.map((image) => ({ image_id: image.image_id, url: image.url }))
    )
    removed.push(...synced.removed)
  }
  const productIds = products.filter((p) => p.images.length).map((p) => p.product_id)
  const to_index = productIds.length ? await visual.dueForIndexing(10_000, productIds) : []
  const to_check = productIds.length ? await visual.listVisualImages({ product_id: productIds, status: "indexed" }, { take: null }) : []
  return new StepResponse<SyncedVisualImageRows>({ removed, to_index, to_check })
})
