import "server-only"
import { HttpTypes } from "@medusajs/types"
import type { StoreProductAvailabilityResponse } from "@curator/types/product-card"
import type { ProductSearchFacetValue, ProductSearchHit, ProductSearchPriceBand, StoreProductSearchResponse } from "@curator/types/search"
import { sdk } from "@lib/config"
import { getRegion } from "./regions"
import { FILTER_PARAMS, PAGE_SIZE, SORTS } from "@lib/util/search-options"
import { catalogCache, catalogTags, STOCK_REVALIDATE_SECONDS } from "@lib/util/catalog-cache"

export { FILTER_PARAMS, PAGE_SIZE, SORTS }

export type FacetValue = ProductSearchFacetValue
export type PriceBand = ProductSearchPriceBand
export type SearchProduct = ProductSearchHit
export type ProductSearchResult = StoreProductSearchResponse

export type ListingQuery = {
  q?: string
  sort?: string
  page?: number
  min_price?: number
  max_price?: number
  in_stock?: boolean
} & Partial<Record<(typeof FILTER_PARAMS)[number], string[]>>

/**
 * Curator's product search (GET /store/product-search): text with typo tolerance, facets
 * with counts and prices for the shopper's region. Cached for every shopper; a product or price
 * change expires it at once, stock sold by orders within a minute (see @lib/util/catalog-cache).
 */
export async function searchProducts(
  countryCode: string,
  query: ListingQuery,
  window?: { limit: number; offset: number }
): Promise<ProductSearchResult> {
  const region = await getRegion(countryCode)
  const page = Math.max(1, query.page ?? 1)
  const params: Record<string, unknown> = {
    region_id: region?.id,
    sort: SORTS.some((s) => s.value === query.sort) ? query.sort : query.q ? "relevance" : "newest",
    limit: window?.limit ?? PAGE_SIZE,
    offset: window?.offset ?? (page - 1) * PAGE_SIZE,
  }
  if (query.q) params.q = query.q
  for (const name of FILTER_PARAMS) if (query[name]?.length) params[name] = query[name]
  if (query.min_price !== undefined) params.min_price = query.min_price
  if (query.max_price !== undefined) params.max_price = query.max_price
  if (query.in_stock) params.in_stock = true
  return sdk.client.fetch<ProductSearchResult>("/store/product-search", {
    query: params,
    ...catalogCache([catalogTags.products], STOCK_REVALIDATE_SECONDS),
  })
}

/** Units sellable per variant; null: not stock-managed or backorderable, so always available. */
export type StockByVariant = Record<string, number | null>

/**
 * Units sellable per variant in the shopper's region (GET /store/products/:id/availability):
 * only the warehouse that serves the region counts, unlike Medusa's inventory_quantity,
 * which sums every warehouse of the sales channel. null: not stock-managed or backorderable,
 * so always available.
 */
export async function getRegionalStock(productId: string, regionId: string): Promise<StockByVariant> {
  const { availability } = await sdk.client.fetch<StoreProductAvailabilityResponse>(`/store/products/${encodeURIComponent(productId)}/availability`, {
    query: { region_id: regionId },
    // Its own tag: an order expires this product's stock without expiring every listing.
    ...catalogCache([catalogTags.products, catalogTags.product(productId)]),
  })
  const stock: StockByVariant = {}
  for (const a of availability) {
    stock[a.variant_id] = !a.manage_inventory || a.allow_backorder ? null : (a.available_quantity ?? 0)
  }
  return stock
}

export async function getProductByHandle(handle: string, countryCode: string): Promise<HttpTypes.StoreProduct | null> {
  const region = await getRegion(countryCode)
  const { products } = await sdk.client.fetch<{ products: HttpTypes.StoreProduct[] }>("/store/products", {
    query: {
      handle,
      region_id: region?.id,
      fields:
        "*variants.calculated_price,*variants.options,+variants.thumbnail,*variants.images,*options,*options.values,*images,*collection,*categories,+metadata,+material",
    },
    ...catalogCache([catalogTags.products]),
  })
  return products[0] ?? null
}

