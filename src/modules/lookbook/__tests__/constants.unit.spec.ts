import { addToCartRate, firstFreeHandle, handleFromTitle } from "../constants"

describe("lookbook handles and rates", () => {
  it("makes URL handles from titles", () => {
    expect(handleFromTitle("Autumn Layers")).toBe("autumn-layers")
    expect(handleFromTitle("  Café & Côte — Résort 2026! ")).toBe("cafe-and-cote-resort-2026")
    expect(handleFromTitle("!!!")).toBe("")
    expect(handleFromTitle("x".repeat(150))).toHaveLength(100)
  })

  it("picks the first free handle, numbering from 2", () => {
    expect(firstFreeHandle("city", new Set())).toBe("city")
    expect(firstFreeHandle("city", new Set(["city", "city-2"]))).toBe("city-3")
    expect(firstFreeHandle("", new Set(["lookbook"]))).toBe("lookbook-2")
  })

  it("computes the add-to-cart rate per view, 0 without views", () => {
    expect(addToCartRate(0, 3)).toBe(0)
    expect(addToCartRate(4, 2)).toBe(0.5)
    expect(addToCartRate(3, 1)).toBe(0.3333)
  })
})
