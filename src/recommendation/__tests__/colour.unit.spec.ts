import { colourLikeness, namedColourHex } from "../colour"

describe("colourLikeness", () => {
  it("is 1 for the same colour and falls with the distance in CIELAB, to 0 for colours far apart", () => {
    expect(colourLikeness("#c19a6b", "#C19A6B")).toBe(1)
    const nearCamel = colourLikeness("#c19a6b", "#c49c6a")!
    const camelToLilac = colourLikeness("#c19a6b", "#b7a4d6")!
    expect(nearCamel).toBeGreaterThan(0.9)
    expect(camelToLilac).toBeLessThan(0.5)
    expect(colourLikeness("#000000", "#ffffff")).toBe(0)
  })

  it("answers null for what is not a hex colour", () => {
    expect(colourLikeness("camel", "#c19a6b")).toBeNull()
  })
})

describe("namedColourHex", () => {
  it("knows the catalog's colour names in any case, and nothing else", () => {
    expect(namedColourHex(" Sky Blue ")).toBe("#8fb8de")
    expect(namedColourHex("Chartreuse-ish")).toBeNull()
  })
})
