import { inStockLocationKeys, sellableUnits, SELLABLE_EVERYWHERE, variantInStock, variantInStockKeys } from "../stock-availability"

const level = (location_id: string, stocked: number, reserved = 0) => ({ location_id, stocked_quantity: stocked, reserved_quantity: reserved })
const item = (levels: ReturnType<typeof level>[], required = 1) => ({ required_quantity: required, inventory: { location_levels: levels } })
const tracked = (...items: ReturnType<typeof item>[]) => ({ manage_inventory: true, allow_backorder: false, inventory_items: items })

describe("stock availability", () => {
  it("sells stocked minus reserved units of the given locations, divided by the units a variant needs", () => {
    const links = [item([level("ams", 7, 2), level("nj", 10)], 2)]
    expect(sellableUnits(links, new Set(["ams"]))).toBe(2)
    expect(sellableUnits(links, new Set(["ams", "nj"]))).toBe(7)
    expect(sellableUnits(links, new Set(["paris"]))).toBe(0)
    // A bundle is limited by its scarcest part; over-reserved stock never goes negative.
    expect(sellableUnits([item([level("ams", 5)]), item([level("ams", 1, 3)])], new Set(["ams"]))).toBe(0)
    expect(sellableUnits([], new Set(["ams"]))).toBeNull()
  })

  it("keys a variant by each location that alone can sell it, or anywhere when stock is not counted", () => {
    expect(variantInStockKeys(tracked(item([level("nj", 3), level("ams", 1, 1)])))).toEqual(["nj"])
    expect(variantInStockKeys(tracked(item([level("ams", 0)])))).toEqual([])
    expect(variantInStockKeys({ manage_inventory: false, inventory_items: [] })).toEqual([SELLABLE_EVERYWHERE])
    expect(variantInStockKeys({ ...tracked(item([level("ams", 0)])), allow_backorder: true })).toEqual([SELLABLE_EVERYWHERE])
    // Two parts in two warehouses: no single shipment can fill it.
    expect(variantInStockKeys(tracked(item([level("ams", 4)]), item([level("nj", 4)])))).toEqual([])
  })

  it("keys a product by the union of its variants, with 'any' kept apart so facet counts add up", () => {
    const s = tracked(item([level("ams", 2)]))
    const m = tracked(item([level("nj", 2), level("ams", 1)]))
    expect(inStockLocationKeys([s, m, null])).toEqual(["ams", "nj"])
    expect(inStockLocationKeys([s, { manage_inventory: false }])).toEqual([SELLABLE_EVERYWHERE])
    expect(inStockLocationKeys([tracked(item([level("ams", 0)]))])).toEqual([])
  })

  it("says 'in stock' for a shopper exactly when the index keys the variant under one of the shopper's locations", () => {
    const variants = [
      tracked(item([level("nj", 3), level("ams", 1, 1)])),
      tracked(item([level("ams", 4)]), item([level("nj", 4)])),
      tracked(item([level("ams", 0)])),
      { manage_inventory: false, inventory_items: [] },
      { ...tracked(item([level("ams", 0)])), allow_backorder: true },
    ]
    for (const locations of [["ams"], ["nj"], ["ams", "nj"], []]) {
      for (const variant of variants) {
        const keys = variantInStockKeys(variant)
        expect(variantInStock(variant, locations)).toBe(keys.some((k) => k === SELLABLE_EVERYWHERE || locations.includes(k)))
      }
    }
  })

  it("asks one location to fill the whole quantity (what the cart already holds plus one)", () => {
    const m = tracked(item([level("ams", 2), level("nj", 3)]))
    expect(variantInStock(m, ["ams", "nj"], 3)).toBe(true)
    expect(variantInStock(m, ["ams"], 3)).toBe(false)
    expect(variantInStock(m, ["ams", "nj"], 4)).toBe(false)
    expect(variantInStock({ ...m, allow_backorder: true }, [], 10)).toBe(true)
  })
})
