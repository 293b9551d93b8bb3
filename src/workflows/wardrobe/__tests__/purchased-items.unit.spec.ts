import { wardrobeItemsFromOrder, purchasedItemPhoto, PurchasedLineItem, PurchasedOrder } from "../purchased-items"
import { normalizeWardrobeItemFields } from "../normalize"

const order = (overrides: Partial<PurchasedOrder> = {}): PurchasedOrder => ({
  id: "order_1",
  customer_id: "cus_1",
  currency_code: "EUR",
  created_at: "2026-05-04T16:20:00Z",
  customer: { has_account: true },
  items: [
    {
      id: "li_1",
      title: "Relaxed Linen Shirt",
      product_title: "Relaxed Linen Shirt",
      product_subtitle: "Maison Lune",
      variant_id: "variant_navy_m",
      product_id: "prod_1",
      unit_price: 89,
      variant: {
        options: [
          { value: "navy", option: { title: "Colour" } },
          { value: "M", option: { title: "Size" } },
        ],
      },
      product: { material: "linen", metadata: { brand: "Maison Lune", season: "spring-summer" }, categories: [{ handle: "Shirts" }] },
    },
    // The same variant on a second line (e.g. added twice): still one wardrobe item.
    { id: "li_2", variant_id: "variant_navy_m", product_id: "prod_1", unit_price: 89 },
    {
      id: "li_3",
      title: "Tote",
      variant_id: "variant_tote",
      product_id: "prod_2",
      unit_price: { numeric: 45 } as any,
      variant_option_values: { Color: "Black" },
      product: { metadata: { season: "resort" } },
    },
    { id: "li_gift", title: "Gift card", variant_id: null },
  ],
  ...overrides,
})

describe("wardrobe items from an order", () => {
  it("makes one item per purchased variant with what the order knows about it", () => {
    const items = wardrobeItemsFromOrder(order())
    expect(items).toHaveLength(2)
    expect(items[0]).toEqual({
      customer_id: "cus_1",
      name: "Relaxed Linen Shirt",
      photo_url: null,
      category: "shirts",
      colours: ["Navy"],
      brand: "Maison Lune",
      size: "M",
      price_paid: 89,
      currency_code: "eur",
      material: "linen",
      season: "spring-summer",
      acquired_on: new Date("2026-05-04T00:00:00Z"),
      source: "order",
      product_id: "prod_1",
      variant_id: "variant_navy_m",
      order_id: "order_1",
      line_item_id: "li_1",
    })
    expect(items[1]).toMatchObject({ name: "Tote", colours: ["Black"], price_paid: 45, season: null, size: null, category: null, brand: null })
  })

  it("pictures each item with its colour's image, else the product's thumbnail", () => {
    const options = (value: string) => [
      { value, option: { title: "Colour" } },
      { value: "M", option: { title: "Size" } },
    ]
    const image = (url: string, rank: number) => ({ url, rank })
    const shirt = (variant_id: string, extra: Partial<PurchasedLineItem> = {}): PurchasedLineItem => ({
      id: `li_${variant_id}`,
      variant_id,
      product_id: "prod_1",
      thumbnail: "https://cdn/line-thumb.jpg",
      variant: { options: options(variant_id.startsWith("black") ? "Black" : "Sage") },
      product: {
        thumbnail: "https://cdn/sage-front.jpg",
        variants: [
          { id: "sage_m", options: options("Sage"), images: [image("https://cdn/sage-front.jpg", 0)] },
          { id: "black_s", options: options("Black"), images: [image("https://cdn/black-detail.jpg", 2), image("https://cdn/black-front.jpg", 1)] },
          { id: "black_m", options: options("Black"), images: [] },
          { id: "navy_m", options: options("Navy"), images: [] },
        ],
      },
      ...extra,
    })
    const items = wardrobeItemsFromOrder(order({ items: [shirt("black_m"), shirt("black_s"), shirt("sage_m")] }))
    // Black M has no image of its own: Black S's first one is the colour's picture.
    expect(items.map((i) => i.photo_url)).toEqual(["https://cdn/black-front.jpg", "https://cdn/black-front.jpg", "https://cdn/sage-front.jpg"])
    // A colour without images, or a product without colour images: the product's thumbnail.
    expect(purchasedItemPhoto(shirt("navy_m"), "Navy")).toBe("https://cdn/sage-front.jpg")
    expect(purchasedItemPhoto(shirt("black_m", { product: { thumbnail: "https://cdn/thumb.jpg" } }), "Black")).toBe("https://cdn/thumb.jpg")
    // The variant's own thumbnail wins; with no product left, the line's picture stays.
    expect(purchasedItemPhoto(shirt("black_m", { variant: { thumbnail: "https://cdn/v.jpg" } }), "Black")).toBe("https://cdn/v.jpg")
    expect(purchasedItemPhoto(shirt("black_m", { product: null }), "Black")).toBe("https://cdn/line-thumb.jpg")
  })

  it("adds nothing for guests or orders without a customer", () => {
    expect(wardrobeItemsFromOrder(order({ customer: { has_account: false } }))).toEqual([])
    expect(wardrobeItemsFromOrder(order({ customer_id: null }))).toEqual([])
    expect(wardrobeItemsFromOrder(order({ items: [] }))).toEqual([])
  })
})

describe("item field normalisation", () => {
  it("trims text, turns blanks into null and normalises colours, category and currency", () => {
    expect(
      normalizeWardrobeItemFields({
        name: " Coat ",
        brand: "  ",
        colours: ["camel", "Camel"],
        category: "Outer Wear",
        currency_code: "GBP",
        acquired_on: "2025-10-02",
      })
    ).toEqual({
      name: "Coat",
      brand: null,
      colours: ["Camel"],
      category: "outer-wear",
      currency_code: "gbp",
      acquired_on: new Date("2025-10-02T00:00:00Z"),
    })
    expect(normalizeWardrobeItemFields({ size: "M" })).toEqual({ size: "M" }) // absent fields stay absent
  })
})
