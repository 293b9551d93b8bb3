import type { ProductCard } from "./product-card"

/**
 * Search by photo and similar products (POST /store/visual-search, GET /store/products/:id/similar).
 * Type-only: the storefront imports it as `@curator/types/visual-search`.
 */

/** A region of the photo, as fractions (0..1) of the upright photo's width and height. */
export type VisualSearchBox = { x: number; y: number; width: number; height: number }

/** A colour of the garment itself, named with the catalog's colour vocabulary; share of the garment's pixels. */
export type VisualSearchColour = { name: string; hex: string; share: number }

/** One suggested product with what makes it a match, in words a shopper can read ("same category and colour", "in your size"). */
export type VisualSearchProduct = {
  /** The product card for the shopper's region. */
  product: ProductCard
  /** Ranking score, 0..1: visual similarity weighted with price fit, availability and brand affinity. */
  score: number
  /** The product image that matched the photo. */
  image_url: string | null
  reasons: string[]
}

/** One garment found in the photo and the products that look like it (each product at most once). */
export type VisualSearchItem = {
  box: VisualSearchBox
  category: { handle: string; confidence: number }
  colours: VisualSearchColour[]
  products: VisualSearchProduct[]
  /**
   * true when no product in the shopper's size matched, so these products are the closest ones
   * in other sizes ("nothing purchasable in your size — similar items").
   */
  size_relaxed: boolean
}

/** POST /store/visual-search */
export type StoreVisualSearchResponse = {
  /** Id of this search, for click analytics (POST /store/visual-search/:id/clicks). */
  query_id: string
  currency_code: string
  /** Garments found in the photo, most prominent first; empty when the photo shows none (then `message` says so). */
  items: VisualSearchItem[]
  message?: string
}

/** POST /store/visual-search/:id/clicks */
export type StoreVisualSearchClickResponse = { click: { id: string } }

/** One product in GET /store/products/:id/similar. */
export type SimilarProduct = { product: ProductCard; score: number; reasons: string[] }

/** GET /store/products/:id/similar */
export type StoreSimilarProductsResponse = {
  /** Id of this search, for click analytics (POST /store/visual-search/:id/clicks). */
  query_id: string
  products: SimilarProduct[]
}
