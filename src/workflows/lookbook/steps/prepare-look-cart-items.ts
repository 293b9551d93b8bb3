import { ContainerRegistrationKeys, MedusaError, ProductStatus, QueryContext } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NotAddedReason } from "../../../modules/lookbook/constants"
import { parseCalculatedPrice } from "../../../catalog/product-card"
import { resolveShopperContext } from "../../../shopper/context"
import { channelStockLocations, STOCK_FIELDS, StockedVariant, variantInStock } from "../../../utils/stock-availability"
import { ProductChoices, productChoices } from "../../../catalog/product-choices"
import { ChosenPiece, LookCartItem, NotAddedItem } from "../types"
import { lookbookService } from "./lookbook-service"

export type PreparedLookCartItems = { items: LookCartItem[]; not_added: NotAddedItem[] }

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
  product?: { status?: string | null; sales_channels?: ({ id: string } | null)[] | null } | null
  calculated_price?: { calculated_amount?: unknown } | null
}

/** A hotspot of the look, as the step reads it. */
type PieceHotspot = { id: string; variant_id: string; product_id: string }

/**
 * The variant to add for each piece: the shopper's choice, else the photo's variant where the piece
 * needs no choice (one size) or cannot be sold here anyway (its reason is reported as before).
 * A choice outside the piece's product, a choice for a hotspot not in the look, or no choice for a
 * sized piece the shopper can see is a 400 naming the pieces.
 */
export function resolveLookPieces(
  hotspots: PieceHotspot[],
  chosen: ChosenPiece[],
  choices: Map<string, Pick<ProductChoices, "title" | "size_option" | "variant_ids">>,
  shown: (variantId: string) => boolean
): { variant_id: string; product_id: string }[] {
  const byHotspot = new Map(chosen.map((c) => [c.hotspot_id, c.variant_id]))
  const problems: string[] = []
  const unknown = chosen.filter((c) => !hotspots.some((h) => h.id === c.hotspot_id)).map((c) => c.hotspot_id)
  if (unknown.length) problems.push(`not pieces of this look: ${unknown.join(", ")}`)
  const missing: string[] = []
  const pieces = hotspots.flatMap((h) => {
    const product = choices.get(h.product_id)
    const name = product?.title ?? h.product_id
    const choice = byHotspot.get(h.id)
    if (choice) {
      if (!product?.variant_ids.includes(choice)) {
        problems.push(`${choice} is not a variant of ${name} (${h.id})`)
        return []
      }
      return [{ variant_id: choice, product_id: h.product_id }]
    }
    if (product?.size_option && shown(h.variant_id)) {
      missing.push(`${name} (${h.id})`)
      return []
    }
    return [{ variant_id: h.variant_id, product_id: h.product_id }]
  })
  if (missing.length) problems.push(`choose a size for ${missing.join(", ")}`)
  if (problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `pieces: ${problems.join("; ")}`)
  return pieces
}

/**
 * Sorts the variants chosen for a look's pieces into those that can go into the cart (one of each) and those
 * that cannot, with the reason: deleted variant, unpublished product, product not in the cart's
 * sales channel, no price for the cart's region and currency, or not in stock at the locations
 * serving the cart's region for its sales channel (counting what the cart already holds). Reads only.
 */
export const prepareLookCartItemsStep = createStep(
  "prepare-lookbook-look-cart-items",
  async (input: { look_id: string; cart_id: string; pieces?: ChosenPiece[] }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: carts } = await query.graph({
      entity: "cart",
      fields: ["id", "region_id", "currency_code", "sales_channel_id", "completed_at", "items.variant_id", "items.quantity"],
      filters: { id: input.cart_id },
    })
    const cart = carts[0] as CartRow | undefined
    if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${input.cart_id} was not found`)
    if (cart.completed_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${input.cart_id} is already completed`)

    const hotspots = await lookbookService(container).listLookbookHotspots(
      { look_id: input.look_id },
      { select: ["id", "variant_id", "product_id", "position"], order: { position: "ASC" }, take: null }
    )
    const chosen = input.pieces ?? []
    const candidateIds = [...new Set([...hotspots.map((h) => h.variant_id), ...chosen.map((c) => c.variant_id)])]
    if (!hotspots.length && !chosen.length) return new StepResponse<PreparedLookCartItems>({ items: [], not_added: [] })

    const salesChannelIds = cart.sales_channel_id ? [cart.sales_channel_id] : []
    const shopper = await resolveShopperContext(container, { region_id: cart.region_id, sales_channel_ids: salesChannelIds })
    const locationIds = shopper ? shopper.stock_location_ids : await channelStockLocations(query, salesChannelIds)

    const [{ data: variants }, choices] = await Promise.all([
      query.graph({
        entity: "product_variant",
        fields: ["id", "product.status", "product.sales_channels.id", "calculated_price.calculated_amount", ...STOCK_FIELDS],
        filters: { id: candidateIds },
        context: { calculated_price: QueryContext({ region_id: cart.region_id, currency_code: cart.currency_code }) },
      }),
      productChoices(
        container,
        hotspots.map((h) => h.product_id)
      ),
    ])
    const byId = new Map((variants as unknown as VariantRow[]).map((v) => [v.id, v]))
    const inChannel = (v: VariantRow | undefined) =>
      !cart.sales_channel_id || (v?.product?.sales_channels ?? []).some((sc) => sc?.id === cart.sales_channel_id)
    // Shoppers see a piece (and so can choose its size) when its product is published in their channel.
    const shown = (variantId: string) => {
      const v = byId.get(variantId)
      return !!v && v.product?.status === ProductStatus.PUBLISHED && inChannel(v)
    }
    // One of each variant, in hotspot order.
    const productOf = new Map<string, string>()
    for (const p of resolveLookPieces(hotspots, chosen, choices, shown)) if (!productOf.has(p.variant_id)) productOf.set(p.variant_id, p.product_id)

    const inCart = new Map<string, number>()
    for (const item of cart.items ?? []) {
      if (item?.variant_id) inCart.set(item.variant_id, (inCart.get(item.variant_id) ?? 0) + Number(item.quantity ?? 0))
    }

    const result: PreparedLookCartItems = { items: [], not_added: [] }
    for (const [variantId, productId] of productOf) {
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
    return new StepResponse(result)
  }
)
