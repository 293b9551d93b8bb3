import { tryOnCategoryOf } from "../try-on-garment"

describe("tryOnCategoryOf", () => {
  it("takes the first category try-on supports, through a merchant's nested categories", () => {
    expect(tryOnCategoryOf([{ handle: "tops" }])).toBe("tops")
    expect(tryOnCategoryOf([{ handle: "new-in" }, { handle: "womens-jeans", parent_category: { handle: "jeans" } }])).toBe("jeans")
    expect(tryOnCategoryOf([{ handle: "sale", parent_category: { handle: "womens", parent_category: { handle: "dresses" } } }])).toBe("dresses")
  })

  it("hands an unsupported category on as it is (the sidecar refuses it with its own message), and none without one", () => {
    expect(tryOnCategoryOf([{ handle: "shoes" }])).toBe("shoes")
    expect(tryOnCategoryOf([null, { handle: "bags" }])).toBe("bags")
    expect(tryOnCategoryOf([])).toBeNull()
  })
})
