import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus, QueryContext } from "@medusajs/framework/utils"
import { ShopperContext } from "../shopper/context"
import { PRODUCT_CARD_CACHE } from "./catalog-cache"
import { channelStockLocations, STOCK_FIELDS, StockedVariant, VARIANT_STOCK_FIELDS, variantInStock } from "../utils/stock-availability"
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
/** A chosen variant's card: the variant with its stock and its product's card fields. */
const VARIANT_CARD_FIELDS = [
  "id",
  "title",
  "sku",
  "product.id",
  "product.title",
  "product.handle",
  "product.thumbnail",
  "product.status",
  "product.sales_channels.id",
  ...STOCK_FIELDS,
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
 * Both reads go through the catalog cache (catalog-cache.ts): the same for every shopper of a region.
 */
export async function productCards(scope: MedusaContainer, input: ProductCardsInput): Promise<ProductCards> {
  const cards: ProductCards = { products: new Map(), variants: new Map() }
  const variantIds = [...new Set((input.variant_ids ?? []).filter(Boolean))]
  const productIds = [...new Set((input.product_ids ?? []).filter(Boolean))]
  if (!variantIds.length && !productIds.length) return cards

  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const shopper = input.shopper
  const salesChannelIds = shopper?.sales_channel_ids ?? input.sales_channel_ids ?? []
  const locationIds = shopper ? shopper.stock_location_ids : await channelStockLocations(query, salesChannelIds)
  const priceContext = shopper ? QueryContext({ region_id: shopper.region_id, currency_code: shopper.currency_code }) : null
  const visible = (product: Pick<ProductRow, "status" | "sales_channels"> | null | undefined): boolean =>
    !!product &&
    product.status === ProductStatus.PUBLISHED &&
    (!salesChannelIds.length || (product.sales_channels ?? []).some((sc) => !!sc && salesChannelIds.includes(sc.id)))
  const baseOf = (product: ProductRow) => ({ id: product.id, title: product.title, handle: product.handle, thumbnail: product.thumbnail ?? null })

  // Chosen variants are read alone, not with all their siblings' prices and stock: a look or an outfit names a few.
  const readVariants = async () => {
    if (!variantIds.length) return
    const { data } = await query.graph(
      {
        entity: "product_variant",
        fields: [...VARIANT_CARD_FIELDS, ...(shopper ? PRICE_FIELDS.map((f) => f.replace(/^variants\./, "")) : [])],
        filters: { id: variantIds },
        context: priceContext ? { calculated_price: priceContext } : undefined,
      },
      PRODUCT_CARD_CACHE
    )
    for (const variant of data as unknown as (VariantRow & { product?: ProductRow | null })[]) {
      const product = variant.product
      if (!product || !visible(product)) continue
      cards.variants.set(variant.id, {
        id: variant.id,
        title: variant.title ?? null,
        sku: variant.sku ?? null,
        product_id: product.id,
        card: {
          ...baseOf(product),
          calculated_price: parseCalculatedPrice(variant.calculated_price),
          in_stock: variantInStock(variant, locationIds),
        },
      })
    }
  }

  const readProducts = async () => {
    if (!productIds.length) return
    const { data } = await query.graph(
      {
        entity: "product",
        fields: shopper ? [...CARD_FIELDS, ...PRICE_FIELDS] : CARD_FIELDS,
        filters: { id: productIds, status: ProductStatus.PUBLISHED },
        context: priceContext ? { variants: { calculated_price: priceContext } } : undefined,
      },
      PRODUCT_CARD_CACHE
    )
    for (const product of data as unknown as ProductRow[]) {
      if (!visible(product)) continue
      const variants = (product.variants ?? []).filter((v): v is VariantRow => !!v)
      cards.products.set(product.id, {
        ...baseOf(product),
        calculated_price: lowestPrice(variants.map((v) => parseCalculatedPrice(v.calculated_price))),
        in_stock: variants.some((v) => variantInStock(v, locationIds)),
      })
    }
  }

  await Promise.all([readVariants(), readProducts()])
  return cards
}
