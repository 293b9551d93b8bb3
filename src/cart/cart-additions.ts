import type { MedusaContainer, RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, ProductStatus, QueryContext } from "@medusajs/framework/utils"
import { parseCalculatedPrice } from "../catalog/product-card"
import { NotAddedReason } from "../modules/lookbook/constants"
import { resolveShopperContext } from "../shopper/context"
import { channelStockLocations, STOCK_FIELDS, StockedVariant, variantInStock } from "../utils/stock-availability"

/**
 * Adding several products to a cart at once (a lookbook's look, a recommended outfit): which of the
 * variants can go in and why the others cannot, by one rule whichever feature asks.
 */

export type CartAddition = { variant_id: string; quantity: number }
export type NotAddedItem = { variant_id: string; product_id: string; reason: NotAddedReason }
export type SortedCartAdditions = { items: CartAddition[]; not_added: NotAddedItem[] }

type VariantFacts = {
  exists: boolean
  product_status?: string | null
  in_sales_channel: boolean
  has_price: boolean
  /** The variant's inventory (null when deleted) and the locations serving the cart's region and channel. */
  stock: StockedVariant | null
  location_ids: string[]
}

/**
 * Why a variant cannot go into the cart (the first reason that applies), or null when it can. Stock
 * is "in stock" as everywhere else (variantInStock), for what the cart holds plus this one.
 */
export function notAddedReason(facts: VariantFacts, quantityInCart: number, quantity = 1): NotAddedReason | null {
  if (!facts.exists) return "variant_deleted"
  if (facts.product_status !== ProductStatus.PUBLISHED) return "product_unpublished"
  if (!facts.in_sales_channel) return "not_in_sales_channel"
  if (!facts.has_price) return "not_sold_in_region"
  if (!facts.stock || !variantInStock(facts.stock, facts.location_ids, quantityInCart + quantity)) return "out_of_stock"
  return null
}

export type OpenCart = {
  id: string
  region_id: string | null
  currency_code: string
  sales_channel_id: string | null
  completed_at: string | Date | null
  items?: ({ variant_id?: string | null; quantity?: unknown } | null)[] | null
}

export type CartVariant = StockedVariant & {
  id: string
  product_id?: string | null
  product?: { status?: string | null; sales_channels?: ({ id: string } | null)[] | null } | null
  calculated_price?: { calculated_amount?: unknown } | null
}

/** The cart to add to: 404 when there is none, 400 (not allowed) once it is completed. */
export async function openCart(query: Omit<RemoteQueryFunction, symbol>, cartId: string): Promise<OpenCart> {
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "region_id", "currency_code", "sales_channel_id", "completed_at", "items.variant_id", "items.quantity"],
    filters: { id: cartId },
  })
  const cart = data[0] as OpenCart | undefined
  if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${cartId} was not found`)
  if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${cartId} is already completed`)
  return cart
}

/**
 * The variants as the cart sees them (priced in its region and currency, with their stock and
 * product), whether each is sold in the cart's sales channel, and `sort`, which splits pieces into
 * those that can go into the cart (one of each, in order) and those that cannot, with the reason.
 */
export async function cartVariants(container: MedusaContainer, cart: OpenCart, variantIds: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const salesChannelIds = cart.sales_channel_id ? [cart.sales_channel_id] : []
  const [{ data }, shopper] = await Promise.all([
    query.graph({
      entity: "product_variant",
      fields: ["id", "product_id", "product.status", "product.sales_channels.id", "calculated_price.calculated_amount", ...STOCK_FIELDS],
      filters: { id: [...new Set(variantIds)] },
      context: { calculated_price: QueryContext({ region_id: cart.region_id, currency_code: cart.currency_code }) },
    }),
    resolveShopperContext(container, { region_id: cart.region_id, sales_channel_ids: salesChannelIds }),
  ])
  const locationIds = shopper ? shopper.stock_location_ids : await channelStockLocations(query, salesChannelIds)
  const byId = new Map((data as unknown as CartVariant[]).map((v) => [v.id, v]))
  const inChannel = (v: CartVariant | undefined) =>
    !cart.sales_channel_id || (v?.product?.sales_channels ?? []).some((sc) => sc?.id === cart.sales_channel_id)
  const inCart = new Map<string, number>()
  for (const item of cart.items ?? []) {
    if (item?.variant_id) inCart.set(item.variant_id, (inCart.get(item.variant_id) ?? 0) + Number(item.quantity ?? 0))
  }

  const sort = (pieces: { variant_id: string; product_id: string }[]): SortedCartAdditions => {
    const result: SortedCartAdditions = { items: [], not_added: [] }
    const seen = new Set<string>()
    for (const { variant_id: variantId, product_id: productId } of pieces) {
      if (seen.has(variantId)) continue
      seen.add(variantId)
      const v = byId.get(variantId)
      const reason = notAddedReason(
        {
          exists: !!v,
          product_status: v?.product?.status,
          in_sales_channel: inChannel(v),
          has_price: !!parseCalculatedPrice(v?.calculated_price),
          stock: v ?? null,
          location_ids: locationIds,
        },
        inCart.get(variantId) ?? 0
      )
      if (reason) result.not_added.push({ variant_id: variantId, product_id: productId, reason })
      else result.items.push({ variant_id: variantId, quantity: 1 })
    }
    return result
  }
  return { byId, inChannel, sort }
}
