import {
  affinity,
  buildLooks,
  COMMUNITY_GUEST_PREFIX,
  COMMUNITY_SIZE,
  COMMUNITY_WEEKS,
  CommunityProduct,
  CommunitySlot,
  simulateCommunity,
  sizeFor,
} from "../community"
import { generateDemoCatalog } from "../generate-catalog"
import { GarmentShape, REGIONS } from "../vocabulary"

const SLOT_OF_SHAPE: Record<GarmentShape, CommunitySlot> = {
  tee: "top",
  shirt: "top",
  knit: "top",
  dress: "dress",
  skirt: "bottom",
  trousers: "bottom",
  jeans: "bottom",
  coat: "outerwear",
  shoe: "shoes",
  bag: "bag",
  accessory: "accessory",
}

/** The demo catalog as seed-community.ts reads it from the database (handles stand in for product and variant ids). */
const catalog: CommunityProduct[] = generateDemoCatalog().map((p) => ({
  id: `prod_${p.handle}`,
  handle: p.handle,
  category_handle: p.category.handle,
  slot: SLOT_OF_SHAPE[p.category.shape],
  brand: p.brand,
  pattern: p.pattern,
  season: p.season,
  occasions: p.occasions,
  colour_families: [...new Set(p.colours.map((c) => c.family))],
  variants: p.variants.map((v) => ({
    id: v.sku,
    size: v.size,
    colour_family: v.colour.family,
    prices: v.prices,
    in_stock: REGIONS.filter((r) => v.stock[r.warehouse] > 0).map((r) => r.currency),
  })),
}))
const byId = new Map(catalog.map((p) => [p.id, p]))
const NOW = Date.UTC(2026, 11, 16, 12)

