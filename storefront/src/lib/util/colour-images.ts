/**
 * Which photos show a colour. Images belong to colours through Medusa's variant images (assigned
 * by the seed, or by a merchant in the admin's variant media): a colour's photos are its variants'
 * thumbnail and images. The backend reads the same data in src/catalog/colour-image.ts for listing
 * cards, cart lines and orders.
 */

type VariantImages = {
  thumbnail?: string | null
  images?: ({ url?: string | null } | null)[] | null
  options?: ({ value?: string | null; option?: { title?: string | null } | null; option_id?: string | null } | null)[] | null
}

export type GalleryImage = { id: string; url: string }

const sameColour = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/** Photo URLs per colour value: the thumbnail of the colour's variants first, then their images. */
export function colourImageUrls(variants: VariantImages[], colourOption: { id: string; title: string } | undefined): Record<string, string[]> {
  const byColour: Record<string, string[]> = {}
  if (!colourOption) return byColour
  for (const variant of variants) {
    const colour = variant.options?.find((o) => o && (o.option_id === colourOption.id || o.option?.title === colourOption.title))?.value
    if (!colour) continue
    const urls = (byColour[colour] ??= [])
    for (const url of [variant.thumbnail, ...(variant.images ?? []).map((i) => i?.url)]) {
      if (url && !urls.includes(url)) urls.push(url)
    }
  }
  return byColour
}

/** The product's photos with the colour's own first; all of them, in their order, when the colour has none. */
export function imagesForColour(images: GalleryImage[], byColour: Record<string, string[]>, colour: string | undefined): GalleryImage[] {
  const key = colour ? Object.keys(byColour).find((c) => sameColour(c, colour)) : undefined
  const own = key ? byColour[key] : []
  if (!own.length) return images
  const rank = (image: GalleryImage) => {
    const i = own.indexOf(image.url)
    return i === -1 ? own.length : i
  }
  const ordered = images.slice().sort((a, b) => rank(a) - rank(b))
  // A colour photo that is not among the product's images (a variant thumbnail of its own) still shows.
  const extra = own.filter((url) => !images.some((image) => image.url === url)).map((url) => ({ id: url, url }))
  return [...extra, ...ordered]
}

/** The colour value among `colours` that a query's `colour` names (any case), if any. */
export function matchColour(colours: string[], wanted: string | string[] | undefined): string | undefined {
  const names = Array.isArray(wanted) ? wanted : wanted ? [wanted] : []
  for (const name of names) {
    const found = colours.find((c) => sameColour(c, name))
    if (found) return found
  }
  return undefined
}

/** The colour a product page opens in: the first in-stock variant's (stock null: not counted, so available). */
export function defaultColour(
  variants: { options: Record<string, string>; stock: number | null }[],
  colourOption: string | undefined
): string | undefined {
  if (!colourOption) return undefined
  return (variants.find((v) => v.stock === null || v.stock > 0) ?? variants[0])?.options[colourOption]
}
