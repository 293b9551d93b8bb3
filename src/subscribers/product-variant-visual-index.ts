import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { indexesInThisProcess, runIndexProductImages } from "../workflows/visual/run-index-product-images"

/**
 * A variant created, changed or deleted changes its product's images' metadata (variant ids,
 * colours): the product is indexed again. A deleted variant's product is found among deleted rows.
 */
export default async function productVariantVisualIndexHandler({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  if (!indexesInThisProcess(container)) return
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product_id"],
    filters: { id: data.id },
    withDeleted: true,
  })
  const productId = variants[0]?.product_id
  if (productId) await runIndexProductImages(container, [productId])
}

export const config: SubscriberConfig = {
  event: ["product-variant.created", "product-variant.updated", "product-variant.deleted"],
  context: { subscriberId: "curator-product-variant-visual-index" },
}
