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
    // Two words from every product count once per product.
    expect(buildVocabulary(["Dress Dress"]).get("dress")?.hits).toBe(1)
  })

  it("leaves words alone when nothing in the catalog is close", () => {
    expect(correctQuery("spaceship", vocabulary)).toEqual({ query: "spaceship", changed: false })
    expect(correctQuery("xyz", vocabulary).changed).toBe(false)
  })

  it("finds T-shirts for 'tshirt' instead of correcting it to 'shirt'", () => {
    const catalog = buildVocabulary(["Organic Cotton T-Shirt", "Oxford Shirt", "Linen Shirt", "Silk Shirt"])
    // "tshirt" is a synonym the T-shirt is indexed under: nothing to correct.
    expect(correctQuery("tshirt", catalog)).toEqual({ query: "tshirt", changed: false })
    // Misspelt, it goes to the T-shirt rather than to the more frequent "shirt" one edit away.
    expect(correctQuery("tshirts", catalog)).toEqual({ query: "tshirt", changed: true })
    expect(correctQuery("tshrt", catalog)).toEqual({ query: "tshirt", changed: true })
  })

  it("searches a word typed without its hyphen as the catalog writes it", () => {
    const catalog = buildVocabulary(["Roll-Neck Sweater", "Wide-Leg Trousers"])
    expect(correctQuery("rollneck", catalog)).toEqual({ query: "roll-neck", changed: true })
    expect(correctQuery("wideleg trousers", catalog)).toEqual({ query: "wide-leg trousers", changed: true })
    expect(correctQuery("rolneck", catalog)).toEqual({ query: "roll-neck", changed: true })
  })

  it("prefers the catalog word more products use, then one with the same first letter", () => {
    const catalog = buildVocabulary(["Linen Dress", "Silk Dress", "Wrap Dress", "Dross Print Scarf"])
    expect(catalog.get("dress")).toEqual({ hits: 3, form: "dress" })
    expect(correctQuery("drxss", catalog).query).toBe("dress")
    // "bootz"/"rootz" are one edit from "boots" (3 products) and "roots" (1) alike: the same first letter wins over hits.
    const boots = buildVocabulary(["Leather Boots", "Suede Boots", "Ankle Boots", "Rain Roots Hat"])
    expect(correctQuery("bootz", boots).query).toBe("boots")
    expect(correctQuery("rootz", boots).query).toBe("roots")
  })

  it("knows the synonym words a product is indexed under", () => {
    const catalog = buildVocabulary(["Crewneck Jumper", "Running Sneakers"])
    expect(correctQuery("sweater", catalog).changed).toBe(false)
    expect(correctQuery("swaeter", catalog)).toEqual({ query: "sweater", changed: true })
    expect(correctQuery("trainres", catalog)).toEqual({ query: "trainers", changed: true })
  })

  it("tokenizes case- and accent-insensitively", () => {
    expect(tokenize("Crêpe  Midi-Dress!")).toEqual(["crepe", "midi", "dress"])
  })
})
