/** Each scorer alone: the collaborative, content and knowledge scores and their reasons, and colour harmony. */
import {
  buildCollaborativeModel,
  collaborativeScorer,
  colourHarmony,
  contentScorer,
  garmentHarmony,
  knowledgeScorer,
  outfitKnowledge,
  outfitProblems,
  seasonAt,
} from ".."
import type { CatalogItem, Interaction, OwnedItem } from ".."
import { item, profile } from "./fixtures"

const day = 86_400_000
const t0 = Date.UTC(2026, 0, 1)
const event = (customer_id: string, product_id: string, kind: Interaction["kind"], at: number): Interaction => ({ customer_id, product_id, kind, at })

describe("collaborative scorer", () => {
  // Five shoppers buy the blazer with the trousers; two buy the blazer with a scarf; one views the blazer and a hat.
  const log: Interaction[] = []
  for (let c = 0; c < 5; c++)
    log.push(event(`a${c}`, "blazer", "purchase", t0 + c * day), event(`a${c}`, "trousers", "purchase", t0 + c * day + 1000))
  for (let c = 0; c < 2; c++)
    log.push(event(`b${c}`, "blazer", "add_to_cart", t0 + c * day), event(`b${c}`, "scarf", "add_to_cart", t0 + c * day + 1000))
  log.push(event("v", "blazer", "view", t0), event("v", "hat", "view", t0 + 1000))
  log.push(event("x", "socks", "impression", t0), event("x", "blazer", "impression", t0 + 1000))
  const model = buildCollaborativeModel(log)
  const titles = (id: string) => ({ blazer: "Navy Blazer" })[id]

  it("ranks items bought with the shopper's items above items only viewed with them, and impressions count for nothing", () => {
    const scorer = collaborativeScorer(model, [event("me", "blazer", "purchase", t0 + 30 * day)], titles)
    const trousers = scorer.score("trousers")
    const scarf = scorer.score("scarf")
    const hat = scorer.score("hat")
    expect(trousers.score).toBeGreaterThan(scarf.score)
    expect(scarf.score).toBeGreaterThan(hat.score)
    expect(scorer.score("socks").score).toBe(0)
    expect(trousers.reasons).toContain("often chosen with the Navy Blazer you bought")
    for (const s of [trousers, scarf, hat]) {
      expect(s.score).toBeGreaterThanOrEqual(0)
      expect(s.score).toBeLessThanOrEqual(1)
    }
  })

  it("splits sessions: items far apart in time do not co-occur", () => {
    const apart = buildCollaborativeModel([event("c", "a", "purchase", t0), event("c", "b", "purchase", t0 + 60 * day)], { sessionGapMs: 14 * day })
    expect(apart.neighbours.get("a") ?? []).toHaveLength(0)
    const together = buildCollaborativeModel([event("c", "a", "purchase", t0), event("c", "b", "purchase", t0 + day)], { sessionGapMs: 14 * day })
    // Cosine 1, shrunk by one shared purchase (5 / (5 + 10)).
    expect(together.neighbours.get("a")).toEqual([["b", 5 / 15]])
  })

  it("scores what similar shoppers chose, even with no co-occurrence in one session", () => {
    const similar = buildCollaborativeModel(
      [
        event("twin", "a", "purchase", t0),
        event("twin", "b", "purchase", t0 + 90 * day), // another session: no item–item link from a to b
        event("other", "c", "purchase", t0),
        event("other", "d", "purchase", t0 + 90 * day),
      ],
      { blend: { itemItem: 0.3, similarShoppers: 0.2, popularity: 0.5 } }
    ) // a mix that weighs similar shoppers (the default is tuned mostly to popularity)
    const scorer = collaborativeScorer(similar, [event("me", "a", "like", t0 + 100 * day)], () => undefined)
    expect(scorer.score("b").score).toBeGreaterThan(0)
    expect(scorer.score("b").reasons).toContain("popular with shoppers who share your taste")
    // d is as popular as b, but nothing links it to this shopper.
    expect(scorer.score("d").score).toBeLessThan(scorer.score("b").score - 0.1)
  })

  it("keeps the popularity scale, so that popularity × scale is log(1 + weighted interactions)", () => {
    // The most recent interactions are not decayed: the blazer has 5 × 5 + 2 × 4 + 1 = 34, half-lives aside.
    expect(model.popularityScale).toBeGreaterThan(0)
    expect(model.popularity.get("blazer")).toBe(1)
    const hat = model.popularity.get("hat")! * model.popularityScale!
    expect(hat).toBeGreaterThan(0)
    expect(hat).toBeLessThanOrEqual(Math.log1p(1) + 1e-9)
  })

  it("falls back to popularity for a shopper with no history", () => {
    const scorer = collaborativeScorer(model, [], () => undefined)
    expect(scorer.score("blazer").score).toBeGreaterThan(scorer.score("hat").score)
    expect(scorer.score("blazer").reasons).toEqual(["popular right now"])
  })
})

