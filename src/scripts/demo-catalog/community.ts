import { createRandom } from "./generate-catalog"
import { APPAREL_SIZES, BRANDS, OCCASIONS, REGIONS, SHOE_SIZES } from "./vocabulary"

/**
 * The demo's simulated community: shoppers with hidden tastes (colours, styles, brands, sizes, budgets,
 * regions) who browsed, liked, carted and bought the demo catalog over the past weeks, so that the demo's
 * recommendations have a collaborative signal from the first visit. Plain data in, interactions out: no
 * Medusa here (seed-community.ts reads the catalog and writes the log). The same seed and catalog always
 * give the same community and the same interactions; only their times follow `now`.
 */

export const COMMUNITY_SEED = 20261216
export const COMMUNITY_SIZE = 220
/** Community shoppers are guests of the log, never customers: `community_0001`, ... (cookie guests are `guest_<random>`). */
export const COMMUNITY_GUEST_PREFIX = "community_"
/** The surface their interactions carry, so analytics can tell them from real shoppers. */
export const COMMUNITY_SURFACE = "community"
/** How far back the community's history reaches. */
export const COMMUNITY_WEEKS = 12

const DAY_MS = 24 * 60 * 60 * 1000
const MINUTE_MS = 60 * 1000

export type CommunitySlot = "top" | "bottom" | "dress" | "shoes" | "outerwear" | "bag" | "accessory"

export type CommunityVariant = {
  id: string
  /** "M", "39", "One size"; null when the product has no sizes. */
  size: string | null
  colour_family: string | null
  /** Currency code → price in major units. */
  prices: Record<string, number>
  /** Currency codes of the regions whose warehouse can sell it now. */
  in_stock: string[]
}

/** A seeded product as the community sees it. */
export type CommunityProduct = {
  id: string
  handle: string
  category_handle: string
  slot: CommunitySlot
  brand: string | null
  pattern: string | null
  season: string | null
  occasions: string[]
  colour_families: string[]
  variants: CommunityVariant[]
}

export type CommunityStyle = "minimal" | "classic" | "romantic" | "bold" | "relaxed"

/** What a style is made of in the demo catalog's words (it has no style tags of its own). */
export const STYLES: Record<CommunityStyle, { patterns: string[]; families: string[]; occasions: string[] }> = {
  minimal: { patterns: ["solid"], families: ["black", "white", "grey", "beige"], occasions: ["work", "everyday"] },
  classic: { patterns: ["striped", "checked", "herringbone"], families: ["blue", "brown", "beige", "white"], occasions: ["work", "wedding guest"] },
  romantic: { patterns: ["floral", "polka dot"], families: ["pink", "purple", "red", "white"], occasions: ["evening", "wedding guest"] },
  bold: { patterns: ["checked", "polka dot", "striped"], families: ["red", "yellow", "orange", "green"], occasions: ["evening", "weekend"] },
  relaxed: { patterns: ["solid", "striped"], families: ["green", "beige", "brown", "grey"], occasions: ["weekend", "active", "everyday"] },
}
const STYLE_NAMES = Object.keys(STYLES) as CommunityStyle[]
const COLOUR_FAMILIES = ["black", "white", "blue", "brown", "green", "red", "pink", "yellow", "grey", "beige", "purple", "orange"]
const NEUTRALS = new Set(["black", "white", "grey", "beige", "blue", "brown"])
const CATEGORY_HANDLES = ["tops", "shirts", "knitwear", "dresses", "skirts", "trousers", "jeans", "outerwear", "shoes", "bags", "accessories"]

/** A shopper's hidden taste: never shown, only acted on. */
export type Taste = {
  colour_families: string[]
  avoided_families: string[]
  styles: CommunityStyle[]
  brands: string[]
  occasions: string[]
  /** Category handle → interest in [0, 1]. */
  categories: Record<string, number>
}

export type CommunityShopper = {
  guest_id: string
  /** The region's currency code ("eur", "usd", "gbp"): prices, budget and stock are that region's. */
  region: string
  /** The shopper's size for tops (and dresses, knitwear, outerwear), bottoms and shoes. */
  sizes: { tops: string; bottoms: string; shoes: string }
  /** In the region's currency. */
  budget: { max_item: number; max_outfit: number }
  taste: Taste
  /** Visits over the past weeks. */
  sessions: number
}

export type CommunityInteractionKind = "view" | "like" | "add_to_cart" | "purchase"

