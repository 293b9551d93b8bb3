import type { StoreLookbookPieceVariant } from "@curator/types/lookbook"
import type { LookHotspot } from "@lib/data/lookbooks"

/** What the shopper has chosen for one piece: a value per option title ({ Colour: "Black", Size: "M" }). */
export type PieceSelection = Record<string, string>

/**
 * The piece's starting choice: the photo's colour (and any other option) preselected, the size
 * left for the shopper, since nobody chose the photo's size.
 */
export function initialSelection(h: LookHotspot): PieceSelection {
  const photo = h.product.variants.find((v) => v.id === h.variant.id)?.options ?? {}
  const selection: PieceSelection = {}
  for (const option of h.product.options) {
    if (option.title === h.product.size_option) continue
    const value = photo[option.title] ?? (option.values.length === 1 ? option.values[0] : undefined)
    if (value !== undefined) selection[option.title] = value
  }
  const size = h.product.options.find((o) => o.title === h.product.size_option)
  // A size with one value is not a choice.
  if (size && size.values.length === 1) selection[size.title] = size.values[0]
  return selection
}

/** The variant matching every option the shopper chose, or null while any is missing or the combination does not exist. */
export function chosenVariant(h: LookHotspot, selection: PieceSelection): StoreLookbookPieceVariant | null {
  if (!h.product.options.length) return h.product.variants.find((v) => v.id === h.variant.id) ?? null
  if (h.product.options.some((o) => selection[o.title] === undefined)) return null
  return h.product.variants.find((v) => h.product.options.every((o) => v.options[o.title] === selection[o.title])) ?? null
}

/** Whether the shopper still has to choose (a size) before this piece can go into the cart. */
export const needsChoice = (h: LookHotspot, selection: PieceSelection) => !chosenVariant(h, selection)

/** The variant a shopper would get for one value of an option, the other choices kept (for "out of stock" labels). */
export function variantWith(h: LookHotspot, selection: PieceSelection, title: string, value: string): StoreLookbookPieceVariant | null {
  return chosenVariant(h, { ...selection, [title]: value })
}

/**
 * The look's total: the sum of the pieces' calculated prices (the product card's, from the
 * backend), each chosen variant once as the cart takes it; before a size is chosen the photo's
 * variant stands in. Null when no piece has a price in the shopper's region.
 */
export function lookTotal(hotspots: LookHotspot[], selections: Record<string, PieceSelection>): number | null {
  const counted = new Set<string>()
  let total: number | null = null
  for (const h of hotspots) {
    const v = chosenVariant(h, selections[h.id] ?? {})
    const id = v?.id ?? h.variant.id
    const price = v ? v.calculated_price : h.variant.calculated_price
    if (counted.has(id) || !price) continue
    counted.add(id)
    // Whole cents, so that 0.1 + 0.2 does not show as 0.30000000000000004.
    total = Math.round(((total ?? 0) + price.calculated_amount) * 100) / 100
  }
  return total
}