describe("content scorer", () => {
  const linen = item({ product_id: "linen", colours: [{ name: "Ecru" }], material: "linen", brand: "Hanami", pattern: "striped", price: 60 })
  const history = [event("me", "linen", "purchase", t0)]
  const itemOf = (id: string) => (id === "linen" ? linen : undefined)

  it("scores attribute resemblance to what the shopper bought", () => {
    const scorer = contentScorer(profile(), history, itemOf)
    const alike = scorer.score(item({ colours: [{ name: "Ecru" }], material: "linen", brand: "Hanami", pattern: "striped", price: 62 }))
    const unlike = scorer.score(
      item({ category_handle: "shoes", slot: "shoes", colours: [{ name: "Red" }], material: "suede", brand: "Linea", pattern: "checked", price: 200 })
    )
    expect(alike.score).toBeGreaterThan(0.8)
    expect(unlike.score).toBeLessThan(0.3)
  })

  it("rewards liked colours and brands with reasons, and pulls avoided colours down hard", () => {
    const scorer = contentScorer(profile({ colours_liked: ["navy"], brands: ["Kestrel"], colours_avoided: ["mustard"] }), [], () => undefined)
    const navy = scorer.score(item({ colours: [{ name: "Navy" }], brand: "Kestrel" }))
    expect(navy.reasons).toEqual(["in navy, a colour you like", "from Kestrel, a brand you like"])
    const mustard = scorer.score(item({ colours: [{ name: "Mustard" }], brand: "Kestrel" }))
    expect(mustard.score).toBeLessThan(navy.score * 0.5)
    // A colour family ("blue") matches the colours in it.
    const family = contentScorer(profile({ colours_liked: ["blue"] }), [], () => undefined)
    expect(family.score(item({ colours: [{ name: "Sky Blue" }] })).score).toBeGreaterThan(family.score(item({ colours: [{ name: "Red" }] })).score)
  })

  it("uses the cosine of visual embeddings when items have them", () => {
    const seen = item({ product_id: "seen", embedding: [1, 0, 0, 0] })
    const scorer = contentScorer(profile(), [event("me", "seen", "like", t0)], (id) => (id === "seen" ? seen : undefined))
    const near = scorer.score(item({ embedding: [0.9, 0.1, 0, 0] }))
    const far = scorer.score(item({ embedding: [0, 0, 1, 0] }))
    expect(near.score).toBeGreaterThan(far.score)
    // Without embeddings it still scores, on attributes alone.
    expect(scorer.score(item({ embedding: null })).score).toBeGreaterThan(0)
  })
})

describe("content scorer: taste from the shopper's own history", () => {
  // A catalog where navy is rare (1 in 10) and black common.
  const catalog = Array.from({ length: 20 }, (_, i) =>
    item({ product_id: `c${i}`, colours: [{ name: i < 2 ? "Navy" : "Black" }], brand: i % 2 ? "Linea" : "Hanami" })
  )
  const byId = new Map(catalog.map((c) => [c.product_id, c]))
  const views = (ids: string[]) => ids.map((id, i) => event("me", id, "view", t0 + i))

  it("measures affinity against the catalog's mix: a rare colour the shopper keeps choosing says more than a common one", () => {
    const navyFan = contentScorer(profile(), views(["c0", "c1"]), (id) => byId.get(id), { catalog })
    const navy = item({ colours: [{ name: "Navy" }], brand: "Kestrel" })
    const black = item({ colours: [{ name: "Black" }], brand: "Kestrel" })
    expect(navyFan.evidence(navy)).toBeGreaterThan(0)
    expect(navyFan.evidence(black)).toBeLessThan(0)
    // Choosing black in a catalog that is 90 % black says next to nothing.
    const blackFan = contentScorer(profile(), views(["c2", "c4"]), (id) => byId.get(id), { catalog })
    expect(blackFan.evidence(black)).toBeLessThan(navyFan.evidence(navy) / 5)
  })

  it("smooths: one item is a hint, more of the same is a pattern; no history is no opinion", () => {
    const navy = item({ colours: [{ name: "Navy" }] })
    const once = contentScorer(profile(), views(["c0"]), (id) => byId.get(id), { catalog }).evidence(navy)
    const twice = contentScorer(profile(), views(["c0", "c1"]), (id) => byId.get(id), { catalog }).evidence(navy)
    expect(once).toBeGreaterThan(0)
    expect(twice).toBeGreaterThan(once)
    const none = contentScorer(profile(), [], (id) => byId.get(id), { catalog })
    expect(none.evidence(navy)).toBe(0)
    expect(none.value(navy)).toBe(1)
  })

  it("counts a product once whatever was done with it, and impressions not at all", () => {
    const repeated = [event("me", "c0", "view", t0), event("me", "c0", "purchase", t0 + 1), event("me", "c0", "add_to_cart", t0 + 2)]
    const navy = item({ colours: [{ name: "Navy" }] })
    const a = contentScorer(profile(), repeated, (id) => byId.get(id), { catalog }).evidence(navy)
    const b = contentScorer(profile(), views(["c0"]), (id) => byId.get(id), { catalog }).evidence(navy)
    expect(a).toBeCloseTo(b, 10)
    const shown = contentScorer(profile(), [event("me", "c0", "impression", t0)], (id) => byId.get(id), { catalog })
    expect(shown.evidence(navy)).toBe(0)
  })

  it("keeps value in [0, 1] with the best possible item at 1", () => {
    const scorer = contentScorer(profile({ colours_liked: ["navy"] }), views(["c0", "c1"]), (id) => byId.get(id), { catalog })
    for (const c of catalog) {
      const v = scorer.value(c)
      expect(v).toBeGreaterThanOrEqual(0)
      expect(v).toBeLessThanOrEqual(1)
      expect(v).toBeCloseTo(Math.exp(scorer.evidence(c) - scorer.best), 10)
    }
  })
})