/** One row for the interaction log (RecordInteractionInput without the module's types). */
export type CommunityInteraction = {
  guest_id: string
  product_id: string
  kind: CommunityInteractionKind
  surface: typeof COMMUNITY_SURFACE
  value: { variant_id: string } | null
  /** Stable across runs for one catalog: seeding twice records each once. */
  dedup_key: string
  created_at: Date
}

/** An outfit the community wears together: a top and a bottom or a dress, shoes, sometimes outerwear and a bag. */
export type Look = { product_ids: string[] }

export type Community = { shoppers: CommunityShopper[]; looks: Look[]; interactions: CommunityInteraction[] }

type Random = ReturnType<typeof createRandom>

/** A product's fixed appeal in [0, 1) (some pieces are hits): FNV-1a of its handle, so it never depends on ids or order. */
export function productAppeal(handle: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < handle.length; i++) {
    h ^= handle.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0) / 4294967296
}

const normal = (random: Random) => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next())

/** Picks from `items` with probability proportional to `weight` (all weights > 0). */
function weighted<T>(random: Random, items: readonly T[], weight: (item: T) => number): T {
  const weights = items.map(weight)
  let r = random.next() * weights.reduce((s, w) => s + w, 0)
  for (let i = 0; i < items.length; i++) if ((r -= weights[i]) <= 0) return items[i]
  return items[items.length - 1]
}

/** Sizes cluster around the middle of the range, as people's do. */
const middleWeighted = (random: Random, sizes: readonly string[]) =>
  weighted(random, sizes, (s) => {
    const centre = (sizes.length - 1) / 2
    return Math.exp(-Math.pow(sizes.indexOf(s) - centre, 2) / 3)
  })

/** One community shopper, drawn from `random`. */
export function generateCommunityShopper(random: Random, index: number): CommunityShopper {
  const region = weighted(random, REGIONS, (r) => (r.currency === "eur" ? 0.6 : r.currency === "usd" ? 0.25 : 0.15))
  const styles = random.sample(STYLE_NAMES, random.int(1, 2))
  // Liked colours lean towards the styles' colours; one colour the shopper never wears.
  const styleFamilies = [...new Set(styles.flatMap((s) => STYLES[s].families))]
  const colour_families = [...new Set([...random.sample(styleFamilies, 2), random.pick(COLOUR_FAMILIES)])]
  const avoided_families = random.sample(
    COLOUR_FAMILIES.filter((f) => !colour_families.includes(f)),
    1
  )
  const occasions = [...new Set([random.pick(styles.flatMap((s) => STYLES[s].occasions)), random.pick(OCCASIONS)])]
  const categories: Record<string, number> = {}
  for (const handle of CATEGORY_HANDLES) categories[handle] = 0.1 + 0.9 * Math.pow(random.next(), 2)
  const tops = middleWeighted(random, APPAREL_SIZES)
  const near = APPAREL_SIZES[Math.min(APPAREL_SIZES.length - 1, Math.max(0, APPAREL_SIZES.indexOf(tops) + random.int(-1, 1)))]
  const bottoms = random.chance(0.6) ? tops : near
  const shoes = middleWeighted(random, SHOE_SIZES)
  const maxItem = Math.round(random.pick([60, 90, 120, 180, 250, 400]) * region.priceFactor)
  return {
    guest_id: `${COMMUNITY_GUEST_PREFIX}${String(index + 1).padStart(4, "0")}`,
    region: region.currency,
    sizes: { tops, bottoms, shoes },
    budget: { max_item: maxItem, max_outfit: Math.round(maxItem * random.pick([2, 2.5, 3, 4])) },
    taste: { colour_families, avoided_families, styles, brands: random.sample(BRANDS, random.int(2, 3)), occasions, categories },
    sessions: random.int(2, 6),
  }
}

/** How much a product appeals to a shopper (higher is better; negative for colours they avoid). */
export function affinity(shopper: CommunityShopper, product: CommunityProduct): number {
  const t = shopper.taste
  let a = 0.8 * productAppeal(product.handle) + 1.2 * (t.categories[product.category_handle] ?? 0.1)
  if (product.colour_families.some((f) => t.colour_families.includes(f))) a += 1.2
  if (product.colour_families.length && product.colour_families.every((f) => t.avoided_families.includes(f))) a -= 2
  if (product.brand && t.brands.includes(product.brand)) a += 0.9
  if (product.occasions.some((o) => t.occasions.includes(o))) a += 0.4
  for (const style of t.styles) {
    const s = STYLES[style]
    if (product.pattern && s.patterns.includes(product.pattern)) a += 0.4
    if (product.colour_families.some((f) => s.families.includes(f))) a += 0.3
    if (product.occasions.some((o) => s.occasions.includes(o))) a += 0.2
  }
  return a
}

