import type { ProductCard } from "../../types/http/product-card"
import type { VisualSearchItem } from "../../types/http/visual-search"
import { tagSuggestionsOf } from "../photo-suggestions"

const card = (id: string) => ({ id, title: id, handle: id, thumbnail: null, calculated_price: null, in_stock: true }) as ProductCard
const item = (handle: string, box: VisualSearchItem["box"], ids: string[]): VisualSearchItem => ({
  box,
  category: { handle, confidence: 0.9 },
  colours: [],
  products: ids.map((id, i) => ({ product: card(id), score: 1 - i / 10, image_url: null, reasons: ["same category"] })),
  size_relaxed: false,
})

describe("tagSuggestionsOf", () => {
  const items = [
    item("dresses", { x: 0.1, y: 0.2, width: 0.4, height: 0.6 }, ["prod_dress", "prod_dress2", "prod_bag"]),
    item("bags", { x: 0.6, y: 0.5, width: 0.2, height: 0.2 }, ["prod_bag", "prod_bag2"]),
  ]

  it("gives every garment its best match before any gets a second, each product once, pinned at its garment's centre", () => {
    const suggestions = tagSuggestionsOf(items, 10)
    expect(suggestions.map((s) => [s.product.id, s.category, s.x, s.y])).toEqual([
      ["prod_dress", "dresses", 0.3, 0.5],
      ["prod_bag", "bags", 0.7, 0.6],
      ["prod_dress2", "dresses", 0.3, 0.5],
      ["prod_bag2", "bags", 0.7, 0.6],
    ])
  })

  it("stops at the limit and answers nothing for a photo without garments", () => {
    expect(tagSuggestionsOf(items, 1).map((s) => s.product.id)).toEqual(["prod_dress"])
    expect(tagSuggestionsOf([], 5)).toEqual([])
  })
})
