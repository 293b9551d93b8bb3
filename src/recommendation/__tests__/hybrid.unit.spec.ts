/** The hybrid ranker and the surfaces built on it: reasons, weights, no_match, feedback, outfits, complete the look, dress me. */
import {
  applyHardConstraints,
  buildCollaborativeModel,
  completeTheLook,
  dressMe,
  indexCatalog,
  rankCatalog,
  recommendForYou,
  recommendOutfits,
} from ".."
import type { CatalogItem, Feedback, Interaction, OwnedItem } from ".."
import { item, profile, shopper } from "./fixtures"

const t0 = Date.UTC(2026, 9, 1)
const noModel = buildCollaborativeModel([])

function wardrobeCatalog(): CatalogItem[] {
  return [
    item({ product_id: "tee", slot: "top", category_handle: "tops", colours: [{ name: "White" }], price: 30 }),
    item({ product_id: "shirt", slot: "top", category_handle: "shirts", colours: [{ name: "Sky Blue" }], price: 70 }),
    item({ product_id: "chinos", slot: "bottom", category_handle: "trousers", colours: [{ name: "Camel" }], price: 80 }),
    item({ product_id: "jeans", slot: "bottom", category_handle: "jeans", colours: [{ name: "Navy" }], price: 90 }),
    item({ product_id: "dress", slot: "dress", category_handle: "dresses", colours: [{ name: "Burgundy" }], price: 120 }),
    item({ product_id: "loafers", slot: "shoes", category_handle: "shoes", colours: [{ name: "Black" }], price: 110 }),
    item({ product_id: "sneakers", slot: "shoes", category_handle: "shoes", colours: [{ name: "White" }], price: 90 }),
    item({ product_id: "coat", slot: "outerwear", category_handle: "outerwear", colours: [{ name: "Camel" }], price: 140, season: "autumn-winter" }),
    item({ product_id: "tote", slot: "bag", category_handle: "bags", colours: [{ name: "Black" }], price: 60 }),
  ]
}

