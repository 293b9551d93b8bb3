import { addToCartRate } from "../analytics"

describe("lookbook analytics", () => {
  it("computes the add-to-cart rate per view, 0 without views", () => {
    expect(addToCartRate(0, 3)).toBe(0)
    expect(addToCartRate(4, 2)).toBe(0.5)
    expect(addToCartRate(3, 1)).toBe(0.3333)
  })
})
