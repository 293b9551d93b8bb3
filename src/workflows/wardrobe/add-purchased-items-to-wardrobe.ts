import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { COLOUR_IMAGE_FIELDS } from "../../catalog/colour-image"
import { PurchasedOrder, wardrobeItemsFromOrder } from "./purchased-items"
import { createPurchasedWardrobeItemsStep } from "./steps/purchased-items"

export type AddPurchasedItemsToWardrobeInput = { order_id: string }

/**
 * Adds what a customer bought to their wardrobe: one item per purchased variant, linked to
 * the product, the variant and the order, with the catalog's picture of its colour. Idempotent: running it again for the same order adds nothing.
 */
export const addPurchasedItemsToWardrobeWorkflow = createWorkflow("add-purchased-items-to-wardrobe", (input: AddPurchasedItemsToWardrobeInput) => {
  const { data: orders } = useQueryGraphStep({
    entity: "order",
    fields: [
      "id",
      "customer_id",
      "currency_code",
      "created_at",
      "customer.has_account",
      "items.id",
      "items.title",
      "items.product_title",
      "items.product_subtitle",
      "items.variant_title",
      "items.variant_id",
      "items.product_id",
      "items.unit_price",
      "items.variant_option_values",
      "items.variant.options.value",
      "items.variant.options.option.title",
      "items.thumbnail",
      "items.variant.thumbnail",
      "items.variant.images.url",
      "items.variant.images.rank",
      ...COLOUR_IMAGE_FIELDS.map((field) => `items.product.${field}`),
      "items.product.material",
      "items.product.metadata",
      "items.product.categories.handle",
    ],
    filters: { id: input.order_id },
    options: { throwIfKeyNotFound: true },
  })
  const data = transform({ orders }, ({ orders }) => wardrobeItemsFromOrder(orders[0] as unknown as PurchasedOrder))
  const result = createPurchasedWardrobeItemsStep(data)
  return new WorkflowResponse(result)
})
