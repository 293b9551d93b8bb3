/**
 * Seeded random catalogs, profiles, histories, wardrobes and feedback for the property tests and the
 * benchmark. Deterministic for a seed (mulberry32), no dependencies.
 */
import { APPAREL_SIZES, BRANDS, COLOURS, OCCASIONS, PATTERNS, SEASONS, SHOE_SIZES } from "../../scripts/demo-catalog/vocabulary"
import { CatalogItem, Colour, Feedback, Interaction, InteractionKind, OwnedItem, Slot, StyleProfile } from "../types"

export type Rng = () => number

/** mulberry32: a small, fast, seeded PRNG with uniform output in [0, 1). */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]
export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1))
export function sample<T>(rng: Rng, list: readonly T[], n: number): T[] {
  const copy = [...list]
  const out: T[] = []
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0])
  return out
}

export const APPAREL = APPAREL_SIZES
export { SHOE_SIZES }

export type CategoryDef = { handle: string; slot: Slot; sizes: string[] | null; price: [number, number]; materials: string[] }

export const CATEGORY_DEFS: CategoryDef[] = [
  { handle: "tops", slot: "top", sizes: APPAREL, price: [19, 59], materials: ["cotton", "jersey", "linen"] },
  { handle: "shirts", slot: "top", sizes: APPAREL, price: [39, 119], materials: ["poplin", "linen", "silk"] },
  { handle: "knitwear", slot: "top", sizes: APPAREL, price: [49, 189], materials: ["merino wool", "cashmere"] },
  { handle: "dresses", slot: "dress", sizes: APPAREL, price: [49, 229], materials: ["viscose", "silk", "crepe"] },
  { handle: "skirts", slot: "bottom", sizes: APPAREL, price: [35, 129], materials: ["wool", "denim", "satin"] },
  { handle: "trousers", slot: "bottom", sizes: APPAREL, price: [45, 159], materials: ["wool blend", "cotton twill"] },
  { handle: "jeans", slot: "bottom", sizes: APPAREL, price: [59, 149], materials: ["rigid denim", "stretch denim"] },
  { handle: "outerwear", slot: "outerwear", sizes: APPAREL, price: [99, 399], materials: ["wool", "nylon", "tweed"] },
  { handle: "shoes", slot: "shoes", sizes: SHOE_SIZES, price: [59, 259], materials: ["leather", "suede", "canvas"] },
  { handle: "bags", slot: "bag", sizes: null, price: [39, 329], materials: ["leather", "canvas", "raffia"] },
  { handle: "accessories", slot: "accessory", sizes: null, price: [15, 99], materials: ["wool", "silk", "leather"] },
]

/** The demo shop's own vocabulary, so generated catalogs speak like the seeded one. */
export const COLOUR_LIST: Colour[] = COLOURS.map(({ name, hex }) => ({ name, hex }))
export { PATTERNS, BRANDS, SEASONS, OCCASIONS }
export const STYLES = ["minimal", "classic", "street", "romantic", "boho", "sporty"]

export type CatalogOptions = {
  /** Share of products sold in the region (published, priced in its currency). Default 0.9. */
  soldShare?: number
  /** Chance a variant is in stock. Default 0.7. */
  inStock?: number
  /** Chance a product has an embedding. Default 0.5. */
  embeddingShare?: number
  /** Embedding length. Default 8. */
  embeddingDims?: number
  currency_code?: string
}

export function randomItem(rng: Rng, id: string, options: CatalogOptions = {}, category: CategoryDef = pick(rng, CATEGORY_DEFS)): CatalogItem {
  const currency = options.currency_code ?? "eur"
  const sold = rng() < (options.soldShare ?? 0.9)
  const colours = sample(rng, COLOUR_LIST, rng() < 0.7 ? 1 : 2)
  const dims = options.embeddingDims ?? 8
  const embedding = rng() < (options.embeddingShare ?? 0.5) ? Array.from({ length: dims }, () => rng() * 2 - 1) : null
  const sizes = category.sizes ?? [rng() < 0.8 ? "One size" : null]
  return {
    product_id: id,
    title: `${colours[0].name} ${category.handle} ${id}`,
    category_handle: category.handle,
    slot: category.slot,
    colours,
    material: pick(rng, category.materials),
    pattern: pick(rng, PATTERNS),
    season: pick(rng, SEASONS),
    occasions: sample(rng, OCCASIONS, int(rng, 1, 2)),
    brand: pick(rng, BRANDS),
    styles: sample(rng, STYLES, int(rng, 0, 2)),
    price: Math.round((category.price[0] + rng() * (category.price[1] - category.price[0])) * 100) / 100,
    // Not sold in the region: unpublished/unsold, or priced in another currency only.
    currency_code: sold || rng() < 0.5 ? currency : "usd-other",
    variants: sizes.map((size, i) => ({ id: `${id}-v${i}`, size, in_stock: rng() < (options.inStock ?? 0.7) })),
    sold_in_region: sold,
    embedding,
  }
}

