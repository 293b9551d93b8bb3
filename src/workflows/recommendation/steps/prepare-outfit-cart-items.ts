import { ContainerRegistrationKeys, MedusaError, QueryContext } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { parseCalculatedPrice } from "../../../catalog/product-card"
import { resolveShopperContext } from "../../../shopper/context"
import { channelStockLocations, STOCK_FIELDS, StockedVariant } from "../../../utils/stock-availability"
import { notAddedReason } from "../../lookbook/steps/prepare-look-cart-items"
import { LookCartItem, NotAddedItem } from "../../lookbook/types"

export type PreparedOutfitCartItems = { items: LookCartItem[]; not_added: NotAddedItem[] }

type CartRow = {
  id: string
  region_id: string | null
  currency_code: string
  sales_channel_id: string | null
  completed_at: string | Date | null
  items?: ({ variant_id?: string | null; quantity?: unknown } | null)[] | null
}
type VariantRow = StockedVariant & {
  id: string
  product_id?: string | null
  product?: { status?: string | null; sales_channels?: ({ id: string } | null)[] | null } | null
  calculated_price?: { calculated_amount?: unknown } | null
}

/**
 * Sorts an outfit's variants into those that can go into the cart (one of each) and those that cannot,
 * with the reason, by the same rule as the lookbook's add-the-look (notAddedReason: deleted, unpublished,
 * not in the cart's sales channel, no price in its region, out of stock at the locations serving it,
 * counting what the cart already holds). An id that is no variant at all is a 400. Reads only.
 */
export const prepareOutfitCartItemsStep = createStep(
  "prepare-recommended-outfit-cart-items",
  async (input: { cart_id: string; variant_ids: string[] }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: carts } = await query.graph({
      entity: "cart",
      fields: ["id", "region_id", "currency_code", "sales_channel_id", "completed_at", "items.variant_id", "items.quantity"],
      filters: { id: input.cart_id },
    })
    const cart = carts[0] as CartRow | undefined
    if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${input.cart_id} was not found`)
    if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${input.cart_id} is already completed`)

    const variantIds = [...new Set(input.variant_ids)]
    const { data } = await query.graph({
      entity: "product_variant",
      fields: ["id", "product_id", "product.status", "product.sales_channels.id", "calculated_price.calculated_amount", ...STOCK_FIELDS],
      filters: { id: variantIds },
      context: { calculated_price: QueryContext({ region_id: cart.region_id, currency_code: cart.currency_code }) },
    })
    const byId = new Map((data as unknown as VariantRow[]).map((v) => [v.id, v]))
    const unknown = variantIds.filter((id) => !byId.has(id))
    if (unknown.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `variant_ids: no such variants: ${unknown.join(", ")}`)

    const salesChannelIds = cart.sales_channel_id ? [cart.sales_channel_id] : []
    const shopper = await resolveShopperContext(container, { region_id: cart.region_id, sales_channel_ids: salesChannelIds })
    const locationIds = shopper ? shopper.stock_location_ids : await channelStockLocations(query, salesChannelIds)
    const inCart = new Map<string, number>()
    for (const item of cart.items ?? []) {
      if (item?.variant_id) inCart.set(item.variant_id, (inCart.get(item.variant_id) ?? 0) + Number(item.quantity ?? 0))
    }

    const result: PreparedOutfitCartItems = { items: [], not_added: [] }
    for (const variantId of variantIds) {
      const v = byId.get(variantId)!
      const reason = notAddedReason(
        {
          exists: true,
          product_status: v.product?.status,
          in_sales_channel: !cart.sales_channel_id || (v.product?.sales_channels ?? []).some((sc) => sc?.id === cart.sales_channel_id),
          has_price: !!parseCalculatedPrice(v.calculated_price),
          stock: v,
          location_ids: locationIds,
        },
        inCart.get(variantId) ?? 0
      )
      if (reason) result.not_added.push({ variant_id: variantId, product_id: v.product_id ?? "", reason })
      else result.items.push({ variant_id: variantId, quantity: 1 })
    }
    return new StepResponse(result)
  }
)