/** A product's handle (for a link to its page), or null when it is not on sale in this shop. */
export async function getProductHandle(id: string): Promise<string | null> {
  const { products } = await sdk.client.fetch<{ products: Pick<HttpTypes.StoreProduct, "handle">[] }>("/store/products", {
    query: { id, fields: "handle", limit: 1 },
    ...catalogCache([catalogTags.products]),
  })
  return products[0]?.handle ?? null
}

export async function listCategories(): Promise<HttpTypes.StoreProductCategory[]> {
  const { product_categories } = await sdk.client.fetch<{ product_categories: HttpTypes.StoreProductCategory[] }>("/store/product-categories", {
    query: { fields: "id,name,handle,description,parent_category_id", limit: 100 },
    next: { revalidate: 3600, tags: ["categories"] },
    cache: "force-cache",
  })
  return product_categories
}

export async function listCollections(): Promise<HttpTypes.StoreCollection[]> {
  const { collections } = await sdk.client.fetch<{ collections: HttpTypes.StoreCollection[] }>("/store/collections", {
    query: { fields: "id,title,handle", limit: 100 },
    next: { revalidate: 3600, tags: ["collections"] },
    cache: "force-cache",
  })
  return collections
}

/**
 * "You may also like" on a product page: other products of the same category, as the category
 * page lists them (Curator's product search: shared product cards priced for the shopper's
 * region, with "in stock" for it). Needs no ML sidecar, unlike "Similar items".
 */
export async function getRelatedProducts(
  product: { id: string; categoryHandle: string },
  countryCode: string,
  limit = 8
): Promise<{ products: SearchProduct[]; currency_code: string }> {
  const result = await searchProducts(countryCode, { category: [product.categoryHandle], sort: "newest" }, { limit: limit + 1, offset: 0 })
  return { products: result.products.filter((p) => p.id !== product.id).slice(0, limit), currency_code: result.currency_code }
}

/** A product card read from Medusa's product route, which knows no regional stock: it never says "sold out". */
export type ProductByIdCard = Omit<SearchProduct, "in_stock"> & { in_stock?: undefined }

type CardSourceProduct = Pick<HttpTypes.StoreProduct, "id" | "title" | "handle" | "thumbnail"> & {
  variants?:
    | {
        id: string
        title: string | null
        calculated_price?: { calculated_amount?: number | null; original_amount?: number | null; currency_code?: string | null } | null
      }[]
    | null
}

/**
 * Products by id, in the order given, for rows kept by id in the browser (recently viewed, a
 * signed-out shopper's saved items): Medusa's Store API with prices for the shopper's region.
 * Products no longer on sale are left out.
 */
export async function getProductCardsByIds(ids: string[], countryCode: string): Promise<ProductByIdCard[]> {
  if (!ids.length) return []
  const region = await getRegion(countryCode)
  const { products } = await sdk.client.fetch<{ products: CardSourceProduct[] }>("/store/products", {
    query: { id: ids, region_id: region?.id, limit: ids.length, fields: "id,title,handle,thumbnail,*variants.calculated_price" },
    ...catalogCache([catalogTags.products]),
  })
  const byId = new Map(products.map((p) => [p.id, p]))
  return ids.flatMap((id) => {
    const p = byId.get(id)
    if (!p) return []
    const variants = (p.variants ?? []).map((v) => {
      const price = v.calculated_price
      const amount = price?.calculated_amount
      return {
        id: v.id,
        title: v.title ?? null,
        calculated_price:
          amount === null || amount === undefined
            ? null
            : { calculated_amount: amount, original_amount: price?.original_amount ?? amount, currency_code: price?.currency_code ?? "" },
      }
    })
    return [{ id: p.id, title: p.title ?? "", handle: p.handle ?? "", thumbnail: p.thumbnail ?? null, calculated_price: null, variants }]
  })
}
