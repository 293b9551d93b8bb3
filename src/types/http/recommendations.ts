/**
 * The recommendation Store API's answers (src/api/store/recommendations, complete-the-look, "dress me").
 * Type-only, so the storefront can import it.
 */
import type { ProductCard } from "./product-card"

export type RecommendationSlot = "top" | "bottom" | "dress" | "shoes" | "outerwear" | "bag" | "accessory"

/** A recommended product: the shared product card (price and stock of `variant_id`) plus why it was chosen. */
export type RecommendedItem = ProductCard & {
  /** The variant in the shopper's size, in stock in their region. */
  variant_id: string
  /** The shopper's size it was chosen for; null for one-size products. */
  size: string | null
  category_handle: string
  /** In [0, 1], higher is better. */
  score: number
  /** Human-readable: "in your size M", "under your €150 budget", "goes with the navy chinos in your wardrobe". */
  reasons: string[]
}

export type RecommendedOutfitPiece =
  | (ProductCard & {
      source: "catalog"
      slot: RecommendationSlot
      variant_id: string
      category_handle: string | null
      score: number
      reasons: string[]
    })
  | {
      source: "wardrobe"
      slot: RecommendationSlot
      /** The shopper's own wardrobe item. */
      wardrobe_item_id: string
      title: string
      product_id: string | null
      category_handle: string | null
      score: number
      reasons: string[]
    }

export type RecommendedOutfit = {
  items: RecommendedOutfitPiece[]
  /** What the catalog pieces cost together in the region (owned pieces cost nothing). */
  total: { amount: number; currency_code: string }
  score: number
  reasons: string[]
}

/** When the hard constraints (size, budget, region) leave nothing: which one emptied the list. */
export type RecommendationNoMatch = { reason?: "no_match"; emptied_by?: string }

export type StoreRecommendationsResponse = { recommendations: RecommendedItem[] } & RecommendationNoMatch
export type StoreRecommendedOutfitsResponse = { outfits: RecommendedOutfit[] } & RecommendationNoMatch

export type RecommendationFeedbackAction = "like" | "dismiss" | "not_my_size" | "too_expensive" | "not_my_style"
export type StoreRecommendationFeedbackResponse = { feedback: { product_id: string; action: RecommendationFeedbackAction } }

/** A look of the style quiz: one of our products (the shared card), what it shows, and whether the shopper picked it before. */
export type QuizLook = ProductCard & {
  category_handle: string
  slot: RecommendationSlot
  /** Its colours' names ("Navy"). */
  colours: string[]
  /** Picked in the shopper's last saved quiz (their quiz likes). */
  picked: boolean
}
/** GET /store/recommendations/quiz-looks */
export type StoreQuizLooksResponse = { looks: QuizLook[] }
