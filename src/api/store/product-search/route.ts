import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, ProductStatus, QueryContext } from "@medusajs/framework/utils"
import { SearchTypes } from "@medusajs/framework/types"
import { PRODUCT_SEARCH_CURRENCIES } from "../../../search/product"
import { StoreProductSearchParamsType } from "./validators"
import { buildVocabulary, correctQuery, Vocabulary } from "./query-correction"
import { SELLABLE_EVERYWHERE, shopperStockLocations, sizeStockKey } from "../../../utils/stock-availability"

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

/** Price bands in the shopper's currency (major units); the last is open-ended. */
export const PRICE_BANDS = [
  { key: "under-50", to: 50 },
  { key: "50-100", from: 50, to: 100 },
  { key: "100-200", from: 100, to: 200 },
  { key: "200-300", from: 200, to: 300 },
  { key: "300-plus", from: 300 },
]

const RETURNED_FIELDS = [
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
  "variants.id",
  "variants.title",
  "variants.calculated_price.calculated_amount",
  "variants.calculated_price.original_amount",
  "variants.calculated_price.currency_code",
]

const VOCABULARY_TTL_MS = 5 * 60 * 1000
let vocabularyCache: { builtAt: number; vocabulary: Promise<Vocabulary> } | undefined

/** The words the catalog uses (titles, brands, categories, tags, options), cached for a few minutes. */
function catalogVocabulary(req: MedusaStoreRequest): Promise<Vocabulary> {
  if (vocabularyCache && Date.now() - vocabularyCache.builtAt < VOCABULARY_TTL_MS) return vocabularyCache.vocabulary
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const vocabulary = query
    .graph({
      entity: "product",
      fields: ["title", "subtitle", "material", "categories.name", "tags.value", "collection.title", "options.values.value"],
      filters: { status: ProductStatus.PUBLISHED },
    })
    .then(({ data }) =>
      buildVocabulary(
        data.flatMap((p: any) => [
          p.title,
          p.subtitle ?? "",
          p.material ?? "",
          p.collection?.title ?? "",
          ...(p.categories ?? []).map((c: any) => c.name),
          ...(p.tags ?? []).map((t: any) => t.value),
          ...(p.options ?? []).flatMap((o: any) => (o.values ?? []).map((v: any) => v.value)),
        ])
      )
    )
  vocabulary.catch(() => (vocabularyCache = undefined))
  vocabularyCache = { builtAt: Date.now(), vocabulary }
  return vocabulary
}

type ShopperRegion = { currency_code: string; metadata: Record<string, unknown> | null }

/** The shopper's region, or the store's default currency with no region when none is given. */
async function resolveRegion(req: MedusaStoreRequest, regionId?: string): Promise<ShopperRegion> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  if (regionId) {
    const { data } = await query.graph({ entity: "region", fields: ["currency_code", "metadata"], filters: { id: regionId } })
    if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Region with id: ${regionId} was not found`)
    return { currency_code: data[0].currency_code, metadata: data[0].metadata ?? null }
  }
  const { data } = await query.graph({ entity: "store", fields: ["supported_currencies.currency_code", "supported_currencies.is_default"] })
  return { currency_code: data[0]?.supported_currencies?.find((c: any) => c.is_default)?.currency_code ?? "eur", metadata: null }
}

/**
 * GET /store/product-search — the storefront's product search: free text with typo
 * tolerance, facet filters, price range and sorting, answered in Medusa's list shape
 * with facet counts and prices calculated for the shopper's region.
 */
export const GET = async (req: MedusaStoreRequest<unknown, StoreProductSearchParamsType>, res: MedusaResponse) => {
  const params = req.validatedQuery as StoreProductSearchParamsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const region = await resolveRegion(req, params.region_id)
  const currency = region.currency_code
  if (!(PRODUCT_SEARCH_CURRENCIES as readonly string[]).includes(currency)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Product search has no prices in currency ${currency}`)
  }
  const priceField = `price_${currency}`

  const conditions: SearchTypes.SearchFilters[] = [{ status: ProductStatus.PUBLISHED }]
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids ?? []
  if (salesChannelIds.length) conditions.push({ sales_channel_ids: { $overlaps: salesChannelIds } })

  // Stock counts where the shopper's orders ship from: the region's warehouse, or all the
  // channels' locations. A product is in stock there when one of them can sell it, or anywhere.
  const { location_ids } = await shopperStockLocations(query, region, salesChannelIds)
  const inStockKeys = [...location_ids, SELLABLE_EVERYWHERE]
  const stockFacetField = "in_stock_location_ids"
  // With sizes chosen, "in stock" means one of those sizes can ship, not just any size.
  const inStockCondition: SearchTypes.SearchFilters = params.size?.length
    ? { in_stock_sizes: { $overlaps: inStockKeys.flatMap((key) => params.size!.map((size) => sizeStockKey(key, size))) } }
    : { [stockFacetField]: { $overlaps: inStockKeys } }

  for (const [param, field] of Object.entries(FACET_FIELDS)) {
    const values = params[param as keyof typeof FACET_FIELDS]
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
      fields: RETURNED_FIELDS,
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
      context: {
        variants: {
          calculated_price: QueryContext(
            params.region_id ? { region_id: params.region_id, currency_code: currency } : { currency_code: currency }
          ),
        },
      },
    })

  // Exact words first; when nothing matches, correct misspellings against the catalog's
  // own words, and only then fall back to the engine's fuzzy matching.
  let correctedQuery: string | undefined
  let searchedQuery = params.q
  let usedTypoTolerance = false
  let { data, search_result } = await runSearch(params.q, false)
  if (params.q && search_result.metadata.count === 0) {
    const correction = correctQuery(params.q, await catalogVocabulary(req))
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
    if (location_ids.length <= 1 && !params.size?.length) {
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

  const facets: Record<string, unknown> = {}
  for (const [param, field] of Object.entries(FACET_FIELDS)) {
    const facet = search_result.facets?.[field]
    facets[param] = facet?.type === "value" ? facet.values : []
  }
  const priceFacet = search_result.facets?.[priceField]
  facets.price = priceFacet?.type === "range" ? priceFacet.ranges : []
  facets.in_stock = await countInStock()

  res.json({
    // Each product says whether the shopper's region can ship it now; the raw location ids stay internal.
    products: data.map(({ in_stock_location_ids, ...product }: Record<string, any>) => ({
      ...product,
      in_stock: (in_stock_location_ids ?? []).some((key: string) => inStockKeys.includes(key)),
    })),
    count: search_result.metadata.count,
    offset: params.offset,
    limit: params.limit,
    currency_code: currency,
    ...(correctedQuery ? { corrected_query: correctedQuery } : {}),
    facets,
  })
}
