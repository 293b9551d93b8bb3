import { ContainerRegistrationKeys, getVariantAvailability, MedusaError, ProductStatus, QueryContext } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NotAddedReason } from "../../../modules/lookbook/constants"
import { LookCartItem, NotAddedItem } from "../types"
import { lookbookService } from "./lookbook-service"

export type PreparedLookCartItems = { items: LookCartItem[]; not_added: NotAddedItem[] }

type VariantFacts = {
  exists: boolean
  product_status?: string | null
  in_sales_channel: boolean
  has_price: boolean
  manage_inventory: boolean
  allow_backorder: boolean
  /** units available in the cart's sales channel; null when the variant has no inventory item */
  available: number | null
}

/** Why a variant cannot go into the cart (the first reason that applies), or null when it can. */
export function notAddedReason(facts: VariantFacts, quantityInCart: number, quantity = 1): NotAddedReason | null {
  if (!facts.exists) return "variant_deleted"
  if (facts.product_status !== ProductStatus.PUBLISHED) return "product_unpublished"
  if (!facts.in_sales_channel) return "not_in_sales_channel"
  if (!facts.has_price) return "not_sold_in_region"
  if (facts.manage_inventory && !facts.allow_backorder && (facts.available ?? 0) < quantityInCart + quantity) return "out_of_stock"
  return null
}

/**
 * Sorts a look's hotspot variants into those that can go into the cart (one of each) and those
 * that cannot, with the reason: deleted variant, unpublished product, product not in the cart's
 * sales channel, no price for the cart's region and currency, or not enough stock in the
 * cart's sales channel (counting what the cart already holds). Reads only.
 */
export const prepareLookCartItemsStep = createStep(
  "prepare-lookbook-look-cart-items",
  async (input: { look_id: string; cart_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: carts } = await query.graph({
      entity: "cart",
      fields: ["id", "region_id", "currency_code", "sales_channel_id", "completed_at", "items.variant_id", "items.quantity"],
      filters: { id: input.cart_id },
    })
    const cart: any = carts[0]
    if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${input.cart_id} was not found`)
    if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${input.cart_id} is already completed`)

    const hotspots = await lookbookService(container).listLookbookHotspots(
      { look_id: input.look_id } as any,
      { select: ["variant_id", "product_id", "position"], order: { position: "ASC" }, take: null }
    )
    // One of each variant, in hotspot order.
    const productOf = new Map<string, string>()
    for (const h of hotspots) if (!productOf.has(h.variant_id)) productOf.set(h.variant_id, h.product_id)
    const variantIds = [...productOf.keys()]
    if (!variantIds.length) return new StepResponse({ items: [], not_added: [] } as PreparedLookCartItems)

    const { data: variants } = await query.graph({
      entity: "product_variant",
      fields: [
        "id",
        "manage_inventory",
        "allow_backorder",
        "product.status",
        "product.sales_channels.id",
        "calculated_price.calculated_amount",
      ],
      filters: { id: variantIds },
      context: {
        calculated_price: QueryContext({ region_id: cart.region_id, currency_code: cart.currency_code }),
      },
    })
    const byId = new Map(variants.map((v: any) => [v.id, v]))
    const availability = cart.sales_channel_id
      ? await getVariantAvailability(query as any, { variant_ids: variantIds, sales_channel_id: cart.sales_channel_id })
      : {}
    const inCart = new Map<string, number>()
    for (const item of cart.items ?? []) {
      if (item?.variant_id) inCart.set(item.variant_id, (inCart.get(item.variant_id) ?? 0) + Number(item.quantity ?? 0))
    }

    const result: PreparedLookCartItems = { items: [], not_added: [] }
    for (const variantId of variantIds) {
      const v: any = byId.get(variantId)
      const reason = notAddedReason(
        {
          exists: !!v,
          product_status: v?.product?.status,
          in_sales_channel: !cart.sales_channel_id || (v?.product?.sales_channels ?? []).some((sc: any) => sc?.id === cart.sales_channel_id),
          has_price: v?.calculated_price?.calculated_amount !== null && v?.calculated_price?.calculated_amount !== undefined,
          manage_inventory: !!v?.manage_inventory,
          allow_backorder: !!v?.allow_backorder,
          available: (availability as any)[variantId]?.availability ?? null,
        },
        inCart.get(variantId) ?? 0
      )
      if (reason) result.not_added.push({ variant_id: variantId, product_id: productOf.get(variantId)!, reason })
      else result.items.push({ variant_id: variantId, quantity: 1 })
    }
    return new StepResponse(result)
  }
)
