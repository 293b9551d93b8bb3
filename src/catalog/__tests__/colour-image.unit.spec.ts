import { colourImageUrl, variantColour, variantImageUrl } from "../colour-image"

const option = (title: string, value: string) => ({ value, option: { title } })
const variant = (id: string, colour: string, size: string, picture: { thumbnail?: string | null; images?: string[] } = {}) => ({
  id,
  thumbnail: picture.thumbnail ?? null,
  images: (picture.images ?? []).map((url) => ({ url })),
  options: [option("Colour", colour), option("Size", size)],
})

describe("the picture of a colour", () => {
  const product = {
    thumbnail: "sage-front.jpg",
    variants: [
      variant("v1", "Sage", "S", { thumbnail: "sage-front.jpg", images: ["sage-front.jpg", "sage-back.jpg"] }),
      variant("v2", "Black", "S", { thumbnail: "black-front.jpg", images: ["black-front.jpg"] }),
      variant("v3", "Black", "M", { thumbnail: "black-front.jpg", images: ["black-front.jpg"] }),
      variant("v4", "Lilac", "S"),
    ],
  }

  it("reads a variant's colour from its Colour (or Color) option", () => {
    expect(variantColour(product.variants[1])).toBe("Black")
    expect(variantColour({ options: [option("color", "Navy")] })).toBe("Navy")
    expect(variantColour({ options: [option("Size", "M")] })).toBeUndefined()
  })

  it("is the colour's own picture, in any case, for the first named colour the product has", () => {
    expect(colourImageUrl(product, ["Black"])).toBe("black-front.jpg")
    expect(colourImageUrl(product, ["black"])).toBe("black-front.jpg")
    expect(colourImageUrl(product, ["Rust", "Black", "Sage"])).toBe("black-front.jpg")
  })

  it("falls back to the product's thumbnail when the colour has no picture of its own or the product lacks it", () => {
    expect(colourImageUrl(product, ["Lilac"])).toBe("sage-front.jpg")
    expect(colourImageUrl(product, ["Rust"])).toBe("sage-front.jpg")
    expect(colourImageUrl({ thumbnail: null, variants: null }, ["Black"])).toBeNull()
  })

  it("is a variant's thumbnail, else its first image", () => {
    expect(variantImageUrl(variant("a", "Black", "S", { thumbnail: "t.jpg", images: ["i.jpg"] }))).toBe("t.jpg")
    expect(variantImageUrl(variant("b", "Black", "S", { images: ["i.jpg"] }))).toBe("i.jpg")
    expect(variantImageUrl(variant("c", "Black", "S"))).toBeNull()
    expect(variantImageUrl(null)).toBeNull()
  })
})
