/**
 * Property tests over random catalogs, profiles, histories, wardrobes and feedback (seeded, so a failure
 * names the seed that reproduces it): no recommendation ever breaks a hard constraint, every outfit is a
 * valid composition within the outfit budget, and a dismissed product never comes back.
 * The checks here are written out again on purpose rather than calling the code under test.
 */
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
import type { CatalogItem, Feedback, OwnedItem, Shopper, Slot, StyleProfile } from ".."
import {
  int,
  pick,
  randomCatalog,
  randomFeedback,
  randomInteractions,
  randomProfile,
  randomWardrobe,
  seededRng,
  OCCASIONS,
  SEASONS,
} from "../testing/random-catalog"

const WORLDS = 250

/** The shopper's size for a category, as the issue defines it for these catalogs (own handle, else its size group). */
function expectedSize(item: CatalogItem, sizes: Record<string, string>): string | undefined {
  const groups = [["tops", "shirts", "knitwear", "outerwear", "dresses"], ["trousers", "jeans", "skirts"], ["shoes"]]
  if (sizes[item.category_handle]) return sizes[item.category_handle]
  if (sizes[item.slot]) return sizes[item.slot]
  const group = groups.find((g) => g.includes(item.category_handle)) ?? []
  for (const handle of group) if (sizes[handle]) return sizes[handle]
  return undefined
}

/** Every way a recommended (product, variant) can break a hard constraint. */
function violations(item: CatalogItem, variantId: string | null, profile: StyleProfile): string[] {
  const problems: string[] = []
  if (!item.sold_in_region) problems.push("not sold in region")
  if (item.currency_code !== profile.budget.currency_code) problems.push("priced in another currency")
  if (profile.budget.max_item !== null && item.price > profile.budget.max_item) problems.push(`price ${item.price} over ${profile.budget.max_item}`)
  const variant = item.variants.find((v) => v.id === variantId)
  if (!variant) problems.push("variant not of this product")
  else {
    if (!variant.in_stock) problems.push("variant out of stock")
    const oneSize = variant.size === null || /^one size$/i.test(variant.size)
    if (!oneSize && variant.size !== expectedSize(item, profile.sizes))
      problems.push(`size ${variant.size}, shopper ${expectedSize(item, profile.sizes)}`)
  }
  return problems
}

function compositionProblems(slots: Slot[]): string[] {
  const counts = new Map<Slot, number>()
  for (const s of slots) counts.set(s, (counts.get(s) ?? 0) + 1)
  const problems: string[] = []
  for (const [s, n] of counts) if (n > 1) problems.push(`${n}× ${s}`)
  const dress = counts.has("dress")
  if (dress && (counts.has("top") || counts.has("bottom"))) problems.push("dress with separates")
  if (!dress && !(counts.has("top") && counts.has("bottom"))) problems.push("no dress and not a top with a bottom")
  if (!counts.has("shoes")) problems.push("no shoes")
  return problems
}

type World = {
  seed: number
  catalog: CatalogItem[]
  shopper: Shopper
  dismissed: Set<string>
  filters: { occasion?: string; season?: string }
}

function world(seed: number): World {
  const rng = seededRng(seed)
  const catalog = randomCatalog(rng, int(rng, 30, 220), { inStock: 0.3 + rng() * 0.6, soldShare: 0.6 + rng() * 0.4 })
  const profile = randomProfile(rng)
  const wardrobe: OwnedItem[] = rng() < 0.7 ? randomWardrobe(rng, int(rng, 1, 12), catalog) : []
  const feedback: Feedback[] = randomFeedback(rng, catalog, int(rng, 0, 25))
  const history = randomInteractions(rng, catalog, 1, int(rng, 0, 30)).map((i) => ({ ...i, customer_id: "me" }))
  return {
    seed,
    catalog,
    shopper: { customer_id: "me", profile, history, wardrobe, feedback },
    dismissed: new Set(feedback.filter((f) => f.action === "dismiss").map((f) => f.product_id)),
    filters: { occasion: rng() < 0.4 ? pick(rng, OCCASIONS) : undefined, season: rng() < 0.5 ? pick(rng, SEASONS.slice(0, 2)) : undefined },
  }
}

