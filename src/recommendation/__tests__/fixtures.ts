/** Small hand-made catalog items and profiles for the scorer tests. */
import type { CatalogItem, Shopper, StyleProfile } from ".."

let next = 0

export function item(overrides: Partial<CatalogItem> & { slot?: CatalogItem["slot"] } = {}): CatalogItem {
  const id = overrides.product_id ?? `p${++next}`
  const sizes = overrides.slot === "bag" ? ["One size"] : overrides.slot === "shoes" ? ["38", "39", "40"] : ["S", "M", "L"]
  return {
    product_id: id,
    title: `Item ${id}`,
    category_handle: "tops",
    slot: "top",
    colours: [{ name: "Black", hex: "#1b1b1d" }],
    material: "cotton",
    pattern: "solid",
    season: "all-season",
    occasions: ["everyday"],
    brand: "Kestrel",
    styles: [],
    price: 50,
    currency_code: "eur",
    variants: sizes.map((size) => ({ id: `${id}-${size}`, size, in_stock: true })),
    sold_in_region: true,
    embedding: null,
    ...overrides,
  }
}

export function profile(overrides: Partial<StyleProfile> = {}): StyleProfile {
  return {
    sizes: { tops: "M", trousers: "M", shoes: "39" },
    budget: { max_item: 150, max_outfit: 400, currency_code: "eur" },
    colours_liked: [],
    colours_avoided: [],
    styles: [],
    brands: [],
    occasions: [],
    fit: null,
    ...overrides,
  }
}

export function shopper(overrides: Partial<Shopper> = {}): Shopper {
  return { customer_id: "me", profile: profile(), history: [], wardrobe: [], feedback: [], ...overrides }
}
