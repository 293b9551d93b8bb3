import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus, QueryContext } from "@medusajs/framework/utils"
import { ShopperContext } from "../shopper/context"
import { channelStockLocations, StockedVariant, VARIANT_STOCK_FIELDS, variantInStock } from "../utils/stock-availability"
import { ProductCard, ProductCardPrice, VariantProductCard } from "../types/http/product-card"

export type { ProductCard, VariantProductCard } from "../types/http/product-card"

export type ProductCardsInput = {
  /** Products to show: each gets its lowest price and is in stock when any variant is. */
  product_ids?: string[]
  /** Chosen variants: each gets its own card with that variant's price and stock. */
  variant_ids?: string[]
  /** Where the shopper is (req.shopper); null: no prices, stock at every location of sales_channel_ids. */
  shopper: ShopperContext | null
  /** The publishable key's sales channels when there is no shopper context (req.publishable_key_context). */
  sales_channel_ids?: string[]
}

export type ProductCards = {
  /** By product id. */
  products: Map<string, ProductCard>
  /** By variant id. */
  variants: Map<string, VariantProductCard>
}

/** A product card's response fields, for `fields` lists of routes that show cards (`tags.product.in_stock`). */
export const PRODUCT_CARD_FIELDS = [
  "id",
  "title",
  "handle",
  "thumbnail",
  "calculated_price.calculated_amount",
  "calculated_price.original_amount",
  "calculated_price.currency_code",
  "in_stock",
] as const

type PriceRow = { calculated_amount?: unknown; original_amount?: unknown; currency_code?: unknown } | null | undefined
type VariantRow = StockedVariant & { id: string; title?: string | null; sku?: string | null; calculated_price?: PriceRow }
type ProductRow = {
  id: string
  title: string
  handle: string
  thumbnail?: string | null
  status?: string | null
  sales_channels?: ({ id: string } | null)[] | null
  variants?: (VariantRow | null)[] | null
}

const CARD_FIELDS = [
  "id",
  "title",
  "handle",
  "thumbnail",
  "status",
  "sales_channels.id",
  "variants.id",
  "variants.title",
  "variants.sku",
  ...VARIANT_STOCK_FIELDS,
]
const PRICE_FIELDS = [
  "variants.calculated_price.calculated_amount",
  "variants.calculated_price.original_amount",
  "variants.calculated_price.currency_code",
]

/** A calculated_price read through query.graph as the card's price; null when the region has no price for it. */
export function parseCalculatedPrice(price: PriceRow): ProductCardPrice | null {
  if (!price || price.calculated_amount === null || price.calculated_amount === undefined) return null
  const calculated = Number(price.calculated_amount)
  const original = price.original_amount === null || price.original_amount === undefined ? calculated : Number(price.original_amount)
  return { calculated_amount: calculated, original_amount: original, currency_code: String(price.currency_code) }
}

/** A product card's price without a chosen variant: the lowest of its variants' prices. */
export const lowestPrice = (prices: (ProductCardPrice | null)[]): ProductCardPrice | null =>
  prices.reduce<ProductCardPrice | null>((low, p) => (p && (!low || p.calculated_amount < low.calculated_amount) ? p : low), null)

/**
 * Product cards for the shopper, built in one place: title, handle and thumbnail; the price that
 * Medusa's pricing module calculates for the shopper's region (query.graph with a calculated_price
 * context, as Medusa's store product routes do); "in stock" by the one definition
 * (variantInStock at the locations serving the shopper). Only what a shopper may see gets a card:
 * deleted, unpublished and other channels' products are absent, as from Medusa's store routes.
 */
export async function productCards(scope: MedusaContainer, input: ProductCardsInput): Promise<ProductCards> {
  const cards: ProductCards = { products: new Map(), variants: new Map() }
  const variantIds = [...new Set((input.variant_ids ?? []).filter(Boolean))]
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const productIds = new Set((input.product_ids ?? []).filter(Boolean))
  if (variantIds.length) {
    const { data } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: variantIds } })
    for (const v of data) if (v.product_id) productIds.add(v.product_id)
  }
  if (!productIds.size) return cards

  const shopper = input.shopper
  const salesChannelIds = shopper?.sales_channel_ids ?? input.sales_channel_ids ?? []
  const locationIds = shopper ? shopper.stock_location_ids : await channelStockLocations(query, salesChannelIds)
  const { data } = await query.graph({
    entity: "product",
    fields: shopper ? [...CARD_FIELDS, ...PRICE_FIELDS] : CARD_FIELDS,
    filters: { id: [...productIds], status: ProductStatus.PUBLISHED },
    context: shopper
      ? { variants: { calculated_price: QueryContext({ region_id: shopper.region_id, currency_code: shopper.currency_code }) } }
      : undefined,
  })
  const wantedVariants = new Set(variantIds)
  for (const product of data as unknown as ProductRow[]) {
    const inChannel = !salesChannelIds.length || (product.sales_channels ?? []).some((sc) => !!sc && salesChannelIds.includes(sc.id))
    if (!inChannel) continue
    const variants = (product.variants ?? []).filter((v): v is VariantRow => !!v)
    const base = { id: product.id, title: product.title, handle: product.handle, thumbnail: product.thumbnail ?? null }
    const facts = variants.map((v) => ({ variant: v, price: parseCalculatedPrice(v.calculated_price), in_stock: variantInStock(v, locationIds) }))
    if (input.product_ids?.includes(product.id)) {
      cards.products.set(product.id, { ...base, calculated_price: lowestPrice(facts.map((f) => f.price)), in_stock: facts.some((f) => f.in_stock) })
    }
    for (const f of facts) {
      if (!wantedVariants.has(f.variant.id)) continue
      cards.variants.set(f.variant.id, {
        id: f.variant.id,
        title: f.variant.title ?? null,
        sku: f.variant.sku ?? null,
        product_id: product.id,
        card: { ...base, calculated_price: f.price, in_stock: f.in_stock },
      })
    }
  }
  return cards
}
