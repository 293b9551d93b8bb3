import { MedusaContainer, SearchTypes } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, ProductStatus, QueryContext } from "@medusajs/framework/utils"
import { PRODUCT_CARD_CACHE } from "../catalog/catalog-cache"
import { colourThumbnails } from "../catalog/colour-image"
import { lowestPrice, parseCalculatedPrice } from "../catalog/product-card"
import { ShopperContext } from "../shopper/context"
import { ProductSearchFacets, ProductSearchHit, StoreProductSearchResponse } from "../types/http/search"
import { channelStockLocations, SELLABLE_EVERYWHERE, sizeStockKey } from "../utils/stock-availability"
import { catalogVocabulary } from "./catalog-vocabulary"
import { PRODUCT_SEARCH_CURRENCIES } from "./product"
import { correctQuery } from "./query-correction"

/**
 * The storefront's product search over the product index (src/search/product.ts): free text with
 * typo tolerance, facet filters, price range and sorting, facet counts, prices calculated for the
 * shopper's region and "in stock" for the locations serving it. The route only validates and answers.
 */

/** Query parameter → index field, for the value filters and facets the storefront shows. */
const FACET_FIELDS = {
  category: "category_handles",
  colour: "colours",
  size: "sizes",
  brand: "brand",
  material: "material",
  pattern: "pattern",
  season: "season",
  occasion: "occasions",
  collection: "collection",
} as const
type FacetParam = keyof typeof FACET_FIELDS

/** Price bands in the shopper's currency (major units); the last is open-ended. */
export const PRICE_BANDS = [
  { key: "under-50", to: 50 },
  { key: "50-100", from: 50, to: 100 },
  { key: "100-200", from: 100, to: 200 },
  { key: "200-300", from: 200, to: 300 },
  { key: "300-plus", from: 300 },
]

export const PRODUCT_SEARCH_SORTS = ["relevance", "price_asc", "price_desc", "newest", "title"] as const

export type ProductSearchParams = Partial<Record<FacetParam, string[]>> & {
  q?: string
  min_price?: number
  max_price?: number
  in_stock?: boolean
  sort: (typeof PRODUCT_SEARCH_SORTS)[number]
  limit: number
  offset: number
}

/** What a hit takes from the search index. */
const INDEX_FIELDS = [
  "id",
  "title",
  "handle",
  "thumbnail",
  "brand",
  "categories",
  "colours",
  "sizes",
  "material",
  "collection",
  "in_stock_location_ids",
]

/** What a hit takes from the catalog: its variants with their prices for the shopper. */
const VARIANT_FIELDS = [
  "id",
  "variants.id",
  "variants.title",
  "variants.calculated_price.calculated_amount",
  "variants.calculated_price.original_amount",
  "variants.calculated_price.currency_code",
]

type IndexedVariant = { id: string; title?: string | null; calculated_price?: Parameters<typeof parseCalculatedPrice>[0] }
type IndexedProduct = Omit<ProductSearchHit, "calculated_price" | "in_stock" | "variants"> & {
  in_stock_location_ids?: string[] | null
}

/** The store's default currency, for a shopper who names no region. */
async function defaultCurrency(scope: MedusaContainer): Promise<string> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "store", fields: ["supported_currencies.currency_code", "supported_currencies.is_default"] })
  return data[0]?.supported_currencies?.find((c) => c?.is_default)?.currency_code ?? "eur"
}

/**
 * Searches the product index for a shopper: `shopper` (req.shopper) sets the currency, prices and the
 * locations whose stock counts; without one, the store's default currency and every location of the
 * key's sales channels.
 */
