import { StoreCreateWardrobeItem, StoreGetWardrobeItemsParams, StoreLogWear } from "../validators"

describe("wardrobe validators", () => {
  it("accepts multipart spellings of lists, numbers and blanks", () => {
    const parsed = StoreCreateWardrobeItem.parse({ name: "Coat", colours: "Navy, White", price_paid: "120.50", currency_code: "eur", brand: "" })
    expect(parsed).toMatchObject({ name: "Coat", colours: ["Navy", "White"], price_paid: 120.5, brand: null })
  })

  it("refuses a price without currency, unknown fields and impossible dates", () => {
    expect(StoreCreateWardrobeItem.safeParse({ name: "Coat", price_paid: 10 }).success).toBe(false)
    expect(StoreCreateWardrobeItem.safeParse({ name: "Coat", colour: "Navy" }).success).toBe(false)
    expect(StoreLogWear.safeParse({ worn_on: "2026-02-29" }).success).toBe(false)
    expect(StoreLogWear.safeParse({ worn_on: "2024-02-29" }).success).toBe(true)
  })

  it("parses list filters and bounds pagination", () => {
    expect(StoreGetWardrobeItemsParams.parse({ colour: ["Navy,White", "Black"], limit: "5" })).toMatchObject({
      colour: ["Navy", "White", "Black"],
      limit: 5,
      offset: 0,
    })
    expect(StoreGetWardrobeItemsParams.safeParse({ limit: "101" }).success).toBe(false)
    expect(StoreGetWardrobeItemsParams.safeParse({ season: "summer" }).success).toBe(false)
  })
})
