import type { ProductCard, ProductCardPrice } from "./product-card"

/** GET /store/product-search response (type-only: the storefront imports it). */

export type ProductSearchFacetValue = { value: string; count: number }
export type ProductSearchPriceBand = { key: string; from?: number; to?: number; count: number }

/** A search hit: the product card (lowest price in the shopper's currency, "in stock" for the region) and the facets' fields. */
export type ProductSearchHit = ProductCard & {
  brand?: string
  categories?: string[]
  colours?: string[]
  sizes?: string[]
  material?: string
  collection?: string
  variants: { id: string; title: string | null; calculated_price: ProductCardPrice | null }[]
}

export type ProductSearchFacets = {
  category: ProductSearchFacetValue[]
  colour: ProductSearchFacetValue[]
  size: ProductSearchFacetValue[]
  brand: ProductSearchFacetValue[]
  material: ProductSearchFacetValue[]
  pattern: ProductSearchFacetValue[]
  season: ProductSearchFacetValue[]
  occasion: ProductSearchFacetValue[]
  collection: ProductSearchFacetValue[]
  price: ProductSearchPriceBand[]
  /** How many products matching every other filter the shopper can buy now. */
  in_stock: number
}

export type StoreProductSearchResponse = {
  products: ProductSearchHit[]
  count: number
  offset: number
  limit: number
  currency_code: string
  /** The query actually searched, when a misspelling was corrected. */
  corrected_query?: string
  facets: ProductSearchFacets
}

/** One suggestion as the shopper types: a category to browse, or a product to open. */
export type ProductSearchSuggestion =
  { type: "category"; label: string; handle: string } | { type: "product"; label: string; handle: string; thumbnail: string | null }

export type StoreProductSearchSuggestionsResponse = { suggestions: ProductSearchSuggestion[] }