describe("the demo's simulated community", () => {
  const community = simulateCommunity(catalog, { now: NOW })
  const shopperOf = new Map(community.shoppers.map((s) => [s.guest_id, s]))
  const count = (kind: string) => community.interactions.filter((i) => i.kind === kind).length

  it("is the same for a seed and a catalog, whatever order the catalog is read in; another seed is another community", () => {
    const again = simulateCommunity([...catalog].reverse(), { now: NOW })
    expect(again).toEqual(community)
    const other = simulateCommunity(catalog, { now: NOW, seed: 7 })
    expect(other.interactions.map((i) => i.dedup_key)).not.toEqual(community.interactions.map((i) => i.dedup_key))
  })

  it("has at least 200 shoppers with hidden tastes, each a guest of the log who did something", () => {
    expect(community.shoppers.length).toBe(COMMUNITY_SIZE)
    expect(COMMUNITY_SIZE).toBeGreaterThanOrEqual(200)
    const ids = community.shoppers.map((s) => s.guest_id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const s of community.shoppers) {
      expect(s.guest_id.startsWith(COMMUNITY_GUEST_PREFIX)).toBe(true)
      expect(s.taste.colour_families.length).toBeGreaterThan(0)
      expect(s.taste.brands.length).toBeGreaterThan(0)
      expect(s.taste.styles.length).toBeGreaterThan(0)
      expect(s.budget.max_outfit).toBeGreaterThanOrEqual(s.budget.max_item)
    }
    expect(new Set(community.interactions.map((i) => i.guest_id))).toEqual(new Set(ids))
    // Shoppers come from every region, in several sizes.
    expect(new Set(community.shoppers.map((s) => s.region))).toEqual(new Set(REGIONS.map((r) => r.currency)))
    expect(new Set(community.shoppers.map((s) => s.sizes.tops)).size).toBeGreaterThanOrEqual(4)
  })

  it("views more than it carts or likes, and carts and likes more than it buys", () => {
    const [views, carts, likes, purchases] = ["view", "add_to_cart", "like", "purchase"].map(count)
    expect(purchases).toBeGreaterThan(COMMUNITY_SIZE)
    expect(views).toBeGreaterThan(carts)
    expect(views).toBeGreaterThan(likes)
    expect(carts).toBeGreaterThan(purchases)
    expect(likes).toBeGreaterThan(purchases)
  })

  it("carts and buys only a variant in the shopper's size, in stock in their region, within their budgets", () => {
    const basketTotals = new Map<string, number>()
    for (const i of community.interactions) {
      if (i.kind !== "purchase" && i.kind !== "add_to_cart") {
        expect(i.value).toBeNull()
        continue
      }
      const shopper = shopperOf.get(i.guest_id)!
      const product = byId.get(i.product_id)!
      const variant = product.variants.find((v) => v.id === i.value?.variant_id)
      expect(variant).toBeDefined()
      const size = sizeFor(shopper, product)
      if (size !== null) expect([i.dedup_key, variant!.size]).toEqual([i.dedup_key, size])
      expect([i.dedup_key, variant!.in_stock.includes(shopper.region)]).toEqual([i.dedup_key, true])
      const price = variant!.prices[shopper.region]
      expect(price).toBeLessThanOrEqual(shopper.budget.max_item)
      if (i.kind === "purchase") {
        const visit = i.dedup_key.split(":").slice(0, 3).join(":")
        basketTotals.set(visit, (basketTotals.get(visit) ?? 0) + price)
      }
    }
    // Everything bought in one visit (a look, or single pieces) fits the shopper's outfit budget.
    for (const [visit, total] of basketTotals) {
      expect([visit, total <= shopperOf.get(visit.split(":")[1])!.budget.max_outfit]).toEqual([visit, true])
    }
  })

  it("buys looks together, so pieces are co-bought by many shoppers (the collaborative signal)", () => {
    const basketsOf = new Map<string, Set<string>>()
    for (const i of community.interactions) {
      if (i.kind !== "purchase") continue
      const visit = i.dedup_key.split(":").slice(0, 3).join(":")
      basketsOf.set(visit, (basketsOf.get(visit) ?? new Set()).add(i.product_id))
    }
    const pairs = new Map<string, Set<string>>()
    for (const [visit, basket] of basketsOf) {
      const ids = [...basket].sort()
      for (let a = 0; a < ids.length; a++)
        for (let b = a + 1; b < ids.length; b++) {
          const key = `${ids[a]}|${ids[b]}`
          pairs.set(key, (pairs.get(key) ?? new Set()).add(visit.split(":")[1]))
        }
    }
    const strong = [...pairs.values()].filter((shoppers) => shoppers.size >= 3)
    expect(strong.length).toBeGreaterThanOrEqual(30)
    // Co-bought pieces are of different slots: a look, not two of a kind.
    for (const [key, shoppers] of pairs) {
      if (shoppers.size < 3) continue
      const [a, b] = key.split("|").map((id) => byId.get(id)!)
      expect(a.slot).not.toBe(b.slot)
    }
  })

  it("acts on each shopper's hidden taste: what they buy appeals to them more than the catalog does", () => {
    let bought = 0
    let catalogMean = 0
    let n = 0
    for (const shopper of community.shoppers) {
      const purchases = community.interactions.filter((i) => i.guest_id === shopper.guest_id && i.kind === "purchase")
      if (!purchases.length) continue
      bought += purchases.reduce((s, i) => s + affinity(shopper, byId.get(i.product_id)!), 0) / purchases.length
      catalogMean += catalog.reduce((s, p) => s + affinity(shopper, p), 0) / catalog.length
      n++
    }
    expect(n).toBeGreaterThan(COMMUNITY_SIZE / 2)
    expect(bought / n).toBeGreaterThan(catalogMean / n + 0.5)
  })

  it("happened over the past weeks, each row with its own dedup key", () => {
    const keys = community.interactions.map((i) => i.dedup_key)
    expect(new Set(keys).size).toBe(keys.length)
    const times = community.interactions.map((i) => i.created_at.getTime())
    expect(Math.max(...times)).toBeLessThan(NOW)
    expect(Math.min(...times)).toBeGreaterThan(NOW - COMMUNITY_WEEKS * 7 * 24 * 3600 * 1000 - 24 * 3600 * 1000)
    // Spread over the weeks, not all on one day.
    expect(new Set(times.map((t) => Math.floor((NOW - t) / (7 * 24 * 3600 * 1000)))).size).toBeGreaterThanOrEqual(COMMUNITY_WEEKS - 1)
  })

  it("builds looks of a top and a bottom or a dress, with shoes, never two pieces of one slot", () => {
    const looks = buildLooks(catalog)
    expect(looks.length).toBe(catalog.filter((p) => p.slot === "top" || p.slot === "dress").length)
    for (const look of looks) {
      const slots = look.product_ids.map((id) => byId.get(id)!.slot)
      expect(new Set(slots).size).toBe(slots.length)
      expect(slots).toContain("shoes")
      expect(slots.includes("dress") || (slots.includes("top") && slots.includes("bottom"))).toBe(true)
    }
  })

  it("is empty, not broken, without a catalog", () => {
    const empty = simulateCommunity([], { now: NOW })
    expect(empty.shoppers.length).toBe(COMMUNITY_SIZE)
    expect(empty.interactions).toEqual([])
  })
})
