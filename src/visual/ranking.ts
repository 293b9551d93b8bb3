import { colourLikeness, namedColourHex } from "../recommendation/colour"
import type { ProductCard } from "../types/http/product-card"

/**
 * Which products a visual search shows and in which order, kept pure so it is tested without a
 * database or the sidecar. Hard constraints (in stock in the shopper's region, budget, size) are
 * never traded against similarity: a product that breaks one is not shown. What passes is ranked by
 * similarity first, then price fit, availability and brand affinity, with weights from the
 * VISUAL_SEARCH_WEIGHTS setting, and each product gets reasons a shopper can read.
 */

export const RANKING_SIGNALS = ["similarity", "price", "availability", "brand"] as const
export type RankingSignal = (typeof RANKING_SIGNALS)[number]
export type RankingWeights = Record<RankingSignal, number>

export const DEFAULT_RANKING_WEIGHTS: RankingWeights = { similarity: 0.7, price: 0.1, availability: 0.1, brand: 0.1 }

/**
 * Weights as the setting writes them, "similarity=0.7,price=0.1,availability=0.1,brand=0.1"; a signal
 * left out keeps its default. Throws an error naming the setting's mistake.
 */
export function parseRankingWeights(text: string | undefined): RankingWeights {
  const weights = { ...DEFAULT_RANKING_WEIGHTS }
  if (!text?.trim()) return weights
  for (const part of text.split(",").map((p) => p.trim())) {
    if (!part) continue
    const [name, value, ...rest] = part.split("=").map((p) => p.trim())
    if (!RANKING_SIGNALS.includes(name as RankingSignal)) {
      throw new Error(`VISUAL_SEARCH_WEIGHTS: unknown signal "${name}"; use ${RANKING_SIGNALS.join(", ")}`)
    }
    const weight = Number(value)
    if (rest.length || value === undefined || value === "" || !Number.isFinite(weight) || weight < 0) {
      throw new Error(`VISUAL_SEARCH_WEIGHTS: "${part}" must be ${name}=<a number of 0 or more>`)
    }
    weights[name as RankingSignal] = weight
  }
  if (weights.similarity <= 0) throw new Error("VISUAL_SEARCH_WEIGHTS: similarity must weigh more than 0 (results must look like the photo)")
  return weights
}

let cachedWeights: { text: string; weights: RankingWeights } | null = null

/** The weights of this process's VISUAL_SEARCH_WEIGHTS setting (read again when it changes). */
export function rankingWeights(): RankingWeights {
  const text = process.env.VISUAL_SEARCH_WEIGHTS ?? ""
  if (cachedWeights?.text !== text) cachedWeights = { text, weights: parseRankingWeights(text) }
  return cachedWeights.weights
}

/** A product found by the sidecar, with what the constraints and reasons read, for the shopper's region. */
export type Candidate = {
  product_id: string
  /** The product image that matched. */
  image_id: string
  image_url: string | null
  /** Visual similarity from the sidecar (cosine; see similaritySignal). */
  similarity: number
  /** The sidecar found the product near-exact, though of another category than predicted: it leads the list. */
  leading?: boolean
  card: ProductCard
  category_handles: string[]
  /** The product's colour names (its Colour option values). */
  colours: string[]
  brand: string | null
  /** Each variant's size (null for none) and whether the shopper's locations can sell it now. */
  variants: { size: string | null; in_stock: boolean }[]
}

export type Constraints = {
  /** Only products the shopper can buy now in their region (default true). */
  in_stock: boolean
  /** Budget in the region's currency, against the card's calculated price. */
  min_price?: number
  max_price?: number
  /** A variant of this size, in stock unless in_stock is false. */
  size?: string
}

export type Violation = "stock" | "price" | "size"

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/** The variants of the shopper's size (by the Size option value, ignoring case). */
const variantsOfSize = (candidate: Candidate, size: string) => candidate.variants.filter((v) => v.size !== null && sameText(v.size, size))

