import { resolveLookPieces } from "../steps/prepare-look-cart-items"

type Choice = { title: string; size_option: string | null; variant_ids: string[] }
const dress: Choice = { title: "Wrap Dress", size_option: "Size", variant_ids: ["dress_xs", "dress_m", "dress_black_m"] }
const scarf: Choice = { title: "Silk Scarf", size_option: null, variant_ids: ["scarf_one"] }
const choices = new Map([
  ["prod_dress", dress],
  ["prod_scarf", scarf],
])
const hotspots = [
  { id: "hot_1", variant_id: "dress_xs", product_id: "prod_dress" },
  { id: "hot_2", variant_id: "scarf_one", product_id: "prod_scarf" },
]
const everyoneSees = () => true

describe("resolveLookPieces", () => {
  it("adds the shopper's size for a sized piece and the photo's variant for a one-size piece", () => {
    expect(resolveLookPieces(hotspots, [{ hotspot_id: "hot_1", variant_id: "dress_black_m" }], choices, everyoneSees)).toEqual([
      { variant_id: "dress_black_m", product_id: "prod_dress" },
      { variant_id: "scarf_one", product_id: "prod_scarf" },
    ])
  })

  it("refuses a sized piece without a choice, naming it, instead of adding the photo's size", () => {
    expect(() => resolveLookPieces(hotspots, [], choices, everyoneSees)).toThrow("choose a size for Wrap Dress (hot_1)")
  })

  it("refuses a variant of another product, naming the piece", () => {
    expect(() => resolveLookPieces(hotspots, [{ hotspot_id: "hot_2", variant_id: "dress_m" }], choices, everyoneSees)).toThrow(
      "dress_m is not a variant of Silk Scarf (hot_2)"
    )
  })

  it("refuses a choice for a hotspot that is not in the look", () => {
    expect(() => resolveLookPieces(hotspots, [{ hotspot_id: "hot_9", variant_id: "dress_m" }], choices, everyoneSees)).toThrow(
      "not pieces of this look: hot_9"
    )
  })

  it("needs no size for a piece the shopper cannot see (it is reported as not added instead)", () => {
    expect(resolveLookPieces(hotspots, [], choices, (id) => id !== "dress_xs")).toEqual([
      { variant_id: "dress_xs", product_id: "prod_dress" },
      { variant_id: "scarf_one", product_id: "prod_scarf" },
    ])
  })
})
