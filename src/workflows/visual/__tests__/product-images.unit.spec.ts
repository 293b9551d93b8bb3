import { absoluteImageUrl } from "../image-bytes"
import { IndexedProductSource, indexableProduct, indexableProducts, sameMetadata } from "../product-images"

const colour = (value: string) => ({ value, option: { title: "Colour" } })
const size = (value: string) => ({ value, option: { title: "Size" } })

const coat: IndexedProductSource = {
  id: "prod_coat",
  status: "published",
  subtitle: "Northwind",
  metadata: { brand: "Northwind", colour_families: ["black"] },
  images: [
    { id: "img_back", url: "http://x/back.jpg", rank: 1, variants: [] },
    { id: "img_front", url: "http://x/front.jpg", rank: 0, variants: [] },
    { id: "img_red", url: "http://x/red.jpg", rank: 2, variants: [{ id: "var_red_m" }] },
  ],
  variants: [
    { id: "var_black_s", options: [colour("Black"), size("S")] },
    { id: "var_red_m", options: [colour("Red"), size("M")] },
  ],
  options: [
    { title: "Colour", values: [{ value: "Black" }, { value: "Red" }] },
    { title: "Size", values: [{ value: "S" }, { value: "M" }] },
  ],
  categories: [{ handle: "coats" }, { handle: "outerwear" }],
}

describe("product images for the visual index", () => {
  it("gives each image of a published product its metadata, in rank order", () => {
    const { product_id, images } = indexableProduct(coat)
    expect(product_id).toBe("prod_coat")
    expect(images.map((i) => i.image_id)).toEqual(["img_front", "img_back", "img_red"])
    expect(images[0]).toEqual({
      image_id: "img_front",
      url: "http://x/front.jpg",
      metadata: {
        kind: "product",
        product_id: "prod_coat",
        variant_ids: ["var_black_s", "var_red_m"],
        category: "coats",
        colours: ["Black", "Red"],
        brand: "Northwind",
      },
    })
    // An image of some variants (Medusa's variant images): those variants and their colour.
    expect(images[2].metadata).toMatchObject({ variant_ids: ["var_red_m"], colours: ["Red"] })
  })

  it("reads colours from metadata without a colour option, and leaves out a missing category and brand", () => {
    const plain = indexableProduct({
      id: "prod_plain",
      status: "published",
      metadata: { colours: ["Navy", " Navy", "Ecru"] },
      images: [{ id: "img_1", url: "http://x/1.jpg" }],
      variants: [{ id: "var_1", options: [size("M")] }],
      options: [{ title: "Size", values: [{ value: "M" }] }],
      categories: [],
    })
    expect(plain.images[0].metadata).toEqual({ kind: "product", product_id: "prod_plain", variant_ids: ["var_1"], colours: ["Navy", "Ecru"] })
  })

  it("indexes nothing of unpublished or missing products", () => {
    expect(indexableProduct({ ...coat, status: "draft" }).images).toEqual([])
    expect(indexableProducts(["prod_coat", "prod_gone", "prod_coat"], [coat]).map((p) => [p.product_id, p.images.length])).toEqual([
      ["prod_coat", 3],
      ["prod_gone", 0],
    ])
  })

  it("compares metadata whatever the key order", () => {
    expect(sameMetadata({ a: 1, b: ["x", "y"] }, { b: ["x", "y"], a: 1 })).toBe(true)
    expect(sameMetadata({ a: 1, b: ["x", "y"] }, { a: 1, b: ["y", "x"] })).toBe(false)
    expect(sameMetadata({ a: 1 }, { a: 1, brand: "B" })).toBe(false)
  })

  it("resolves relative image URLs against the backend's address", () => {
    expect(absoluteImageUrl("https://cdn.example/a.jpg", {})).toBe("https://cdn.example/a.jpg")
    expect(absoluteImageUrl("/static/a.jpg", { MEDUSA_BACKEND_URL: "http://shop.local:9000" })).toBe("http://shop.local:9000/static/a.jpg")
    expect(absoluteImageUrl("/static/a.jpg", { PORT: "9100" })).toBe("http://localhost:9100/static/a.jpg")
  })
})
