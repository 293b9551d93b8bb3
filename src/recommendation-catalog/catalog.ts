import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus, QueryContext } from "@medusajs/framework/utils"
import { parseCalculatedPrice } from "../catalog/product-card"
import { SIZE_OPTION } from "../catalog/product-choices"
import type { CatalogItem, CatalogVariant, Colour, Slot } from "../recommendation"
import { ShopperContext } from "../shopper/context"
import { RefreshingCache } from "../utils/refreshing-cache"
import { attachProductEmbeddings } from "./embeddings"
import { StockedVariant, VARIANT_STOCK_FIELDS, variantInStock } from "../utils/stock-availability"

/**
 * The catalog as the recommendation core sees it (src/recommendation/types.ts CatalogItem), read with
 * query.graph for one shopper context: prices calculated for the region, "in stock" by the one rule
 * (variantInStock at the locations serving the region for the key's sales channels), published products
 * of those channels only.
 */

/** Where a category's garments go in an outfit. Categories not listed here are not recommended in outfits or "for you". */
export const SLOT_BY_CATEGORY: Readonly<Record<string, Slot>> = {
  tops: "top",
  shirts: "top",
  blouses: "top",
  knitwear: "top",
  sweaters: "top",
  dresses: "dress",
  jumpsuits: "dress",
  skirts: "bottom",
  trousers: "bottom",
  jeans: "bottom",
  shorts: "bottom",
  chinos: "bottom",
  outerwear: "outerwear",
  coats: "outerwear",
  jackets: "outerwear",
  shoes: "shoes",
  boots: "shoes",
  sneakers: "shoes",
  bags: "bag",
  accessories: "accessory",
}

/** The slot of a category handle or a wardrobe item's free-text category ("Trousers", "top"), or null. */
export function slotOfCategory(category: string | null | undefined): Slot | null {
  if (!category) return null
  const key = category.trim().toLowerCase()
  if (SLOT_BY_CATEGORY[key]) return SLOT_BY_CATEGORY[key]
  if ((["top", "bottom", "dress", "shoes", "outerwear", "bag", "accessory"] as string[]).includes(key)) return key as Slot
  return SLOT_BY_CATEGORY[`${key}s`] ?? null
}

const COLOUR_OPTION = /^colou?rs?$/i

type OptionValue = { value?: string | null; option?: { title?: string | null } | null } | null
type VariantRow = StockedVariant & {
  id: string
  metadata?: Record<string, unknown> | null
  options?: OptionValue[] | null
  calculated_price?: { calculated_amount?: unknown; original_amount?: unknown; currency_code?: unknown } | null
}
type ProductRow = {
  id: string
  title: string
  subtitle?: string | null
  material?: string | null
  status?: string | null
  metadata?: Record<string, unknown> | null
  categories?: ({ handle?: string | null } | null)[] | null
  sales_channels?: ({ id: string } | null)[] | null
  variants?: (VariantRow | null)[] | null
}

const PRODUCT_FIELDS = [
  "id",
  "title",
  "subtitle",
  "material",
  "status",
  "metadata",
  "categories.handle",
  "sales_channels.id",
  "variants.id",
  "variants.metadata",
  "variants.options.value",
  "variants.options.option.title",
  "variants.calculated_price.calculated_amount",
  "variants.calculated_price.original_amount",
  "variants.calculated_price.currency_code",
  ...VARIANT_STOCK_FIELDS,
]

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null)
const words = (v: unknown): string[] =>
  Array.isArray(v)
    ? v
        .map(text)
        .filter((w): w is string => !!w)
        .map((w) => w.toLowerCase())
    : []

/** A catalog item and each variant's own price in the region (the card shows the chosen variant's). */
export type RecommendationCatalog = {
  items: CatalogItem[]
  /** Variant id → its calculated price in the region's currency (priced variants only). */
  variantPrices: Map<string, number>
}

/**
 * Reads one product row into the core's item. Its `price` is the highest price of its variants in the
 * region, so a budget checked against it holds for whichever size is chosen; variants without a price in the
 * region count as out of stock (they cannot be sold here).
 */