export async function searchProducts(
  scope: MedusaContainer,
  params: ProductSearchParams,
  where: { shopper: ShopperContext | null; sales_channel_ids: string[] }
): Promise<StoreProductSearchResponse> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { shopper } = where
  const currency = shopper?.currency_code ?? (await defaultCurrency(scope))
  if (!(PRODUCT_SEARCH_CURRENCIES as readonly string[]).includes(currency)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Product search has no prices in currency ${currency}`)
  }
  const priceField = `price_${currency}`

  const conditions: SearchTypes.SearchFilters[] = [{ status: ProductStatus.PUBLISHED }]
  const salesChannelIds = shopper?.sales_channel_ids ?? where.sales_channel_ids
  if (salesChannelIds.length) conditions.push({ sales_channel_ids: { $overlaps: salesChannelIds } })

  // "In stock" as everywhere (variantInStock): the index keys a product by each location that can
  // sell it, or "any"; the shopper can buy it when one of those keys is theirs.
  const locationIds = shopper ? shopper.stock_location_ids : await channelStockLocations(query, salesChannelIds)
  const inStockKeys = [...locationIds, SELLABLE_EVERYWHERE]
  const stockFacetField = "in_stock_location_ids"
  // With sizes chosen, "in stock" means one of those sizes can ship, not just any size.
  const inStockCondition: SearchTypes.SearchFilters = params.size?.length
    ? { in_stock_sizes: { $overlaps: inStockKeys.flatMap((key) => params.size!.map((size) => sizeStockKey(key, size))) } }
    : { [stockFacetField]: { $overlaps: inStockKeys } }

  for (const [param, field] of Object.entries(FACET_FIELDS)) {
    const values = params[param as FacetParam]
    if (values?.length) conditions.push({ [field]: { $in: values } })
  }
  if (params.in_stock === true) conditions.push(inStockCondition)
  if (params.min_price !== undefined || params.max_price !== undefined) {
    conditions.push({
      [priceField]: {
        ...(params.min_price !== undefined ? { $gte: params.min_price } : {}),
        ...(params.max_price !== undefined ? { $lte: params.max_price } : {}),
      },
    })
  }

  const order: Record<string, "ASC" | "DESC"> | undefined = {
    relevance: params.q ? undefined : { created_at: "DESC" as const },
    price_asc: { [priceField]: "ASC" as const },
    price_desc: { [priceField]: "DESC" as const },
    newest: { created_at: "DESC" as const },
    title: { title: "ASC" as const },
  }[params.sort]

  const runSearch = (q: string | undefined, typoTolerance: boolean) =>
    query.search({
      entity: "product",
      fields: INDEX_FIELDS,
      filters: { ...(q ? { q } : {}), $and: conditions },
      pagination: { skip: params.offset, take: params.limit, ...(order ? { order } : {}) },
      search_options: {
        typo_tolerance: typoTolerance,
        disjunctive_facets: true,
        count: "exact",
        facets: [
          ...Object.values(FACET_FIELDS).map((field) => ({ field, limit: 50 })),
          { field: priceField, type: "range" as const, ranges: PRICE_BANDS },
          { field: stockFacetField, limit: 100 },
        ],
      },
    })

  // Exact words first; when nothing matches, correct misspellings against the catalog's
  // own words, and only then fall back to the engine's fuzzy matching.
  let correctedQuery: string | undefined
  let searchedQuery = params.q
  let usedTypoTolerance = false
  let { data, search_result } = await runSearch(params.q, false)
  if (params.q && search_result.metadata.count === 0) {
    const correction = correctQuery(params.q, await catalogVocabulary(scope))
    if (correction.changed) {
      correctedQuery = correction.query
      searchedQuery = correctedQuery
      ;({ data, search_result } = await runSearch(correctedQuery, false))
    }
    if (search_result.metadata.count === 0) {
      usedTypoTolerance = true
      ;({ data, search_result } = await runSearch(searchedQuery, true))
    }
  }

  /**
   * Products matching every other filter that the shopper can buy now. A product sits under one
   * key per location it is stocked in, or under "any" alone, so with one warehouse the facet's
   * counts add up exactly; several warehouses can share a product, and sizes narrow the meaning
   * of "in stock", so those cases are counted by a search of their own.
   */
  const countInStock = async (): Promise<number> => {
    // Already filtered to in-stock products: the search's own count is the answer.
    if (params.in_stock === true) return search_result.metadata.count ?? 0
    const stockFacet = search_result.facets?.[stockFacetField]
    if (locationIds.length <= 1 && !params.size?.length) {
      const values = stockFacet?.type === "value" ? stockFacet.values : []
      return values.filter((v) => inStockKeys.includes(String(v.value))).reduce((sum, v) => sum + v.count, 0)
    }
    const { search_result: counted } = await query.search({
      entity: "product",
      fields: ["id"],
      filters: { ...(searchedQuery ? { q: searchedQuery } : {}), $and: [...conditions, inStockCondition] },
      pagination: { skip: 0, take: 1 },
      search_options: { typo_tolerance: usedTypoTolerance, count: "exact" },
    })
    return counted.metadata.count ?? 0
  }

  const valueFacet = (field: string) => {
    const facet = search_result.facets?.[field]
    // Every faceted field is text; the index's generic value type is narrowed here, once.
    return facet?.type === "value" ? facet.values.map((v) => ({ value: String(v.value), count: v.count })) : []
  }
  const priceFacet = search_result.facets?.[priceField]
  const facets = {
    ...(Object.fromEntries(Object.entries(FACET_FIELDS).map(([param, field]) => [param, valueFacet(field)])) as Record<
      FacetParam,
      ProductSearchFacets[FacetParam]
    >),
    price:
      priceFacet?.type === "range"
        ? priceFacet.ranges.map(({ key, from, to, count }) => ({
            key,
            ...(from === undefined ? {} : { from: Number(from) }),
            ...(to === undefined ? {} : { to: Number(to) }),
            count,
          }))
        : [],
    in_stock: await countInStock(),
  }

  const hits = data as unknown as IndexedProduct[]
  // Prices come from the catalog cache, keyed by the hits' ids, so a repeated page of results costs
  // no pricing; the index's own fields stay out of that entry, since the index catches up with an
  // edit after the event that clears the cache.
  const { data: priced } = hits.length
    ? await query.graph(
        {
          entity: "product",
          fields: VARIANT_FIELDS,
          filters: { id: hits.map((h) => h.id) },
          context: {
            variants: {
              calculated_price: QueryContext(shopper ? { region_id: shopper.region_id, currency_code: currency } : { currency_code: currency }),
            },
          },
        },
        PRODUCT_CARD_CACHE
      )
    : { data: [] }
  const variantsByProduct = new Map((priced as { id: string; variants?: (IndexedVariant | null)[] | null }[]).map((p) => [p.id, p.variants]))
  // Filtered by colour, a card shows the product in that colour rather than its first one.
  const colourPictures = params.colour?.length
    ? await colourThumbnails(
        query,
        hits.map((h) => h.id),
        params.colour
      )
    : undefined

  return {
    // Each hit is a product card: the lowest price, and whether the shopper's locations can ship it
    // now; the raw location ids stay internal.
    products: hits.map(({ in_stock_location_ids, ...product }) => {
      const shown = (variantsByProduct.get(product.id) ?? [])
        .filter((v): v is IndexedVariant => !!v)
        .map((v) => ({ id: v.id, title: v.title ?? null, calculated_price: parseCalculatedPrice(v.calculated_price) }))
      return {
        ...product,
        thumbnail: colourPictures?.get(product.id) ?? product.thumbnail ?? null,
        calculated_price: lowestPrice(shown.map((v) => v.calculated_price)),
        in_stock: (in_stock_location_ids ?? []).some((key) => inStockKeys.includes(key)),
        variants: shown,
      }
    }),
    count: search_result.metadata.count ?? 0,
    offset: params.offset,
    limit: params.limit,
    currency_code: currency,
    ...(correctedQuery ? { corrected_query: correctedQuery } : {}),
    facets,
  }
}