describe("hard constraints over random catalogs and profiles", () => {
  it("keeps only items that pass, counts every rejection once, and names the constraint that emptied the list", () => {
    for (let seed = 1; seed <= WORLDS * 4; seed++) {
      const rng = seededRng(seed)
      const catalog = randomCatalog(rng, int(rng, 0, 80), { inStock: rng(), soldShare: rng() })
      const profile = randomProfile(rng)
      const result = applyHardConstraints(catalog, profile)
      for (const { item, variant } of result.kept) expect({ seed, problems: violations(item, variant.id, profile) }).toEqual({ seed, problems: [] })
      const rejected = result.rejected.sold_in_region + result.rejected.size + result.rejected.item_budget
      expect(result.kept.length + rejected).toBe(catalog.length)
      // Every item that passes the independent check was kept.
      const passing = catalog.filter((item) => item.variants.some((v) => violations(item, v.id, profile).length === 0))
      expect(result.kept.map((k) => k.item.product_id).sort()).toEqual(passing.map((p) => p.product_id).sort())
      if (result.kept.length) expect(result.no_match).toBeNull()
      else {
        expect(result.no_match?.reason).toBe("no_match")
        if (catalog.length) {
          const last = (["item_budget", "size", "sold_in_region"] as const).find((c) => result.rejected[c] > 0)
          expect(result.no_match?.emptied_by).toBe(last)
        }
      }
    }
  })
})

describe("the ranking's catalog index over random catalogs and profiles", () => {
  const noModel = buildCollaborativeModel([])

  it("keeps exactly what the item-by-item constraints keep, with the same variant, size and rejection counts", () => {
    for (let seed = 1; seed <= WORLDS; seed++) {
      const rng = seededRng(seed)
      const catalog = randomCatalog(rng, int(rng, 0, 80), { inStock: rng(), soldShare: rng() })
      const profile = randomProfile(rng)
      const expected = applyHardConstraints(catalog, profile)
      const ranking = rankCatalog(indexCatalog(catalog), noModel, { customer_id: null, profile, history: [], wardrobe: [], feedback: [] })
      const byId = (list: Array<{ product_id: string; variant_id: string; size: string | null }>) =>
        list.map((k) => `${k.product_id} ${k.variant_id} ${k.size}`).sort()
      expect({ seed, kept: byId(ranking.ranked) }).toEqual({
        seed,
        kept: byId(expected.kept.map((k) => ({ product_id: k.item.product_id, variant_id: k.variant.id, size: k.size }))),
      })
      expect({ seed, rejected: ranking.rejected }).toEqual({ seed, rejected: expected.rejected })
      // (An empty catalog is "category" to the ranking: nothing in the requested category.)
      if (catalog.length) expect({ seed, no_match: ranking.no_match }).toEqual({ seed, no_match: expected.no_match })
    }
  })

  it("reads stock at request time, and `top` answers the first of `ranked` without sorting it all", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rng = seededRng(seed)
      const catalog = randomCatalog(rng, 60, { inStock: 0.9, soldShare: 1 })
      const index = indexCatalog(catalog)
      const me: Shopper = { customer_id: null, profile: randomProfile(rng), history: [], wardrobe: [], feedback: [] }
      const first = rankCatalog(index, noModel, me)
      const k = int(rng, 1, 20)
      expect(first.top(k).map((r) => r.product_id)).toEqual(
        rankCatalog(index, noModel, me)
          .ranked.slice(0, k)
          .map((r) => r.product_id)
      )
      const sold = first.top(1)[0]
      if (!sold) continue
      sold.variant.in_stock = false
      const after = rankCatalog(index, noModel, me).ranked
      expect(after.some((r) => r.variant_id === sold.variant_id)).toBe(false)
      sold.variant.in_stock = true
    }
  })
})