/** The constraints a candidate breaks (empty: it may be shown). */
export function violations(candidate: Candidate, constraints: Constraints, options: { ignoreSize?: boolean } = {}): Violation[] {
  const broken: Violation[] = []
  const price = candidate.card.calculated_price?.calculated_amount
  // Purchasable means a price in the region as well as stock: an unpriced product cannot be bought.
  if (constraints.in_stock && (!candidate.card.in_stock || price === undefined)) broken.push("stock")
  const hasBudget = constraints.min_price !== undefined || constraints.max_price !== undefined
  if (hasBudget) {
    const inBudget =
      price !== undefined &&
      (constraints.min_price === undefined || price >= constraints.min_price) &&
      (constraints.max_price === undefined || price <= constraints.max_price)
    if (!inBudget) broken.push("price")
  }
  if (constraints.size && !options.ignoreSize) {
    const sized = variantsOfSize(candidate, constraints.size)
    if (!sized.some((v) => v.in_stock || !constraints.in_stock)) broken.push("size")
  }
  return broken
}

/** What the products are compared with: the photographed garment, or the product whose look-alikes are wanted. */
export type RankingReference = {
  kind: "photo" | "product"
  /** Category handles of the garment (the head's prediction) or of the product. */
  category_handles: string[]
  /** Colour names of the garment or the product. */
  colours: string[]
  /** The photographed garment's colours as read from the photo, with their shares (photos only). */
  shades?: { hex: string; share: number }[]
  /** The price the others are compared with when the shopper gave no budget (null: none). */
  price: number | null
  /**
   * Products of the reference's category rank before all others (the category is known or confidently
   * predicted), but for the sidecar's `leading` matches, which come first in any case.
   */
  category_first?: boolean
}

export type RankingContext = {
  weights: RankingWeights
  constraints: Constraints
  reference: RankingReference
  /** Brands the signed-in shopper bought, owns or likes (any case); empty for anyone else. */
  liked_brands: string[]
  /**
   * The lowest and highest similarity among the list's candidates: similarity then spans 0..1 across
   * them, so it leads the ranking as its weight intends even when every candidate looks about as alike
   * (a grey or blurred photo); absent: measured from SIMILARITY_FLOOR.
   */
  similarity_span?: { low: number; high: number }
}

export type RankedProduct = {
  candidate: Candidate
  score: number
  reasons: string[]
  signals: Record<RankingSignal, number>
}

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0)
// Prices at a ratio of 3 or more from the reference fit not at all; the same price fits fully.
const PRICE_RATIO_LIMIT = Math.log(3)
/**
 * The sidecar's cosine between two unrelated garment crops is rarely below this (about 0.6–0.8 for
 * garments of one kind, 0.95+ for the same product): similarity is measured from here, so that it
 * spans 0..1 like the other signals and a weight of 0.7 makes it decide, as intended.
 */
export const SIMILARITY_FLOOR = 0.5
/** Product-to-product similarity also weighs the shared catalog attributes (category, colour), known exactly. */
const PRODUCT_ATTRIBUTE_SHARE = 0.5
/** Below this spread of similarities a list's candidates look equally alike: the floor-based signal applies. */
const MIN_SPAN = 0.02
/**
 * For a photo, the share of similarity that is how well the product's colours match the colours read
 * from the garment: the embedding barely tells colours apart, so two products of one design in
 * different colours (Camel and Lilac loafers) otherwise tie, and availability or price decides between
 * them. Chosen on training products' shopper photos (bench:visual-search-sidecar, BENCH_PRODUCTS=training,
 * 132 photos): exact R@1 at 0, 0.15, 0.3 and 0.5 was 0.80, 0.83, 0.83, 0.80 (seed 41) and 0.78, 0.79, 0.80, 0.80 (seed 43).
 */
const PHOTO_COLOUR_SHARE = 0.3
/** "looks very similar" from this similarity (a cosine of 0.9). */
const VERY_SIMILAR = 0.8

/** The sidecar's cosine as a 0..1 similarity signal (see SIMILARITY_FLOOR). */
export const similaritySignal = (cosine: number) => clamp01((cosine - SIMILARITY_FLOOR) / (1 - SIMILARITY_FLOOR))

function priceFit(candidate: Candidate, context: RankingContext): number {
  const price = candidate.card.calculated_price?.calculated_amount
  if (price === undefined) return 0
  const { min_price, max_price } = context.constraints
  if (min_price !== undefined || max_price !== undefined) return 1 // the constraint already kept only prices in the budget
  const reference = context.reference.price
  if (!reference || reference <= 0 || price <= 0) return 0.5
  return clamp01(1 - Math.abs(Math.log(price / reference)) / PRICE_RATIO_LIMIT)
}

