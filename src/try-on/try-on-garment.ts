import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { variantThumbnails } from "../catalog/colour-image"
import { productCards } from "../catalog/product-card"
import { productChoices, SIZE_OPTION } from "../catalog/product-choices"
import { ShopperContext } from "../shopper/context"

/**
 * The catalog categories the ML sidecar can try on (its src/try-on/categories.ts): upper body, full
 * body, lower body. Anything else (shoes, bags, accessories) is sent as it is and refused there with
 * 422 category_not_supported, so the sidecar stays the one judge of what it can draw.
 */
export const TRY_ON_CATEGORY_HANDLES = ["tops", "shirts", "knitwear", "outerwear", "dresses", "trousers", "jeans", "skirts"] as const

export type TryOnGarment = {
  product_id: string
  /** The variant shown: the one asked for, or its sibling in the chosen size (same colour). */
  variant_id: string
  size: string | null
  /** A catalog category handle for the sidecar. */
  category: string
  /** The colour's picture (src/catalog/colour-image.ts), the garment to place. */
  image_url: string
}

type CategoryRow = { handle?: string | null; parent_category?: CategoryRow | null } | null

/** A garment that cannot be tried on: answered 422 { type, message }, as the sidecar's own refusals. */
export class TryOnRefusedError extends Error {
  constructor(
    readonly type: string,
    message: string
  ) {
    super(message)
    this.name = "TryOnRefusedError"
  }
}

const notFound = (variantId: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `Variant with id: ${variantId} was not found`)

/**
 * The category handle to try a product on as: the first of its categories (or their parents, for a
 * merchant's nested "womens-tops" under "tops") that try-on supports; else its first category's
 * handle, which the sidecar refuses with its own message; null when it has no category.
 */
export function tryOnCategoryOf(categories: CategoryRow[]): string | null {
  const supported = new Set<string>(TRY_ON_CATEGORY_HANDLES)
  for (const category of categories) {
    for (let c: CategoryRow = category, depth = 0; c && depth < 5; c = c.parent_category ?? null, depth++) {
      if (c.handle && supported.has(c.handle)) return c.handle
    }
  }
  return categories.find((c) => c?.handle)?.handle ?? null
}

/**
 * What to try on for a variant: the variant in the chosen size (same product, same colour), its
 * category, and its colour's picture. 404 for a variant the shopper cannot see (unknown,
 * unpublished, another sales channel), 400 for one not sold in their region or a size the product
 * does not have in that colour, 422 (TryOnRefusedError) for a product without a category or a picture.
 */
export async function tryOnGarment(
  scope: MedusaContainer,
  input: { variant_id: string; size?: string; shopper: ShopperContext }
): Promise<TryOnGarment> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "product_id", "product.categories.handle", "product.categories.parent_category.handle"],
    filters: { id: input.variant_id },
  })
  const row = data[0] as { id: string; product_id?: string | null; product?: { categories?: CategoryRow[] | null } | null } | undefined
  if (!row?.product_id) throw notFound(input.variant_id)

  // The variant in the chosen size: the sibling with the same values for every other option (its colour).
  const choices = (await productChoices(scope, [row.product_id])).get(row.product_id)
  const own = choices?.variant_options.get(row.id) ?? {}
  const sizeTitle = Object.keys(own).find((title) => SIZE_OPTION.test(title))
  let variantId = row.id
  if (input.size !== undefined && choices) {
    const wanted = input.size.trim().toLowerCase()
    const sibling = choices.variant_ids.find((id) => {
      const options = choices.variant_options.get(id) ?? {}
      if (!sizeTitle || options[sizeTitle]?.trim().toLowerCase() !== wanted) return false
      return Object.entries(own).every(([title, value]) => title === sizeTitle || options[title] === value)
    })
    if (!sibling) {
      const sizes = choices.variant_ids
        .filter((id) => {
          const options = choices.variant_options.get(id) ?? {}
          return Object.entries(own).every(([title, value]) => title === sizeTitle || options[title] === value)
        })
        .map((id) => (sizeTitle ? choices.variant_options.get(id)?.[sizeTitle] : undefined))
        .filter((s): s is string => !!s)
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        sizes.length
          ? `size "${input.size}" is not a size of this product in this colour; its sizes are ${[...new Set(sizes)].join(", ")}`
          : `size "${input.size}" cannot be chosen: this product comes in one size`
      )
    }
    variantId = sibling
  }
  const size = sizeTitle ? (choices?.variant_options.get(variantId)?.[sizeTitle] ?? null) : null

  // Visible to this shopper (published, in the key's sales channels) and priced in their region.
  const card = (await productCards(scope, { variant_ids: [variantId], shopper: input.shopper })).variants.get(variantId)
  if (!card) throw notFound(input.variant_id)
  if (!card.card.calculated_price) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Variant with id: ${variantId} is not sold in region ${input.shopper.region_id}`)
  }

  const category = tryOnCategoryOf(row.product?.categories ?? [])
  if (!category) {
    throw new TryOnRefusedError("category_not_supported", "This product has no category, so it cannot be tried on")
  }
  // One rule for a colour's picture (src/catalog/colour-image.ts): the variant's own, else the product's thumbnail.
  const imageUrl = (await variantThumbnails(query, [variantId])).get(variantId)
  if (!imageUrl) throw new TryOnRefusedError("garment_not_found", "This product has no picture of this colour to try on")
  return { product_id: row.product_id, variant_id: variantId, size, category, image_url: imageUrl }
}