/** The shopper's size for a product's slot; null for one-size pieces. */
export function sizeFor(shopper: CommunityShopper, product: CommunityProduct): string | null {
  if (product.slot === "bottom") return shopper.sizes.bottoms
  if (product.slot === "shoes") return shopper.sizes.shoes
  if (product.slot === "bag" || product.slot === "accessory") return null
  return shopper.sizes.tops
}

/**
 * The variant the shopper can buy: in their size (any size of a one-size piece), in stock in their region,
 * priced in its currency within their per-item budget, in a colour they like when there is one. Null when none.
 */
export function buyableVariant(shopper: CommunityShopper, product: CommunityProduct): CommunityVariant | null {
  const size = sizeFor(shopper, product)
  const buyable = product.variants.filter((v) => {
    const price = v.prices[shopper.region]
    return (size === null || v.size === size) && v.in_stock.includes(shopper.region) && price !== undefined && price <= shopper.budget.max_item
  })
  return buyable.find((v) => v.colour_family && shopper.taste.colour_families.includes(v.colour_family)) ?? buyable[0] ?? null
}

/** How well two pieces go together: a shared occasion and season, colours that agree, one brand. */
function harmony(a: CommunityProduct, b: CommunityProduct): number {
  let h = 0
  if (a.occasions.some((o) => b.occasions.includes(o))) h += 1
  if (a.season === b.season || a.season === "all-season" || b.season === "all-season") h += 0.5
  const loud = [...a.colour_families, ...b.colour_families].filter((f) => !NEUTRALS.has(f))
  if (new Set(loud).size > 1) h -= 0.6
  else h += 0.4
  if (a.brand && a.brand === b.brand) h += 0.3
  if (a.pattern !== "solid" && b.pattern !== "solid") h -= 0.4
  return h
}

/**
 * The looks the community converges on: one around each top and dress, completed by the pieces that go
 * best with it (with a little chance, so not every look takes the same shoes). Shoppers who buy a look buy
 * its pieces together, which is what gives the catalog item–item co-purchases.
 */
export function buildLooks(products: readonly CommunityProduct[], seed = COMMUNITY_SEED): Look[] {
  const random = createRandom(seed ^ 0x5eed)
  const bySlot = new Map<CommunitySlot, CommunityProduct[]>()
  for (const p of products) bySlot.set(p.slot, [...(bySlot.get(p.slot) ?? []), p])
  const best = (anchor: CommunityProduct, slot: CommunitySlot) => {
    const candidates = bySlot.get(slot) ?? []
    if (!candidates.length) return null
    return candidates.map((p) => ({ p, h: harmony(anchor, p) + 0.6 * productAppeal(p.handle) + 0.5 * random.next() })).sort((x, y) => y.h - x.h)[0].p
  }
  const looks: Look[] = []
  for (const anchor of products) {
    if (anchor.slot !== "top" && anchor.slot !== "dress") continue
    const pieces = [anchor]
    if (anchor.slot === "top") pieces.push(best(anchor, "bottom")!)
    pieces.push(best(anchor, "shoes")!)
    if (random.chance(0.5)) pieces.push(best(anchor, "outerwear")!)
    if (random.chance(0.4)) pieces.push(best(anchor, "bag")!)
    const present = pieces.filter((p): p is CommunityProduct => !!p)
    if (present.length >= 2) looks.push({ product_ids: present.map((p) => p.id) })
  }
  return looks
}

/**
 * The community and everything it did, oldest first within each shopper. Each shopper visits a few times
 * over COMMUNITY_WEEKS: some visits browse (views of what appeals, then likes, carts and the odd purchase),
 * others shop a look (views of its pieces, then the pieces they can buy bought together, or left in the cart).
 * Carts and purchases are always of a variant in the shopper's size, in stock in their region and within their
 * budget (a look's pieces within the outfit budget).
 */
