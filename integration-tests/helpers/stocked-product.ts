import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { SeededStore } from "../../src/scripts/demo-catalog/seed-store"

export type StockedProductInput = {
  title: string
  sku: string
  /** The one size's name; "M" unless given. */
  size?: string
  prices: { currency_code: string; amount: number }[]
  /** Units in the warehouse that serves the Europe region. */
  stock: number
}

export type StockedProduct = { productId: string; variantId: string; inventoryItemId: string }

/** Published one-size products in the store's sales channel, each with its stock in the Europe warehouse. */
export async function createStockedProducts(
  container: MedusaContainer,
  store: SeededStore,
  inputs: StockedProductInput[]
): Promise<StockedProduct[]> {
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: inputs.map(({ title, sku, size = "M", prices }) => ({
        title,
        status: "published" as const,
        shipping_profile_id: store.shippingProfileId,
        sales_channels: [{ id: store.salesChannelId }],
        options: [{ title: "Size", values: [size] }],
        variants: [{ title: size, sku, options: { Size: size }, manage_inventory: true, prices }],
      })),
    },
  })
  const variantIds = result.map((product) => product.variants[0].id)
  const { data: links } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product_variant_inventory_items",
    fields: ["variant_id", "inventory_item_id"],
    filters: { variant_id: variantIds },
  })
  const products = result.map((product, i) => ({
    productId: product.id,
    variantId: variantIds[i],
    inventoryItemId: links.find((link) => link.variant_id === variantIds[i])!.inventory_item_id,
  }))
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: products.map((p, i) => ({
        inventory_item_id: p.inventoryItemId,
        location_id: store.locationIdsByWarehouse.eu,
        stocked_quantity: inputs[i].stock,
      })),
    },
  })
  return products
}
