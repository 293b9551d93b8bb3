import { generateDemoCatalog } from "../generate-catalog"
import { outfitChoices, SOCIAL_POSTS } from "../seed-social"

const catalog = generateDemoCatalog()
/** The seed's outfit slots, top to bottom (seed-social.ts OUTFIT_SLOTS). */
const SLOT_CATEGORIES = [
  ["outerwear", "knitwear", "shirts", "tops", "dresses"],
  ["trousers", "jeans", "skirts"],
  ["shoes", "bags", "accessories"],
]
const inSlot = (slot: number) => catalog.filter((p) => SLOT_CATEGORIES[slot].includes(p.category.handle))
const post = (caption: RegExp) => SOCIAL_POSTS.find((p) => caption.test(p.caption))!
const titles = (slot: number, caption: RegExp) => outfitChoices(post(caption), slot, inSlot(slot)).map((p) => `${p.title} (${p.colours[0].name})`)

describe("demo feed posts: the photo shows what the caption says", () => {
  it("'Denim on denim' is blue denim on top and blue jeans below, not a pink dress", () => {
    const tops = outfitChoices(post(/^Denim on denim/), 0, inSlot(0))
    const bottoms = outfitChoices(post(/^Denim on denim/), 1, inSlot(1))
    expect(tops.length).toBeGreaterThan(0)
    expect(bottoms.length).toBeGreaterThan(0)
    for (const p of tops) expect([p.title, p.colours[0].family]).toEqual([expect.stringMatching(/denim|chambray/i), "blue"])
    for (const p of bottoms) expect([p.category.handle, p.colours[0].family]).toEqual(["jeans", "blue"])
  })

  it("a named garment is that garment: the coat, the pleated skirt, the dress, the knit, the trousers", () => {
    for (const t of titles(0, /^This coat/)) expect(t).toMatch(/coat|parka/i)
    for (const t of titles(1, /pleated skirt/)) expect(t).toMatch(/pleated skirt/i)
    for (const t of titles(0, /^Birthday dinner/)) expect(t).toMatch(/dress/i)
    expect(outfitChoices(post(/warm knit/), 0, inSlot(0)).every((p) => p.category.handle === "knitwear")).toBe(true)
    expect(outfitChoices(post(/perfect trousers/), 1, inSlot(1)).every((p) => p.category.handle === "trousers")).toBe(true)
  })

  it("every wish of every caption is met by some product, so no caption falls back to any garment", () => {
    for (const p of SOCIAL_POSTS)
      for (const [slot, wants] of Object.entries(p.wants ?? {})) {
        const met = wants.some((wanted) => inSlot(Number(slot)).some(wanted))
        expect([p.caption, slot, met]).toEqual([p.caption, slot, true])
      }
  })
})