describe("for you", () => {
  it("says why, in the shopper's words: size, budget, and what the scorers found", () => {
    const index = indexCatalog([item({ product_id: "a", colours: [{ name: "Navy" }] })])
    const me = shopper({ profile: profile({ colours_liked: ["navy"] }) })
    const [first] = recommendForYou(index, noModel, me, {}, { now: t0 }).items
    expect(first.variant_id).toBe("a-M")
    expect(first.reasons.slice(0, 3)).toEqual(["in your size M", "under your €150 budget", "in navy, a colour you like"])
    const usd = recommendForYou(
      indexCatalog([item({ product_id: "b", currency_code: "usd" })]),
      noModel,
      shopper({ profile: profile({ budget: { max_item: 89.5, max_outfit: null, currency_code: "usd" } }) })
    )
    expect(usd.items[0].reasons).toContain("under your $89.50 budget")
  })

  it("blends the scorers with configurable weights", () => {
    // "liked" matches the profile (content); "popular" is what everyone buys (collaborative).
    const liked = item({ product_id: "liked", colours: [{ name: "Navy" }], brand: "Hanami" })
    const popular = item({ product_id: "popular", colours: [{ name: "Red" }], brand: "Linea" })
    const bought = item({ product_id: "bought", colours: [{ name: "Red" }], brand: "Linea" })
    const log: Interaction[] = []
    for (let c = 0; c < 10; c++)
      log.push(
        { customer_id: `c${c}`, product_id: "bought", kind: "purchase" as const, at: t0 },
        { customer_id: `c${c}`, product_id: "popular", kind: "purchase" as const, at: t0 + 1 }
      )
    const model = buildCollaborativeModel(log)
    const index = indexCatalog([liked, popular, bought])
    const me = shopper({
      profile: profile({ colours_liked: ["navy"], brands: ["Hanami"] }),
      history: [{ customer_id: "me", product_id: "bought", kind: "purchase", at: t0 + 5 }],
    })
    const top = (weights: { collaborative: number; content: number; knowledge: number }) =>
      recommendForYou(index, model, me, {}, { weights, now: t0 }).items[0].product_id
    expect(top({ collaborative: 1, content: 0, knowledge: 0 })).toBe("popular")
    expect(top({ collaborative: 0, content: 1, knowledge: 0 })).toBe("liked")
    // What the shopper bought is not recommended again.
    expect(recommendForYou(index, model, me).items.map((r) => r.product_id)).not.toContain("bought")
  })

  it("multiplies taste by popularity (log-linear): taste breaks ties in popularity, and popularity ties in taste", () => {
    // The shopper chose two navy Hanami pieces; a, b are navy Hanami, c, d red Linea; a and c are popular, b and d not.
    const catalog = [
      item({ product_id: "seen1", colours: [{ name: "Navy" }], brand: "Hanami" }),
      item({ product_id: "seen2", colours: [{ name: "Navy" }], brand: "Hanami" }),
      item({ product_id: "a", colours: [{ name: "Navy" }], brand: "Hanami" }),
      item({ product_id: "b", colours: [{ name: "Navy" }], brand: "Hanami" }),
      item({ product_id: "c", colours: [{ name: "Red" }], brand: "Linea" }),
      item({ product_id: "d", colours: [{ name: "Red" }], brand: "Linea" }),
      ...Array.from({ length: 10 }, (_, i) => item({ product_id: `x${i}`, colours: [{ name: "Black" }], brand: "Kestrel" })),
    ]
    const log: Interaction[] = []
    for (let c = 0; c < 8; c++) for (const id of ["a", "c"]) log.push({ customer_id: `c${c}`, product_id: id, kind: "purchase", at: t0 + c })
    const model = buildCollaborativeModel(log)
    const me = shopper({
      history: ["seen1", "seen2"].map((id, i) => ({ customer_id: "me", product_id: id, kind: "view" as const, at: t0 + 100 + i })),
    })
    const ranking = rankCatalog(indexCatalog(catalog), model, me, {}, { now: t0 })
    const order = ranking.ranked.map((r) => r.product_id)
    expect(order.indexOf("a")).toBeLessThan(order.indexOf("b"))
    expect(order.indexOf("a")).toBeLessThan(order.indexOf("c"))
    expect(order.indexOf("b")).toBeLessThan(order.indexOf("d"))
    expect(order.indexOf("c")).toBeLessThan(order.indexOf("d"))
    for (const r of ranking.ranked) {
      expect(r.score).toBeGreaterThanOrEqual(0)
      expect(r.score).toBeLessThanOrEqual(1)
    }
    // The linear mean of the first version is still there on request, and ranks the same two extremes.
    const linear = rankCatalog(indexCatalog(catalog), model, me, {}, { now: t0, blend: "linear" }).ranked.map((r) => r.product_id)
    expect(linear.indexOf("a")).toBeLessThan(linear.indexOf("d"))
  })

  it("answers no_match naming the constraint that emptied the list, never relaxing it", () => {
    const index = indexCatalog([item({ price: 200 }), item({ price: 300 })])
    const answer = recommendForYou(index, noModel, shopper())
    expect(answer.items).toEqual([])
    expect(answer.no_match).toEqual({ reason: "no_match", emptied_by: "item_budget" })
    expect(answer.rejected.item_budget).toBe(2)

    const noSize = recommendForYou(indexCatalog([item({ variants: [{ id: "v", size: "M", in_stock: false }] })]), noModel, shopper())
    expect(noSize.no_match?.emptied_by).toBe("size")
    const category = recommendForYou(indexCatalog([item()]), noModel, shopper(), { category: "hats" })
    expect(category.no_match?.emptied_by).toBe("category")
    // No size in the profile for a sized category: not recommended (a fit that cannot be promised).
    const unknown = applyHardConstraints([item({ category_handle: "swimwear" })], profile({ sizes: { shoes: "39" } }))
    expect(unknown.no_match?.emptied_by).toBe("size")
  })
})

