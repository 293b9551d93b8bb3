import { generateDemoCatalog, pricePoint } from "../generate-catalog"
import { renderGarmentSvg } from "../render-garment"
import { CATEGORIES, REGIONS } from "../vocabulary"
import { selectProducts } from "../seed-catalog"

describe("demo catalog", () => {
  const catalog = generateDemoCatalog()

  it("has at least 300 products across every fashion category", () => {
    expect(catalog.length).toBeGreaterThanOrEqual(300)
    const categories = new Set(catalog.map((p) => p.category.handle))
    expect([...categories].sort()).toEqual(
      ["accessories", "bags", "dresses", "jeans", "knitwear", "outerwear", "shirts", "shoes", "skirts", "tops", "trousers"].sort()
    )
  })

  it("is the same on every run (the seed relies on it to stay idempotent)", () => {
    expect(generateDemoCatalog()).toEqual(catalog)
    expect(new Set(catalog.map((p) => p.handle)).size).toBe(catalog.length)
    expect(new Set(catalog.flatMap((p) => p.variants.map((v) => v.sku))).size).toBe(catalog.reduce((n, p) => n + p.variants.length, 0))
  })

  it("sizes apparel XS–XXL, shoes by number and bags as one size, in one or more colours", () => {
    const byShape = (handle: string) => catalog.find((p) => p.category.handle === handle)!
    expect(byShape("dresses").sizes).toEqual(["XS", "S", "M", "L", "XL", "XXL"])
    expect(byShape("shoes").sizes).toContain("38")
    expect(byShape("bags").sizes).toEqual(["One size"])
    for (const p of catalog) expect(p.variants).toHaveLength(p.sizes.length * p.colours.length)
  })

  it("prices every variant in every region's currency at retail price points", () => {
    for (const p of catalog) {
      for (const v of p.variants) expect(Object.keys(v.prices).sort()).toEqual(REGIONS.map((r) => r.currency).sort())
    }
    expect(pricePoint(52.3)).toBe(49)
    expect(pricePoint(12.2)).toBe(11.95)
  })

  it("leaves realistic stock gaps, more of them in the US warehouse and in edge sizes", () => {
    const variants = catalog.flatMap((p) => p.variants)
    const gaps = (w: "eu" | "us") => variants.filter((v) => v.stock[w] === 0).length / variants.length
    expect(gaps("eu")).toBeGreaterThan(0.03)
    expect(gaps("us")).toBeGreaterThan(gaps("eu"))
    expect(gaps("us")).toBeLessThan(0.5)
  })

  it("gives every product two to four images and brand, material, season and occasion", () => {
    for (const p of catalog) {
      expect(p.images.length).toBeGreaterThanOrEqual(2)
      expect(p.images.length).toBeLessThanOrEqual(4)
      expect(p.brand && p.material && p.season && p.occasions.length).toBeTruthy()
    }
  })

  it("gives every colour of a product a photo of its own, so its variants never show another colour", () => {
    const unpictured = catalog.flatMap((p) =>
      p.colours
        .filter((c) => !p.images.some((i) => i.colour.name === c.name && i.view !== "back" && i.view !== "detail"))
        .map((c) => `${p.title} in ${c.name}`)
    )
    expect(unpictured).toEqual([])
    expect(catalog.filter((p) => p.colours.length > 2).length).toBeGreaterThan(0)
  })

  it("renders each view as a distinct SVG in the product's colour", () => {
    const p = catalog[0]
    const svgs = (["front", "back", "detail"] as const).map((view) =>
      renderGarmentSvg({ shape: p.category.shape, colourHex: p.colours[0].hex, pattern: p.pattern, view, variationSeed: 0 })
    )
    expect(new Set(svgs).size).toBe(3)
    for (const svg of svgs) expect(svg).toContain(p.colours[0].hex)
  })

  it("selects a smaller shop of the same shape for tests", () => {
    const small = selectProducts(catalog, 2)
    expect(small).toHaveLength(CATEGORIES.length * 2)
  })
})
