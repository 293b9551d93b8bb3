import { lowestPrice, parseCalculatedPrice } from "../product-card"

describe("product card prices", () => {
  it("reads a calculated price, with the original amount defaulting to the calculated one", () => {
    expect(parseCalculatedPrice({ calculated_amount: "40", original_amount: 50, currency_code: "eur" })).toEqual({
      calculated_amount: 40,
      original_amount: 50,
      currency_code: "eur",
    })
    expect(parseCalculatedPrice({ calculated_amount: 40, original_amount: null, currency_code: "eur" })).toEqual({
      calculated_amount: 40,
      original_amount: 40,
      currency_code: "eur",
    })
  })

  it("has no price when the region has none (null amount or no calculated_price)", () => {
    expect(parseCalculatedPrice({ calculated_amount: null, currency_code: "usd" })).toBeNull()
    expect(parseCalculatedPrice(undefined)).toBeNull()
  })

  it("shows the lowest variant price when no variant is chosen, ignoring unpriced variants", () => {
    const eur = (calculated_amount: number, original_amount = calculated_amount) => ({ calculated_amount, original_amount, currency_code: "eur" })
    expect(lowestPrice([eur(60), null, eur(45, 90), eur(50)])).toEqual(eur(45, 90))
    expect(lowestPrice([null, null])).toBeNull()
    expect(lowestPrice([])).toBeNull()
  })
})
