import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { indexesInThisProcess, runIndexProductImages } from "../workflows/visual/run-index-product-images"

/**
 * A product created, changed (images added, removed or replaced; unpublished; variants,
 * category or brand changed) or deleted: its images in the ML sidecar's index follow. Runs after
 * the product write has answered, and never fails it: sidecar failures are recorded per image
 * and retried with backoff.
 */
export default async function productVisualIndexHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  if (!indexesInThisProcess(container)) return
  await runIndexProductImages(container, [data.id])
}

export const config: SubscriberConfig = {
  event: ["product.created", "product.updated", "product.deleted"],
  context: { subscriberId: "curator-product-visual-index" },
}