describe("knowledge scorer and outfit rules", () => {
  const chinos: OwnedItem = {
    id: "w1",
    title: "Navy chinos",
    slot: "bottom",
    category_handle: "trousers",
    colours: [{ name: "Navy" }],
    season: "all-season",
  }

  it("says which wardrobe piece an item goes with", () => {
    const scorer = knowledgeScorer({ profile: profile(), wardrobe: [chinos], filters: {}, season: "autumn-winter" })
    const shirt = scorer.score(item({ colours: [{ name: "White" }] }))
    expect(shirt.reasons).toContain("goes with the navy chinos in your wardrobe")
    // Another pair of navy trousers duplicates what the shopper owns.
    const duplicate = scorer.score(item({ slot: "bottom", category_handle: "trousers", colours: [{ name: "Navy" }] }))
    expect(duplicate.score).toBeLessThan(shirt.score)
  })

  it("prefers the requested season and occasion", () => {
    const scorer = knowledgeScorer({
      profile: profile(),
      wardrobe: [],
      filters: { occasion: "work", season: "autumn-winter" },
      season: "autumn-winter",
    })
    const right = scorer.score(item({ season: "autumn-winter", occasions: ["work"] }))
    const wrong = scorer.score(item({ season: "spring-summer", occasions: ["evening"] }))
    expect(right.score).toBeGreaterThan(wrong.score)
    expect(right.reasons).toEqual(["for autumn/winter", "right for work"])
    expect(seasonAt(Date.UTC(2026, 6, 1))).toBe("spring-summer")
    expect(seasonAt(Date.UTC(2026, 11, 1))).toBe("autumn-winter")
  })

  it("knows what makes an outfit", () => {
    expect(outfitProblems(["top", "bottom", "shoes"])).toEqual([])
    expect(outfitProblems(["dress", "shoes", "outerwear", "bag"])).toEqual([])
    expect(outfitProblems(["top", "top", "bottom", "shoes"])).toEqual(["two items in the top slot"])
    expect(outfitProblems(["dress", "top", "shoes"])).toContain("a dress with a top or bottom")
    expect(outfitProblems(["top", "shoes"])).toContain("a top without a bottom")
    expect(outfitProblems(["top", "bottom"])).toEqual(["no shoes"])
  })

  it("scores colour harmony: neutrals go with everything, analogous and complementary hues go, others clash", () => {
    expect(colourHarmony({ name: "Navy" }, { name: "Mustard" }).kind).toBe("neutral")
    expect(colourHarmony({ name: "Red" }, { name: "Rust" }).kind).toBe("analogous")
    expect(colourHarmony({ name: "Sky Blue" }, { name: "Rust" }).kind).toBe("complementary")
    expect(colourHarmony({ name: "Red" }, { name: "Sage" }).score).toBeLessThan(colourHarmony({ name: "Red" }, { name: "Black" }).score)
    // Unnamed colours are judged by their hex.
    expect(colourHarmony({ name: "x", hex: "#ff0000" }, { name: "y", hex: "#9fff00" }).kind).toBe("clash")
    expect(colourHarmony({ name: "x", hex: "#ff0000" }, { name: "y", hex: "#00ff00" }).kind).toBe("triadic")
    expect(garmentHarmony([], [{ name: "Red" }]).kind).toBe("unknown")
  })

  it("scores a whole outfit's harmony with reasons", () => {
    const piece = (slot: CatalogItem["slot"], colour: string) => ({
      slot,
      colours: [{ name: colour }],
      title: colour,
      season: "autumn-winter",
      occasions: ["work"],
    })
    const good = outfitKnowledge([piece("top", "Sky Blue"), piece("bottom", "Rust"), piece("shoes", "Black")], "autumn-winter", "work")
    const clash = outfitKnowledge([piece("top", "Red"), piece("bottom", "Sage"), piece("shoes", "Lilac")], "autumn-winter", "work")
    expect(good.score).toBeGreaterThan(clash.score)
    expect(good.reasons).toEqual(["complementary colours: sky blue with rust", "all for autumn/winter", "dressed for work"])
  })
})
