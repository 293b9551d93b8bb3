import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { IndexedProductSource, indexableProducts, PRODUCT_INDEX_FIELDS } from "./product-images"
import { putImagesInSidecarStep } from "./steps/put-images-in-sidecar"
import { removeImagesFromSidecarStep } from "./steps/remove-images-from-sidecar"
import { syncVisualImageRowsStep } from "./steps/sync-visual-image-rows"

export type IndexProductImagesInput = { product_ids: string[] }

/**
 * Brings the ML sidecar's index in line with products as they are now: images of published
 * products written with their metadata (new, replaced, due for a retry, or with changed
 * metadata), images removed from a product, and every image of an unpublished or deleted
 * product, deleted. Failures are recorded per image for the reconcile job; the workflow does
 * not fail because the sidecar is down. Run by the product subscribers and the reconcile job.
 */
export const indexProductImagesWorkflow = createWorkflow("index-product-images", (input: IndexProductImagesInput) => {
  const { data } = useQueryGraphStep({ entity: "product", fields: PRODUCT_INDEX_FIELDS, filters: { id: input.product_ids } })
  const products = transform({ input, data }, ({ input, data }) => indexableProducts(input.product_ids, data as unknown as IndexedProductSource[]))
  const rows = syncVisualImageRowsStep(products)
  const removed = transform({ rows }, ({ rows }) => rows.removed.map((r) => ({ id: r.id, image_id: r.image_id })))
  removeImagesFromSidecarStep(removed)
  const toWrite = transform({ products, rows }, ({ products, rows }) => ({
    products,
    to_index: rows.to_index.map((r) => ({ image_id: r.image_id, product_id: r.product_id })),
    to_check: rows.to_check.map((r) => ({ image_id: r.image_id, product_id: r.product_id })),
  }))
  const result = putImagesInSidecarStep(toWrite)
  return new WorkflowResponse(result)
})