export function simulateCommunity(catalog: readonly CommunityProduct[], options: { seed?: number; size?: number; now?: number } = {}): Community {
  const seed = options.seed ?? COMMUNITY_SEED
  const now = options.now ?? Date.now()
  const products = [...catalog].sort((a, b) => (a.handle < b.handle ? -1 : a.handle > b.handle ? 1 : 0))
  const byId = new Map(products.map((p) => [p.id, p]))
  const byCategory = new Map<string, CommunityProduct[]>()
  for (const p of products) byCategory.set(p.category_handle, [...(byCategory.get(p.category_handle) ?? []), p])
  const categories = [...byCategory.keys()]
  const looks = buildLooks(products, seed)

  const random = createRandom(seed)
  const shoppers = Array.from({ length: options.size ?? COMMUNITY_SIZE }, (_, i) => generateCommunityShopper(random, i))
  const interactions: CommunityInteraction[] = []
  if (!products.length) return { shoppers, looks, interactions }

  for (const shopper of shoppers) {
    const appeal = new Map(products.map((p) => [p.id, affinity(shopper, p)]))
    const lookAppeal = looks.map((look) => look.product_ids.reduce((s, id) => s + appeal.get(id)!, 0) / look.product_ids.length)
    // The looks this shopper would shop: their favourites, in order of appeal.
    const favouriteLooks = looks
      .map((look, i) => ({ look, a: lookAppeal[i] + 0.3 * normal(random) }))
      .sort((x, y) => y.a - x.a)
      .slice(0, 5)
    const bought = new Set<string>()
    const days = Array.from({ length: shopper.sessions }, () => random.int(0, COMMUNITY_WEEKS * 7 - 1)).sort((a, b) => b - a)

    days.forEach((daysAgo, session) => {
      let at = now - daysAgo * DAY_MS - random.int(4, 20) * 3_600_000
      const seen = new Set<string>()
      const record = (product: CommunityProduct, kind: CommunityInteractionKind, variant: CommunityVariant | null = null) => {
        const key = `${kind}:${product.id}`
        if (seen.has(key) || (kind === "purchase" && bought.has(product.id))) return
        seen.add(key)
        if (kind === "purchase") bought.add(product.id)
        at += random.int(1, 6) * MINUTE_MS
        interactions.push({
          guest_id: shopper.guest_id,
          product_id: product.id,
          kind,
          surface: COMMUNITY_SURFACE,
          value: variant ? { variant_id: variant.id } : null,
          dedup_key: `${COMMUNITY_SURFACE}:${shopper.guest_id}:${session}:${kind}:${product.id}`,
          created_at: new Date(at),
        })
      }

      if (looks.length && random.chance(0.5)) {
        // Shopping a look: every piece gets a look, the anchor perhaps a like; the pieces they can buy go in the bag.
        const { look } = weighted(random, favouriteLooks, (f) => 1 / (1 + favouriteLooks.indexOf(f)))
        const pieces = look.product_ids.map((id) => byId.get(id)!)
        for (const p of pieces) record(p, "view")
        if (random.chance(0.35)) record(pieces[0], "like")
        let basket = pieces
          .filter((p) => !bought.has(p.id))
          .map((p) => ({ p, v: buyableVariant(shopper, p) }))
          .filter((x): x is { p: CommunityProduct; v: CommunityVariant } => !!x.v)
        // Within the outfit budget: the least appealing pieces stay behind.
        basket.sort((x, y) => appeal.get(y.p.id)! - appeal.get(x.p.id)!)
        while (basket.reduce((s, x) => s + x.v.prices[shopper.region], 0) > shopper.budget.max_outfit) basket = basket.slice(0, -1)
        if (!basket.length) return
        for (const { p, v } of basket) record(p, "add_to_cart", v)
        if (basket.length >= 2 && random.chance(0.6)) for (const { p, v } of basket) record(p, "purchase", v)
        return
      }

      // Browsing: category pages the shopper chooses by taste; the pieces that appeal most (with a mood) get a look.
      const shown: CommunityProduct[] = []
      for (let i = 0; i < 24; i++) {
        const list = byCategory.get(weighted(random, categories, (c) => shopper.taste.categories[c] ?? 0.1))!
        shown.push(list[Math.floor(random.next() * list.length)])
      }
      const viewed = shown
        .map((p) => ({ p, a: appeal.get(p.id)! + 0.5 * normal(random) }))
        .sort((x, y) => y.a - x.a)
        .slice(0, random.int(2, 5))
      for (const { p, a } of viewed) {
        record(p, "view")
        const keen = 1 / (1 + Math.exp(-(a - 2.8) * 1.5))
        if (random.next() < keen * 0.4) record(p, "like")
        const v = buyableVariant(shopper, p)
        if (!v || random.next() >= keen * 0.45) continue
        record(p, "add_to_cart", v)
        if (random.next() < 0.35) record(p, "purchase", v)
      }
    })
  }
  return { shoppers, looks, interactions }
}
