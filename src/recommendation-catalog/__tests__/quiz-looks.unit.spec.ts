import type { CatalogItem, Slot } from "../../recommendation"
import { pickQuizLooks } from "../quiz-looks"

const item = (id: string, slot: Slot, colour: string, extra: Partial<CatalogItem> = {}): CatalogItem => ({
  product_id: id,
  title: `Item ${id}`,
  category_handle: slot === "top" ? "tops" : slot === "bottom" ? "trousers" : slot,
  slot,
  colours: [{ name: colour, hex: null }],
  material: null,
  pattern: null,
  season: null,
  occasions: [],
  brand: null,
  price: 50,
  currency_code: "eur",
  variants: [{ id: `${id}_v`, size: "M", in_stock: true }],
  sold_in_region: true,
  ...extra,
})

describe("the style quiz's looks", () => {
  const catalog = [
    item("t1", "top", "Navy"),
    item("t2", "top", "Navy"),
    item("t3", "top", "Red"),
    item("b1", "bottom", "Navy"),
    item("b2", "bottom", "Camel"),
    item("d1", "dress", "Black"),
    item("s1", "shoes", "White"),
    item("a1", "accessory", "Olive"),
    item("x1", "top", "Lilac", { sold_in_region: false }),
    item("x2", "top", "Rust", { variants: [{ id: "x2_v", size: "M", in_stock: false }] }),
  ]

  it("spreads over slots and colours, leaves out accessories and what cannot be bought, and is the same every time", () => {
    const picked = pickQuizLooks(catalog, 5).map((i) => i.product_id)
    expect(new Set(pickQuizLooks(catalog, 5).map((i) => i.slot))).toEqual(new Set(["top", "bottom", "dress", "shoes"]))
    expect(picked).not.toContain("a1")
    expect(picked).not.toContain("x1")
    expect(picked).not.toContain("x2")
    // A new slot first, then a new colour: the red top, then camel trousers rather than a second navy top;
    // ties go to the earlier title.
    expect(picked).toEqual(["b1", "d1", "s1", "t3", "b2"])
    expect(pickQuizLooks([...catalog].reverse(), 5).map((i) => i.product_id)).toEqual(picked)
    expect(pickQuizLooks(catalog, 50)).toHaveLength(7)
  })
})