function availability(candidate: Candidate, constraints: Constraints): number {
  if (constraints.size) return variantsOfSize(candidate, constraints.size).some((v) => v.in_stock) ? 1 : 0
  if (!candidate.variants.length) return candidate.card.in_stock ? 1 : 0
  return candidate.variants.filter((v) => v.in_stock).length / candidate.variants.length
}

function attributeMatch(candidate: Candidate, reference: RankingReference) {
  const category = candidate.category_handles.some((c) => reference.category_handles.some((r) => sameText(c, r)))
  const colour = candidate.colours.some((c) => reference.colours.some((r) => sameText(c, r)))
  return { category, colour }
}

/** How well a product's colours (names) match a garment's colours read from a photo, 0..1, each of the garment's colours by its share; null when no product colour is known. */
function shadeFit(shades: { hex: string; share: number }[], colours: string[]): number | null {
  const hexes = colours.map(namedColourHex).filter((h): h is string => h !== null)
  if (!hexes.length) return null
  let fit = 0
  let total = 0
  for (const shade of shades) {
    const best = Math.max(...hexes.map((h) => colourLikeness(shade.hex, h) ?? 0))
    fit += shade.share * best
    total += shade.share
  }
  return total > 0 ? fit / total : null
}

/** Score and reasons of one candidate that meets the constraints. */
export function rankCandidate(candidate: Candidate, context: RankingContext): RankedProduct {
  const { weights, constraints, reference } = context
  const likedBrands = context.liked_brands
  const attributes = attributeMatch(candidate, reference)
  const visual = similaritySignal(candidate.similarity)
  const span = context.similarity_span
  const lookAlike = span && span.high - span.low > MIN_SPAN ? clamp01((candidate.similarity - span.low) / (span.high - span.low)) : visual
  // A product whose colours are unknown fits halfway.
  const colourFit = reference.shades?.length ? (shadeFit(reference.shades, candidate.colours) ?? 0.5) : null
  const similarity =
    reference.kind === "product"
      ? (1 - PRODUCT_ATTRIBUTE_SHARE) * lookAlike + PRODUCT_ATTRIBUTE_SHARE * ((attributes.category ? 0.7 : 0) + (attributes.colour ? 0.3 : 0))
      : colourFit === null
        ? lookAlike
        : (1 - PHOTO_COLOUR_SHARE) * lookAlike + PHOTO_COLOUR_SHARE * colourFit
  const likedBrand = !!candidate.brand && likedBrands.some((b) => sameText(b, candidate.brand!))
  const signals: Record<RankingSignal, number> = {
    similarity,
    price: priceFit(candidate, context),
    availability: availability(candidate, constraints),
    brand: likedBrand ? 1 : 0,
  }
  // Brand affinity counts only for a shopper who has brands: for anyone else it would shift every score alike.
  const used = RANKING_SIGNALS.filter((s) => s !== "brand" || likedBrands.length > 0)
  const totalWeight = used.reduce((sum, s) => sum + weights[s], 0)
  const score = used.reduce((sum, s) => sum + weights[s] * signals[s], 0) / totalWeight

  const reasons: string[] = []
  if (visual >= VERY_SIMILAR) reasons.push(reference.kind === "photo" ? "looks very much like your photo" : "looks very similar")
  if (attributes.category && attributes.colour) reasons.push("same category and colour")
  else if (attributes.category) reasons.push("same category")
  else if (attributes.colour) reasons.push("similar colour")
  if (constraints.size && variantsOfSize(candidate, constraints.size).some((v) => v.in_stock)) reasons.push("in your size")
  if (constraints.min_price !== undefined || constraints.max_price !== undefined) reasons.push("within your budget")
  else if (reference.kind === "product" && signals.price >= 0.75) reasons.push("similar price")
  if (likedBrand) reasons.push("a brand you like")
  if (!constraints.in_stock && candidate.card.in_stock) reasons.push("in stock")
  return { candidate, score: Math.round(score * 10_000) / 10_000, reasons, signals }
}

