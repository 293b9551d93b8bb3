import { RemoteQueryFunction } from "@medusajs/framework/types"
import { PRODUCT_CARD_CACHE } from "./catalog-cache"

/**
 * Which picture shows a colour. Images belong to colours through Medusa's variant images: the seed
 * (and a merchant, in the admin's variant media) assigns each photo to the variants of the colour
 * it shows, and gives those variants that colour's front photo as their thumbnail. Medusa copies a
 * variant's thumbnail onto cart lines and so onto orders; product cards of a colour-filtered
 * listing and wardrobe items made from orders ask here.
 */

type OptionRow = { value?: string | null; option?: { title?: string | null } | null } | null
type ImageRow = { id?: string | null; url?: string | null; rank?: number | null } | null

export type ColourImageVariant = {
  id?: string
  thumbnail?: string | null
  images?: ImageRow[] | null
  options?: OptionRow[] | null
}

export type ColourImageProduct = {
  id?: string
  thumbnail?: string | null
  variants?: (ColourImageVariant | null)[] | null
}

export const isColourOptionTitle = (title: string | null | undefined) => /^colou?r$/i.test((title ?? "").trim())

const sameColour = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/** The variant's value of the product's Colour option, if it has one. */
export function variantColour(variant: ColourImageVariant): string | undefined {
  return (variant.options ?? []).find((o) => o && isColourOptionTitle(o.option?.title))?.value ?? undefined
}

/** The picture of one variant: its own thumbnail, else its first image by rank. */
export function variantImageUrl(variant: ColourImageVariant | null | undefined): string | null {
  if (!variant) return null
  if (variant.thumbnail) return variant.thumbnail
  const images = (variant.images ?? []).filter((i): i is NonNullable<ImageRow> => !!i?.url)
  images.sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
  return images[0]?.url ?? null
}

/** The picture of a colour of a product (the first colour named that it has), else the product's thumbnail. */
export function colourImageUrl(product: ColourImageProduct, colours: string[]): string | null {
  const variants = (product.variants ?? []).filter((v): v is ColourImageVariant => !!v)
  for (const colour of colours) {
    for (const variant of variants) {
      const value = variantColour(variant)
      const url = value && sameColour(value, colour) ? variantImageUrl(variant) : null
      if (url) return url
    }
  }
  return product.thumbnail ?? null
}

/** query.graph fields that colourImageUrl reads from a product. */
export const COLOUR_IMAGE_FIELDS = [
  "id",
  "thumbnail",
  "variants.id",
  "variants.thumbnail",
  "variants.images.url",
  "variants.images.rank",
  "variants.options.value",
  "variants.options.option.title",
]

type Query = Omit<RemoteQueryFunction, symbol>

/** Each product's picture in the first of `colours` it has (product cards of a listing filtered by colour). */
export async function colourThumbnails(query: Query, productIds: string[], colours: string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>()
  if (!productIds.length || !colours.length) return out
  const { data } = await query.graph({ entity: "product", fields: COLOUR_IMAGE_FIELDS, filters: { id: productIds } }, PRODUCT_CARD_CACHE)
  for (const product of data as unknown as (ColourImageProduct & { id: string })[]) out.set(product.id, colourImageUrl(product, colours))
  return out
}

/** Each variant's picture (its colour's), falling back to its product's thumbnail; deleted variants included, as orders keep them. */
export async function variantThumbnails(query: Query, variantIds: string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>()
  if (!variantIds.length) return out
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "thumbnail", "images.url", "images.rank", "product.thumbnail"],
    filters: { id: variantIds },
    withDeleted: true,
  })
  for (const v of data as unknown as (ColourImageVariant & { id: string; product?: { thumbnail?: string | null } | null })[]) {
    out.set(v.id, variantImageUrl(v) ?? v.product?.thumbnail ?? null)
  }
  return out
}
