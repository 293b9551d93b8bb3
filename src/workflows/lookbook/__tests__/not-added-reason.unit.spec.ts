import { notAddedReason } from "../steps/prepare-look-cart-items"

const sellable = {
  exists: true,
  product_status: "published",
  in_sales_channel: true,
  has_price: true,
  manage_inventory: true,
  allow_backorder: false,
  available: 3,
}

describe("why a hotspot variant cannot go into the cart", () => {
  it("lets a published, priced, stocked variant in", () => {
    expect(notAddedReason(sellable, 0)).toBeNull()
    expect(notAddedReason(sellable, 2)).toBeNull() // 2 in the cart + 1 = 3 available
  })

  it("names the first reason that applies", () => {
    expect(notAddedReason({ ...sellable, exists: false }, 0)).toBe("variant_deleted")
    expect(notAddedReason({ ...sellable, product_status: "draft", has_price: false }, 0)).toBe("product_unpublished")
    expect(notAddedReason({ ...sellable, in_sales_channel: false }, 0)).toBe("not_in_sales_channel")
    expect(notAddedReason({ ...sellable, has_price: false, available: 0 }, 0)).toBe("not_sold_in_region")
    expect(notAddedReason({ ...sellable, available: 0 }, 0)).toBe("out_of_stock")
    expect(notAddedReason({ ...sellable, available: null }, 0)).toBe("out_of_stock")
  })

  it("counts what the cart already holds against the stock", () => {
    expect(notAddedReason(sellable, 3)).toBe("out_of_stock")
  })

  it("always sells unmanaged or backorderable variants", () => {
    expect(notAddedReason({ ...sellable, manage_inventory: false, available: 0 }, 10)).toBeNull()
    expect(notAddedReason({ ...sellable, allow_backorder: true, available: 0 }, 10)).toBeNull()
  })
})