describe("feedback", () => {
  const catalog = [
    item({ product_id: "a", brand: "Kestrel", pattern: "floral", colours: [{ name: "Red" }], price: 40 }),
    item({ product_id: "b", brand: "Kestrel", pattern: "floral", colours: [{ name: "Red" }], price: 45 }),
    item({ product_id: "c", brand: "Linea", pattern: "solid", colours: [{ name: "Navy" }], price: 120 }),
    item({
      product_id: "d",
      brand: "Hanami",
      pattern: "striped",
      colours: [{ name: "White" }],
      price: 60,
      slot: "bottom",
      category_handle: "trousers",
    }),
  ]
  const index = indexCatalog(catalog)
  const score = (feedback: Feedback[], id: string) => rankCatalog(index, noModel, shopper({ feedback })).ranked.find((r) => r.product_id === id)

  it("never brings back a dismissed product, nor one that was not the shopper's size", () => {
    const ranked = rankCatalog(
      index,
      noModel,
      shopper({
        feedback: [
          { product_id: "a", action: "dismiss", at: t0 },
          { product_id: "c", action: "not_my_size", at: t0 },
        ],
      })
    ).ranked
    expect(ranked.map((r) => r.product_id).sort()).toEqual(["b", "d"])
    const all = rankCatalog(
      index,
      noModel,
      shopper({ feedback: catalog.map((c) => ({ product_id: c.product_id, action: "dismiss" as const, at: t0 })) })
    )
    expect(all.no_match?.emptied_by).toBe("feedback")
  })

  it("lowers items at or above a price called too expensive, and items like one that was not the shopper's style", () => {
    expect(score([{ product_id: "c", action: "too_expensive", at: t0 }], "c")!.score).toBeLessThan(score([], "c")!.score)
    expect(score([{ product_id: "c", action: "too_expensive", at: t0 }], "a")!.score).toBe(score([], "a")!.score)
    expect(score([{ product_id: "a", action: "not_my_style", at: t0 }], "b")!.score).toBeLessThan(score([], "b")!.score)
    expect(score([{ product_id: "a", action: "not_my_style", at: t0 }], "d")!.score).toBe(score([], "d")!.score)
  })

  it("counts a like as taste", () => {
    expect(score([{ product_id: "a", action: "like", at: t0 }], "b")!.score).toBeGreaterThan(score([], "b")!.score)
  })
})

describe("outfits", () => {
  const index = indexCatalog(wardrobeCatalog())

  it("composes varied outfits within the outfit budget, with a total and reasons", () => {
    const answer = recommendOutfits(
      index,
      noModel,
      shopper({ profile: profile({ budget: { max_item: 150, max_outfit: 300, currency_code: "eur" } }) }),
      { season: "autumn-winter" }
    )
    expect(answer.outfits.length).toBeGreaterThan(1)
    for (const outfit of answer.outfits) {
      expect(outfit.total.amount).toBeLessThanOrEqual(300)
      expect(outfit.total.currency_code).toBe("eur")
      expect(outfit.reasons).toContain(`€${outfit.total.amount} in total, within your €300 outfit budget`)
    }
    // Tops and bottoms are not repeated across outfits.
    const heroes = answer.outfits.flatMap((o) => o.items.filter((p) => ["top", "bottom", "dress"].includes(p.slot)).map((p) => p.product_id))
    expect(new Set(heroes).size).toBe(heroes.length)
  })

  it("answers no_match outfit_budget when every outfit costs too much", () => {
    const answer = recommendOutfits(
      index,
      noModel,
      shopper({ profile: profile({ budget: { max_item: 150, max_outfit: 100, currency_code: "eur" } }) })
    )
    expect(answer.outfits).toEqual([])
    expect(answer.no_match).toEqual({ reason: "no_match", emptied_by: "outfit_budget" })
  })

  it("completes the look around a product without more of its category", () => {
    const answer = completeTheLook(index, noModel, shopper(), "chinos", { season: "autumn-winter" })
    expect(answer.outfits.length).toBeGreaterThan(0)
    for (const outfit of answer.outfits) {
      expect(outfit.items[0].product_id).toBe("chinos")
      expect(outfit.items.map((p) => p.slot)).not.toContain("dress")
      expect(outfit.items.filter((p) => p.slot === "bottom")).toHaveLength(1)
    }
    // A product the shopper cannot buy in their size has no look to complete.
    const shoes = completeTheLook(index, noModel, shopper({ profile: profile({ sizes: { tops: "M", trousers: "M", shoes: "45" } }) }), "loafers")
    expect(shoes.no_match?.emptied_by).toBe("size")
  })

  it("dresses the shopper from their wardrobe, adding at most two catalog products", () => {
    const wardrobe: OwnedItem[] = [
      { id: "w1", title: "Navy chinos", slot: "bottom", category_handle: "trousers", colours: [{ name: "Navy" }], occasions: ["work"] },
      { id: "w2", title: "White oxford shirt", slot: "top", category_handle: "shirts", colours: [{ name: "White" }], occasions: ["work"] },
    ]
    const answer = dressMe(index, noModel, shopper({ wardrobe }), { occasion: "work" })
    expect(answer.outfits.length).toBeGreaterThan(0)
    const first = answer.outfits[0]
    expect(
      first.items
        .filter((p) => p.source === "wardrobe")
        .map((p) => p.owned_item_id)
        .sort()
    ).toEqual(["w1", "w2"])
    expect(first.items.filter((p) => p.source === "catalog").length).toBeLessThanOrEqual(2)
    expect(first.reasons).toContain("2 pieces from your wardrobe")
    expect(dressMe(index, noModel, shopper()).no_match?.emptied_by).toBe("composition")
  })
})
