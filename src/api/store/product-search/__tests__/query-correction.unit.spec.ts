// Beside the route, not in src/search/: Medusa imports every file under src/search/ as a search index definition.
import { allowedTypos, buildVocabulary, correctQuery, editDistance, tokenize } from "../../../../search/query-correction"

describe("product search query correction", () => {
  const vocabulary = buildVocabulary([
    "Fluid Linen Shirt Dress",
    "Relaxed Merino Wool Cardigan",
    "Classic Leather Chelsea Boots",
    "Dresses",
    "Dress",
    "Oxford Shirt",
  ])

  it("measures edits, counting an adjacent swap as one", () => {
    expect(editDistance("dress", "dress")).toBe(0)
    expect(editDistance("drss", "dress")).toBe(1)
    expect(editDistance("sihrt", "shirt")).toBe(1)
    expect(editDistance("cardgian", "cardigan")).toBe(1)
    expect(editDistance("boots", "coat", 1)).toBeGreaterThan(1)
  })

  it("allows no typo in short words, one in medium and two in long words", () => {
    expect(allowedTypos("tee")).toBe(0)
    expect(allowedTypos("dress")).toBe(1)
    expect(allowedTypos("cardigans")).toBe(2)
  })

  it("corrects misspelt words to catalog words and keeps known words", () => {
    expect(correctQuery("linen drss", vocabulary)).toEqual({ query: "linen dress", changed: true })
    expect(correctQuery("merno cardgian", vocabulary)).toEqual({ query: "merino cardigan", changed: true })
    expect(correctQuery("Chelsea boots", vocabulary)).toEqual({ query: "chelsea boots", changed: false })
  })

  it("leaves words alone when nothing in the catalog is close", () => {
    expect(correctQuery("spaceship", vocabulary)).toEqual({ query: "spaceship", changed: false })
    expect(correctQuery("xyz", vocabulary).changed).toBe(false)
  })

  it("tokenizes case- and accent-insensitively", () => {
    expect(tokenize("Crêpe  Midi-Dress!")).toEqual(["crepe", "midi", "dress"])
  })
})