/** The sidecar's most hits per item. */
const MAX_CANDIDATES = 200
/**
 * Hits to ask for so that `limit` products survive the constraints: out-of-stock, unpriced or
 * wrong-size products drop out, so ask for several times more, within the sidecar's limit.
 */
export const candidatesFor = (limit: number) => Math.min(MAX_CANDIDATES, limit * 4 + 24)
/**
 * From this confidence of the head, an item's search keeps to its predicted category: the sidecar
 * searches in it (topping up from other categories only where it holds too few products; never for a
 * busy scene's outline, whose category it does not trust) and the ranking puts its products first, so a
 * cheaper look-alike from another category never outranks them; only the sidecar's near-exact matches of
 * another category (`leading`) come before them.
 */
export const CONFIDENT_CATEGORY = 0.5
/** A colour must cover this share of the garment to count as its colour in the reasons. */
const MAIN_COLOUR_SHARE = 0.15

/** What a photo's garment is compared with: its category (the shopper's, else the predicted one), main colours and price level. */
export function photoReference(
  item: { category: { handle: string }; search_category: string | null; colours: { name: string; hex: string; share: number }[] },
  candidates: Candidate[],
  forcedCategory?: string
): RankingReference {
  // The price of the best visual match that has one: the price level of what was photographed.
  const priced = candidates.filter((c) => c.card.calculated_price)
  const best = priced.length ? priced.reduce((b, c) => (c.similarity > b.similarity ? c : b)) : null
  return {
    kind: "photo",
    category_handles: [forcedCategory ?? item.category.handle],
    // The sidecar's choice (CONFIDENT_CATEGORY, as the search asked): its hits were searched within this category.
    category_first: !!forcedCategory || item.search_category !== null,
    colours: item.colours.filter((c) => c.share >= MAIN_COLOUR_SHARE).map((c) => c.name),
    shades: item.colours.map((c) => ({ hex: c.hex, share: c.share })),
    price: best?.card.calculated_price?.calculated_amount ?? null,
  }
}

/** One candidate per product: its best-matching image, leading when any of its images led. */
export function collapseByProduct(candidates: Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>()
  for (const c of candidates) {
    const kept = best.get(c.product_id)
    const winner = !kept || c.similarity > kept.similarity ? c : kept
    best.set(c.product_id, (c.leading || kept?.leading) && !winner.leading ? { ...winner, leading: true } : winner)
  }
  return [...best.values()]
}

export type Selection = {
  products: RankedProduct[]
  /** true when nothing met the size constraint and the products shown are the best ones in other sizes. */
  size_relaxed: boolean
}

/**
 * The products to show for one item: one per product, only those meeting every constraint, ranked,
 * at most `limit`. When the size constraint alone leaves nothing, the best products without it
 * (every other constraint still holds) and size_relaxed.
 */
export function selectProducts(candidates: Candidate[], context: RankingContext, limit: number): Selection {
  const unique = collapseByProduct(candidates)
  let passing = unique.filter((c) => violations(c, context.constraints).length === 0)
  let sizeRelaxed = false
  if (!passing.length && context.constraints.size) {
    passing = unique.filter((c) => violations(c, context.constraints, { ignoreSize: true }).length === 0)
    sizeRelaxed = passing.length > 0
  }
  const similarities = unique.map((c) => c.similarity)
  const ranking: RankingContext = similarities.length
    ? { ...context, similarity_span: context.similarity_span ?? { low: Math.min(...similarities), high: Math.max(...similarities) } }
    : context
  const { reference } = context
  // The sidecar's leading matches (near-exact pictures, near-copies by keypoints) first; then, where it leads, the category.
  const tier = (r: RankedProduct) =>
    r.candidate.leading ? 0 : !reference.category_first ? 1 : attributeMatch(r.candidate, reference).category ? 1 : 2
  const ranked = passing
    .map((c) => rankCandidate(c, ranking))
    .sort(
      (a, b) =>
        tier(a) - tier(b) ||
        b.score - a.score ||
        b.candidate.similarity - a.candidate.similarity ||
        a.candidate.product_id.localeCompare(b.candidate.product_id)
    )
  return { products: ranked.slice(0, limit), size_relaxed: sizeRelaxed }
}
