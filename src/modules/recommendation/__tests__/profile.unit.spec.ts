import { applyPatch, emptyStyleProfile, mergeProfiles, normalizePatch, normalizeSize, sizeScaleOf, StyleProfileValidationError } from "../profile"

describe("style profile rules", () => {
  it("knows each category's sizes and puts them in canonical form", () => {
    expect(["tops", "dresses", "outerwear", "some-new-category"].map(sizeScaleOf)).toEqual(["clothing", "clothing", "clothing", "clothing"])
    expect([sizeScaleOf("shoes"), sizeScaleOf("jeans"), sizeScaleOf("bags")]).toEqual(["shoes", "bottoms", "one_size"])
    const size = (handle: string, raw: unknown) => {
      const result = normalizeSize(handle, raw)
      return "size" in result ? result.size : null
    }
    expect([size("tops", " xs"), size("tops", "2XL"), size("tops", "XXXL"), size("tops", 40)]).toEqual(["XS", "XXL", null, null])
    expect([
      size("shoes", 35),
      size("shoes", "48"),
      size("shoes", "EU 38,5"),
      size("shoes", "34.5"),
      size("shoes", "48.5"),
      size("shoes", "39.2"),
    ]).toEqual(["35", "48", "38.5", null, null, null])
    expect([
      size("trousers", "W32"),
      size("trousers", "24"),
      size("trousers", "40"),
      size("trousers", "23"),
      size("trousers", "41"),
      size("jeans", "l"),
    ]).toEqual(["32", "24", "40", null, null, "L"])
    expect([size("bags", "one-size"), size("bags", "M")]).toEqual(["One size", null])
  })

  it("lists every bad field at once", () => {
    try {
      normalizePatch({ sizes: { tops: "Q", shoes: "99" }, fit: "tight" })
      throw new Error("expected a validation error")
    } catch (error) {
      expect(error).toBeInstanceOf(StyleProfileValidationError)
      expect((error as StyleProfileValidationError).issues.map((i) => i.field)).toEqual(["sizes.tops", "sizes.shoes", "fit"])
    }
  })

  it("merges so the newer profile wins per field, lists are joined, and no colour is both liked and avoided", () => {
    const older = applyPatch(
      emptyStyleProfile(),
      normalizePatch({ sizes: { tops: "L", shoes: "42" }, colours_liked: ["black", "red"], budget: { max_item: 100, currency_code: "eur" } })
    )
    const newer = applyPatch(
      emptyStyleProfile(),
      normalizePatch({ sizes: { tops: "M" }, colours_avoided: ["black"], budget: { max_item: 50, max_outfit: 80, currency_code: "usd" } })
    )
    const merged = mergeProfiles(older, newer)
    expect(merged.sizes).toEqual({ tops: "M", shoes: "42" })
    expect(merged.colours_liked).toEqual(["red"])
    expect(merged.colours_avoided).toEqual(["black"])
    // Two currencies: the newer budget is taken whole, never amounts of one with the code of the other.
    expect(merged.budget).toEqual({ max_item: 50, max_outfit: 80, currency_code: "usd" })
  })
})
