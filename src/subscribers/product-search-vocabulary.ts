import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { refreshCatalogVocabulary } from "../search/catalog-vocabulary"

/**
 * The catalog's words changed (a product, category or tag added, renamed or removed): typo
 * corrections follow at once. Searches keep using the old vocabulary until the new one is built.
 */
export default async function productSearchVocabularyHandler({ container }: SubscriberArgs<unknown>) {
  await refreshCatalogVocabulary(container)
}

export const config: SubscriberConfig = {
  event: [
    "product.created",
    "product.updated",
    "product.deleted",
    "product-category.created",
    "product-category.updated",
    "product-category.deleted",
    "product-tag.updated",
    "product-tag.deleted",
  ],
  context: { subscriberId: "curator-product-search-vocabulary" },
}