export function randomCatalog(rng: Rng, n: number, options: CatalogOptions = {}): CatalogItem[] {
  return Array.from({ length: n }, (_, i) => randomItem(rng, `prod_${i}`, options))
}

export function randomProfile(rng: Rng, currency = "eur"): StyleProfile {
  const sizes: Record<string, string> = {}
  if (rng() < 0.9) sizes.tops = pick(rng, APPAREL)
  if (rng() < 0.9) sizes.trousers = pick(rng, APPAREL)
  if (rng() < 0.9) sizes.shoes = pick(rng, SHOE_SIZES)
  if (rng() < 0.3) sizes.dresses = pick(rng, APPAREL)
  if (rng() < 0.2) sizes.jeans = pick(rng, APPAREL)
  return {
    sizes,
    budget: {
      max_item: rng() < 0.85 ? int(rng, 20, 300) : null,
      max_outfit: rng() < 0.85 ? int(rng, 80, 900) : null,
      currency_code: currency,
    },
    colours_liked: sample(rng, COLOUR_LIST, int(rng, 0, 3)).map((c) => c.name),
    colours_avoided: sample(rng, COLOUR_LIST, int(rng, 0, 2)).map((c) => c.name.toLowerCase()),
    styles: sample(rng, STYLES, int(rng, 0, 2)),
    brands: sample(rng, BRANDS, int(rng, 0, 3)),
    occasions: sample(rng, OCCASIONS, int(rng, 0, 2)),
    fit: rng() < 0.5 ? pick(rng, ["slim", "regular", "relaxed"]) : null,
  }
}

const KINDS: InteractionKind[] = ["view", "view", "view", "click", "like", "add_to_cart", "purchase", "wardrobe", "look", "impression"]

export function randomInteractions(
  rng: Rng,
  catalog: CatalogItem[],
  customers: number,
  perCustomer: number,
  start = Date.UTC(2026, 0, 1)
): Interaction[] {
  const out: Interaction[] = []
  for (let c = 0; c < customers; c++) {
    let at = start + int(rng, 0, 30) * 86400000
    for (let i = 0; i < perCustomer; i++) {
      at += int(rng, 1, 72) * 3600000
      out.push({ customer_id: `cus_${c}`, product_id: pick(rng, catalog).product_id, kind: pick(rng, KINDS), at })
    }
  }
  return out
}

export function randomWardrobe(rng: Rng, n: number, catalog: CatalogItem[] = []): OwnedItem[] {
  return Array.from({ length: n }, (_, i) => {
    const category = pick(rng, CATEGORY_DEFS)
    const colours = sample(rng, COLOUR_LIST, 1)
    const ofOurs = catalog.length && rng() < 0.3 ? pick(rng, catalog) : null
    return {
      id: `own_${i}`,
      title: ofOurs ? ofOurs.title : `${colours[0].name.toLowerCase()} ${category.handle}`,
      slot: ofOurs ? ofOurs.slot : category.slot,
      category_handle: ofOurs ? ofOurs.category_handle : category.handle,
      colours: ofOurs ? ofOurs.colours : colours,
      season: pick(rng, SEASONS),
      occasions: sample(rng, OCCASIONS, 1),
      product_id: ofOurs ? ofOurs.product_id : null,
    }
  })
}

export function randomFeedback(rng: Rng, catalog: CatalogItem[], n: number, at = Date.UTC(2026, 5, 1)): Feedback[] {
  const actions: Feedback["action"][] = ["like", "dismiss", "dismiss", "not_my_size", "too_expensive", "not_my_style"]
  return Array.from({ length: n }, (_, i) => ({ product_id: pick(rng, catalog).product_id, action: pick(rng, actions), at: at + i }))
}
