/**
 * The recommendation core's own types: plain data, no Medusa imports, so that ranking is fast and testable
 * alone. Store routes adapt `query.graph` results (prices, stock and sales channels already resolved for the
 * shopper's region) into these before ranking.
 */

/** Where a garment goes in an outfit. An outfit never holds two items of one slot. */
export type Slot = "top" | "bottom" | "dress" | "shoes" | "outerwear" | "bag" | "accessory"

export const SLOTS: readonly Slot[] = ["top", "bottom", "dress", "shoes", "outerwear", "bag", "accessory"]

export type Colour = {
  /** As the catalog names it ("Navy", "Grey Marl"). Compared case-insensitively. */
  name: string
  /** "#1f2a44"; colours without one are looked up by name (colour.ts) or count as unknown. */
  hex?: string | null
}

export type CatalogVariant = {
  id: string
  /** "M", "39", "One size"; null for a product sold without sizes. */
  size: string | null
  /** Sellable at a location serving the shopper's region for the key's sales channel (already resolved). */
  in_stock: boolean
}

/** One product as the shopper's region and sales channel see it. */
export type CatalogItem = {
  product_id: string
  title: string
  /** Product category handle ("trousers"); sizes in a profile are keyed by it. */
  category_handle: string
  slot: Slot
  colours: Colour[]
  material: string | null
  pattern: string | null
  /** "spring-summer" | "autumn-winter" | "all-season" | null. */
  season: string | null
  occasions: string[]
  brand: string | null
  /** Style tags where the catalog has them ("minimal", "classic"). */
  styles?: string[]
  /** In the region's currency, major units (as Medusa's calculated_amount). */
  price: number
  currency_code: string
  variants: CatalogVariant[]
  /** Published, and in a sales channel and price list that sell it in the shopper's region. */
  sold_in_region: boolean
  /** Visual embedding (L2-normalised) when the search-by-photo index has one. */
  embedding?: ArrayLike<number> | null
}

export type StyleBudget = {
  max_item: number | null
  max_outfit: number | null
  currency_code: string
}

export type StyleProfile = {
  /** Category handle → size ("tops": "M", "trousers": "32", "shoes": "39"). */
  sizes: Record<string, string>
  budget: StyleBudget
  colours_liked: string[]
  colours_avoided: string[]
  styles: string[]
  brands: string[]
  occasions: string[]
  /** "slim" | "regular" | "relaxed" | "oversized" | null: only worded in reasons today. */
  fit: string | null
}

export type InteractionKind = "view" | "click" | "like" | "add_to_cart" | "purchase" | "wardrobe" | "look" | "impression"

export type Interaction = {
  customer_id: string
  product_id: string
  kind: InteractionKind
  /** Epoch milliseconds. */
  at: number
}

/** A garment in the shopper's wardrobe: a catalog product they own, or their own photo's description. */
export type OwnedItem = {
  id: string
  /** "navy chinos": shown in reasons as "goes with the navy chinos in your wardrobe". */
  title: string
  slot: Slot
  category_handle: string | null
  colours: Colour[]
  season?: string | null
  occasions?: string[]
  pattern?: string | null
  /** Set when the wardrobe item is one of our products. */
  product_id?: string | null
}

export type FeedbackAction = "like" | "dismiss" | "not_my_size" | "too_expensive" | "not_my_style"

export type Feedback = { product_id: string; action: FeedbackAction; at: number }

/** Everything known about the shopper for one request (query parameters already merged over the profile). */
export type Shopper = {
  customer_id: string | null
  profile: StyleProfile
  /** The shopper's own interactions, oldest first or in any order. */
  history: Interaction[]
  wardrobe: OwnedItem[]
  feedback: Feedback[]
}

export type RequestFilters = {
  occasion?: string | null
  season?: string | null
  /** Only this category handle ("for you" in one category). */
  category?: string | null
}

/** A scorer's answer for one item: a score in [0, 1] and why, in words a shopper reads. */
export type ScoreResult = { score: number; reasons: string[] }

export type HybridWeights = { collaborative: number; content: number; knowledge: number }

/**
 * Tuned with `npm run bench:recommendations-core` on its tuning seed (16) and checked on a held-out seed: in the
 * log-linear blend (see RankingOptions.blend) the collaborative part is mostly log popularity, the content part the
 * shopper's log affinity ratios, and knowledge (season, occasion, wardrobe) a small boost. The brief's 0.4/0.4/0.2
 * in the first version's linear mean ranked below popularity (0.93×).
 */
export const DEFAULT_WEIGHTS: HybridWeights = { collaborative: 0.5, content: 0.4, knowledge: 0.1 }

/**
 * How the hybrid combines its scorers. "log-linear" (default): a weighted sum of each scorer's evidence on a log
 * scale (log popularity and co-occurrence, log affinity ratios, the knowledge score), so taste multiplies
 * popularity rather than averaging with it. "linear": the weighted mean of the [0, 1] scores.
 */
export type HybridBlend = "log-linear" | "linear"
/** The blend rankCatalog uses when its options name none. */
export const DEFAULT_BLEND: HybridBlend = "log-linear"
