import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { ProductSearchSuggestion } from "../types/http/search"
import { searchWords } from "./synonyms"

/** At most this many of the suggestions are categories; products fill the rest. */
const MAX_CATEGORY_SUGGESTIONS = 3

/** `%` and `_` in what the shopper typed are letters, not LIKE wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * Suggestions while the shopper types `prefix`: categories with a word starting with it, then
 * products of the key's sales channels whose words (title, brand, categories, tags, synonyms)
 * match it, the last word as a prefix ("linen dr" → "Linen Shirt Dress"), best match first.
 */
export async function suggestProducts(
  scope: MedusaContainer,
  prefix: string,
  limit: number,
  where: { sales_channel_ids: string[] }
): Promise<ProductSearchSuggestion[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const typed = searchWords(prefix)
  if (!typed.length) return []
  const lastWord = typed[typed.length - 1]

  const [{ data: categories }, { data: products }] = await Promise.all([
    query.graph({
      entity: "product_category",
      fields: ["name", "handle"],
      filters: { name: { $ilike: `%${escapeLike(lastWord)}%` }, is_active: true, is_internal: false },
      pagination: { take: 20, skip: 0 },
    }),
    query.search({
      entity: "product",
      fields: ["id", "title", "handle", "thumbnail"],
      filters: {
        q: typed.join(" "),
        $and: [
          { status: ProductStatus.PUBLISHED },
          ...(where.sales_channel_ids.length ? [{ sales_channel_ids: { $overlaps: where.sales_channel_ids } }] : []),
        ],
      },
      pagination: { skip: 0, take: limit },
      search_options: { match_strategy: "last", count: "none" },
    }),
  ])

  // A category suggests itself when every typed word starts one of its name's words.
  const categoryMatches = (categories as { name: string; handle: string }[])
    .filter((c) => {
      const words = searchWords(c.name)
      return typed.every((t) => words.some((w) => w.startsWith(t)))
    })
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, Math.min(MAX_CATEGORY_SUGGESTIONS, limit))
    .map((c): ProductSearchSuggestion => ({ type: "category", label: c.name, handle: c.handle }))

  const productMatches = (products as { title: string; handle: string; thumbnail?: string | null }[]).map((p): ProductSearchSuggestion => ({
    type: "product",
    label: p.title,
    handle: p.handle,
    thumbnail: p.thumbnail ?? null,
  }))
  return [...categoryMatches, ...productMatches].slice(0, limit)
}