describe("every surface over random worlds", () => {
  let recommended = 0
  let outfitsChecked = 0

  afterAll(() => {
    // The properties were exercised on real answers, not vacuously.
    expect(recommended).toBeGreaterThan(2000)
    expect(outfitsChecked).toBeGreaterThan(500)
  })

  it("never breaks a constraint, never answers an invalid outfit, never shows a dismissed product", () => {
    for (let seed = 1; seed <= WORLDS; seed++) {
      const w = world(seed)
      const index = indexCatalog(w.catalog)
      const community = randomInteractions(seededRng(seed + 10_000), w.catalog, 30, 15)
      const model = buildCollaborativeModel([...community, ...w.shopper.history])
      const profile = w.shopper.profile
      const context = (what: string) => ({ seed, what })

      const forYou = recommendForYou(index, model, w.shopper, w.filters, { limit: 20, now: Date.UTC(2026, 10, 1) })
      expect(forYou.items.length > 0 || forYou.no_match !== null).toBe(true)
      for (const r of forYou.items) {
        recommended++
        expect({ ...context("for you"), problems: violations(r.item, r.variant_id, profile) }).toEqual({ ...context("for you"), problems: [] })
        expect(w.dismissed.has(r.product_id)).toBe(false)
        expect(r.score).toBeGreaterThanOrEqual(0)
        expect(r.score).toBeLessThanOrEqual(1)
      }
      expect(new Set(forYou.items.map((r) => r.product_id)).size).toBe(forYou.items.length)

      const answers = [
        { what: "outfits", answer: recommendOutfits(index, model, w.shopper, w.filters, { limit: 6 }), anchor: null as CatalogItem | null },
        { what: "dress me", answer: dressMe(index, model, w.shopper, w.filters, { limit: 4 }), anchor: null },
      ]
      for (const anchor of [pick(seededRng(seed), w.catalog), forYou.items[0]?.item].filter(Boolean) as CatalogItem[]) {
        answers.push({
          what: `complete the look ${anchor.product_id}`,
          answer: completeTheLook(index, model, w.shopper, anchor.product_id, w.filters, { limit: 4 }),
          anchor,
        })
      }

      for (const { what, answer, anchor } of answers) {
        expect(answer.outfits.length > 0 || answer.no_match !== null).toBe(true)
        for (const outfit of answer.outfits) {
          outfitsChecked++
          expect({ ...context(what), problems: compositionProblems(outfit.items.map((p) => p.slot)) }).toEqual({ ...context(what), problems: [] })
          const catalogPieces = outfit.items.filter((p) => p.source === "catalog")
          let total = 0
          for (const piece of catalogPieces) {
            recommended++
            const item = index.byId.get(piece.product_id!)!
            expect({ ...context(what), problems: violations(item, piece.variant_id, profile) }).toEqual({ ...context(what), problems: [] })
            if (piece.product_id !== anchor?.product_id) expect(w.dismissed.has(piece.product_id!)).toBe(false)
            total += item.price
          }
          expect(outfit.total.amount).toBeCloseTo(total, 2)
          if (profile.budget.max_outfit !== null) expect(total).toBeLessThanOrEqual(profile.budget.max_outfit + 1e-9)
          if (what === "dress me") {
            expect(catalogPieces.length).toBeLessThanOrEqual(2)
            expect(outfit.items.length - catalogPieces.length).toBeGreaterThanOrEqual(1)
            for (const piece of outfit.items.filter((p) => p.source === "wardrobe"))
              expect(w.shopper.wardrobe.some((o) => o.id === piece.owned_item_id)).toBe(true)
          }
          if (anchor) {
            expect(outfit.items[0].product_id).toBe(anchor.product_id)
            const sameCategory = outfit.items.filter((p) => p.category_handle === anchor.category_handle)
            expect(sameCategory).toHaveLength(1)
          }
        }
      }
    }
  })
})