export function toCatalogItem(row: ProductRow, shopper: ShopperContext, variantPrices: Map<string, number>): CatalogItem | null {
  const category = (row.categories ?? []).map((c) => c?.handle).find((h): h is string => !!h && !!slotOfCategory(h))
  const slot = category ? slotOfCategory(category) : null
  if (!category || !slot) return null
  const inChannel = !shopper.sales_channel_ids.length || (row.sales_channels ?? []).some((sc) => !!sc && shopper.sales_channel_ids.includes(sc.id))
  const colours = new Map<string, Colour>()
  const variants: CatalogVariant[] = []
  let price: number | null = null
  for (const v of row.variants ?? []) {
    if (!v) continue
    const options = (v.options ?? []).filter((o): o is NonNullable<OptionValue> => !!o)
    const optionValue = (pattern: RegExp) => text(options.find((o) => pattern.test(o.option?.title ?? ""))?.value)
    const colour = optionValue(COLOUR_OPTION)
    if (colour && !colours.has(colour.toLowerCase())) colours.set(colour.toLowerCase(), { name: colour, hex: text(v.metadata?.colour_hex) })
    const calculated = parseCalculatedPrice(v.calculated_price)
    const priced = !!calculated && calculated.currency_code.toLowerCase() === shopper.currency_code.toLowerCase()
    if (priced) {
      variantPrices.set(v.id, calculated!.calculated_amount)
      price = Math.max(price ?? 0, calculated!.calculated_amount)
    }
    variants.push({ id: v.id, size: optionValue(SIZE_OPTION), in_stock: priced && variantInStock(v, shopper.stock_location_ids) })
  }
  const metadata = row.metadata ?? {}
  return {
    product_id: row.id,
    title: row.title,
    category_handle: category,
    slot,
    colours: [...colours.values()],
    material: text(row.material) ?? text(metadata.material),
    pattern: text(metadata.pattern),
    season: text(metadata.season),
    occasions: words(metadata.occasions),
    brand: text(metadata.brand) ?? text(row.subtitle),
    price: price ?? 0,
    currency_code: shopper.currency_code,
    variants,
    sold_in_region: row.status === ProductStatus.PUBLISHED && inChannel && price !== null,
  }
}

/**
 * How long one shopper context's catalog is reused (RECOMMENDATION_CATALOG_TTL_MS, default 30 s; 0 reads it
 * on every request); for 5 minutes after that the old one answers while a fresh one is read in the background,
 * so no shopper waits for the read (seconds on a large catalog). Safe because every answered piece is checked
 * again, fresh, when its product card is built (answers.ts): a variant sold out or repriced since is never answered.
 */
const catalogs = new RefreshingCache<RecommendationCatalog>(Number(process.env.RECOMMENDATION_CATALOG_TTL_MS ?? 30_000), 5 * 60_000)

/** Every published product of the shopper's sales channels, as the core's items for the shopper's region (cached per context). */
export function loadRecommendationCatalog(scope: MedusaContainer, shopper: ShopperContext): Promise<RecommendationCatalog> {
  const key = [shopper.region_id, shopper.currency_code, [...shopper.sales_channel_ids].sort(), [...shopper.stock_location_ids].sort()].join("|")
  return catalogs.get(key, () => readCatalog(scope, shopper))
}

async function readCatalog(scope: MedusaContainer, shopper: ShopperContext): Promise<RecommendationCatalog> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: PRODUCT_FIELDS,
    filters: { status: ProductStatus.PUBLISHED },
    context: { variants: { calculated_price: QueryContext({ region_id: shopper.region_id, currency_code: shopper.currency_code }) } },
  })
  const variantPrices = new Map<string, number>()
  const items: CatalogItem[] = []
  for (const row of data as unknown as ProductRow[]) {
    const item = toCatalogItem(row, shopper, variantPrices)
    if (item) items.push(item)
  }
  await attachProductEmbeddings(scope, items)
  return { items, variantPrices }
}
