import { isWardrobeSeason, normalizeCategory, normalizeColour, normalizeColours } from "../normalize"

describe("wardrobe normalisation", () => {
  it("spells colours one way and drops duplicates and blanks", () => {
    expect(normalizeColour("  navy   BLUE ")).toBe("Navy Blue")
    expect(normalizeColour("off-white")).toBe("Off-White")
    expect(normalizeColours(["navy", "Navy", " ", "écru"])).toEqual(["Navy", "Écru"])
  })

  it("turns categories into handles", () => {
    expect(normalizeCategory(" Knit Wear ")).toBe("knit-wear")
  })

  it("accepts only the catalog's season vocabulary", () => {
    expect(isWardrobeSeason("autumn-winter")).toBe(true)
    expect(isWardrobeSeason("Autumn-Winter")).toBe(false)
    expect(isWardrobeSeason("winter")).toBe(false)
  })
})
