import { checkItem } from "../../recommendation"
import { emptyStyleProfile } from "../../modules/recommendation/profile"
import type { ShopperContext } from "../../shopper/context"
import { slotOfCategory, toCatalogItem } from "../catalog"
import { effectiveProfile } from "../shopper"

const shopper: ShopperContext = {
  region_id: "reg_eu",
  currency_code: "eur",
  country_code: null,
  sales_channel_ids: ["sc_web"],
  stock_location_ids: ["sloc_eu"],
  stock_location_id: "sloc_eu",
}

const stock = (quantity: number, location = "sloc_eu") => ({
  manage_inventory: true,
  allow_backorder: false,
  inventory_items: [
    { required_quantity: 1, inventory: { location_levels: [{ location_id: location, stocked_quantity: quantity, reserved_quantity: 0 }] } },
  ],
})

const variant = (id: string, size: string, colour: string, amount: number | null, quantity: number, location?: string) => ({
  id,
  metadata: { colour_hex: colour === "Navy" ? "#1f2a44" : null },
  options: [
    { value: colour, option: { title: "Colour" } },
    { value: size, option: { title: "Size" } },
  ],
  calculated_price: amount === null ? null : { calculated_amount: amount, original_amount: amount, currency_code: "eur" },
  ...stock(quantity, location),
})

const row = (overrides: Record<string, unknown> = {}) => ({
  id: "prod_chinos",
  title: "Navy Chinos",
  subtitle: "Atelier",
  material: "cotton twill",
  status: "published",
  metadata: { brand: "Atelier", pattern: "solid", season: "all-season", occasions: ["Work", "weekend"] },
  categories: [{ handle: "trousers" }],
  sales_channels: [{ id: "sc_web" }],
  variants: [
    variant("var_s", "S", "Navy", 79, 3),
    variant("var_m", "M", "Navy", 89, 0),
    variant("var_l", "L", "Navy", 89, 2, "sloc_us"),
    variant("var_xl", "XL", "Stone", null, 5),
  ],
  ...overrides,
})

describe("recommendation catalog adapter", () => {
  it("places categories and wardrobe categories in outfit slots", () => {
    expect(slotOfCategory("trousers")).toBe("bottom")
    expect(slotOfCategory("Shirts")).toBe("top")
    expect(slotOfCategory("dress")).toBe("dress")
    expect(slotOfCategory("bag")).toBe("bag")
    expect(slotOfCategory("umbrellas")).toBeNull()
    expect(slotOfCategory(null)).toBeNull()
  })

  it("reads a product row: stock only at the shopper's locations, unpriced variants unsellable, the highest price for budgets", () => {
    const prices = new Map<string, number>()
    const item = toCatalogItem(row(), shopper, prices)!
    expect(item).toEqual(
      expect.objectContaining({
        category_handle: "trousers",
        slot: "bottom",
        brand: "Atelier",
        occasions: ["work", "weekend"],
        price: 89,
        currency_code: "eur",
        sold_in_region: true,
      })
    )
    expect(item.colours).toEqual([
      { name: "Navy", hex: "#1f2a44" },
      { name: "Stone", hex: null },
    ])
    expect(item.variants.map((v) => [v.size, v.in_stock])).toEqual([
      ["S", true],
      ["M", false],
      ["L", false],
      ["XL", false],
    ])
    expect([...prices]).toEqual([
      ["var_s", 79],
      ["var_m", 89],
      ["var_l", 89],
    ])
  })

  it("a product of another sales channel or without a price in the region is not sold there; an unplaceable category is left out", () => {
    expect(toCatalogItem(row({ sales_channels: [{ id: "sc_other" }] }), shopper, new Map())!.sold_in_region).toBe(false)
    const unpriced = row({ variants: [variant("var_s", "S", "Navy", null, 3)] })
    expect(toCatalogItem(unpriced, shopper, new Map())!.sold_in_region).toBe(false)
    expect(toCatalogItem(row({ categories: [{ handle: "umbrellas" }] }), shopper, new Map())).toBeNull()
  })

  it("merges the query over the profile: sizes key by key, budget caps the item budget, budgets in another currency do not apply", () => {
    const stored = { ...emptyStyleProfile(), sizes: { tops: "M", trousers: "L" }, budget: { max_item: 150, max_outfit: 400, currency_code: "usd" } }
    const profile = effectiveProfile(stored, shopper, { sizes: { trousers: "S" }, budget: 100 })
    expect(profile.sizes).toEqual({ tops: "M", trousers: "S" })
    expect(profile.budget).toEqual({ max_item: 100, max_outfit: 100, currency_code: "eur" })
    const sameCurrency = { ...stored, budget: { ...stored.budget, currency_code: "eur" } }
    expect(effectiveProfile(sameCurrency, shopper, { max_item_price: 60 }).budget).toEqual({ max_item: 60, max_outfit: 400, currency_code: "eur" })
    expect(effectiveProfile(null, shopper, {}).budget).toEqual({ max_item: null, max_outfit: null, currency_code: "eur" })
  })

  it("the core then recommends the variant in the shopper's size that is in stock, or nothing", () => {
    const item = toCatalogItem(row(), shopper, new Map())!
    const inSize = checkItem(item, effectiveProfile(null, shopper, { sizes: { trousers: "S" } }))
    expect(typeof inSize === "object" && inSize.variant.id).toBe("var_s")
    expect(checkItem(item, effectiveProfile(null, shopper, { sizes: { trousers: "M" } }))).toBe("size")
    expect(checkItem(item, effectiveProfile(null, shopper, { sizes: { trousers: "S" }, max_item_price: 80 }))).toBe("item_budget")
  })
})
