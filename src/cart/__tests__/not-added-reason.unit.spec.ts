import { notAddedReason } from "../cart-additions"

/** A tracked variant with `units` in Amsterdam, where the cart's region ships from. */
const stocked = (units: number | null, extra: { manage_inventory?: boolean; allow_backorder?: boolean } = {}) => ({
  manage_inventory: true,
  allow_backorder: false,
  ...extra,
  inventory_items:
    units === null
      ? []
      : [{ required_quantity: 1, inventory: { location_levels: [{ location_id: "ams", stocked_quantity: units, reserved_quantity: 0 }] } }],
})

const sellable = {
  exists: true,
  product_status: "published",
  in_sales_channel: true,
  has_price: true,
  stock: stocked(3),
  location_ids: ["ams"],
}

describe("why a hotspot variant cannot go into the cart", () => {
  it("lets a published, priced, stocked variant in", () => {
    expect(notAddedReason(sellable, 0)).toBeNull()
    expect(notAddedReason(sellable, 2)).toBeNull() // 2 in the cart + 1 = 3 available
  })

  it("names the first reason that applies", () => {
    expect(notAddedReason({ ...sellable, exists: false, stock: null }, 0)).toBe("variant_deleted")
    expect(notAddedReason({ ...sellable, product_status: "draft", has_price: false }, 0)).toBe("product_unpublished")
    expect(notAddedReason({ ...sellable, in_sales_channel: false }, 0)).toBe("not_in_sales_channel")
    expect(notAddedReason({ ...sellable, has_price: false, stock: stocked(0) }, 0)).toBe("not_sold_in_region")
    expect(notAddedReason({ ...sellable, stock: stocked(0) }, 0)).toBe("out_of_stock")
    expect(notAddedReason({ ...sellable, stock: stocked(null) }, 0)).toBe("out_of_stock")
  })

  it("counts only the stock of the locations serving the cart's region", () => {
    expect(notAddedReason({ ...sellable, location_ids: ["nj"] }, 0)).toBe("out_of_stock")
    expect(notAddedReason({ ...sellable, location_ids: [] }, 0)).toBe("out_of_stock")
  })

  it("counts what the cart already holds against the stock", () => {
    expect(notAddedReason(sellable, 3)).toBe("out_of_stock")
  })

  it("always sells unmanaged or backorderable variants", () => {
    expect(notAddedReason({ ...sellable, stock: stocked(0, { manage_inventory: false }) }, 10)).toBeNull()
    expect(notAddedReason({ ...sellable, stock: stocked(0, { allow_backorder: true }), location_ids: [] }, 10)).toBeNull()
  })
})
