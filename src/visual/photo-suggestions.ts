import type { MedusaContainer } from "@medusajs/framework/types"
import { normalizeCategory, normalizeColours } from "../modules/wardrobe/normalize"
import type { ShopperContext } from "../shopper/context"
import type { StoreSocialTagSuggestion } from "../types/http/social"
import type { VisualSearchItem } from "../types/http/visual-search"
import type { StoreWardrobePhotoSuggestionsResponse } from "../types/http/wardrobe"
import { searchByPhoto } from "./visual-search"

/*
 * Search by photo where a shopper adds a photo of their own (issue #15 §4): product tags to suggest
 * for a new post, and the category, colours and matching products to pre-fill a wardrobe item with.
 * Both run the photo search (visual-search.ts): the same garments, product cards and constraints.
 * The photo is held for the request only.
 */

/** A colour must cover this share of the garment to be suggested as one of its colours. */
const SUGGESTED_COLOUR_SHARE = 0.15

export type PhotoInput = { image: Uint8Array; shopper: ShopperContext; customer_id: string }

/**
 * Products to tag on a post's photo: the best matches of every garment found, most prominent
 * garment first, each product once (at its best score), pinned at the centre of its garment.
 * Out-of-stock products are suggested too: a post shows what was worn, not what is on sale today.
 */
export async function suggestPostTags(scope: MedusaContainer, input: PhotoInput & { limit: number }): Promise<StoreSocialTagSuggestion[]> {
  const search = await searchByPhoto(scope, { ...input, constraints: { in_stock: false }, limit: input.limit })
  return tagSuggestionsOf(search.items, input.limit)
}

/**
 * The garments' matches as tag suggestions: round-robin over the garments (most prominent first),
 * so every garment gets its best match in before any gets a second; each product once.
 */
export function tagSuggestionsOf(items: VisualSearchItem[], limit: number): StoreSocialTagSuggestion[] {
  const best = new Map<string, StoreSocialTagSuggestion>()
  const depth = Math.max(0, ...items.map((item) => item.products.length))
  for (let rank = 0; rank < depth && best.size < limit; rank++) {
    for (const item of items) {
      const match = item.products[rank]
      if (!match || best.has(match.product.id) || best.size >= limit) continue
      best.set(match.product.id, {
        product: match.product,
        score: match.score,
        reasons: match.reasons,
        category: item.category.handle,
        x: round3(item.box.x + item.box.width / 2),
        y: round3(item.box.y + item.box.height / 2),
      })
    }
  }
  return [...best.values()]
}

const round3 = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 1000) / 1000

/**
 * What to pre-fill a wardrobe item with from its photo: the most prominent garment's category (the
 * catalog's category handles are the wardrobe's category vocabulary), its main colours (the
 * catalog's colour names), and the catalog products that look like it that the shopper can buy.
 */
export async function suggestWardrobeItem(
  scope: MedusaContainer,
  input: PhotoInput & { limit: number }
): Promise<StoreWardrobePhotoSuggestionsResponse> {
  const search = await searchByPhoto(scope, { ...input, constraints: { in_stock: true }, limit: input.limit })
  const [item] = search.items
  if (!item) return { category: null, category_confidence: null, colours: [], products: [], ...(search.message ? { message: search.message } : {}) }
  const main = item.colours.filter((c) => c.share >= SUGGESTED_COLOUR_SHARE)
  return {
    category: normalizeCategory(item.category.handle),
    category_confidence: item.category.confidence,
    colours: normalizeColours((main.length ? main : item.colours.slice(0, 1)).map((c) => c.name)),
    products: item.products,
    box: item.box,
  }
}
