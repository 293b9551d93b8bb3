import { firstFreeHandle, handleFromTitle } from "../handles"

describe("lookbook handles", () => {
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
})
