import "server-only"
import type { ProductSearchSuggestion, StoreProductSearchSuggestionsResponse } from "@curator/types/search"
import { sdk } from "@lib/config"
import { catalogCache, catalogTags } from "@lib/util/catalog-cache"

export type SearchSuggestion = ProductSearchSuggestion

/** The longest text the search box asks suggestions for (Medusa's limit). */
export const SUGGESTION_QUERY_MAX = 100

/**
 * What the search box offers for the text typed so far (GET /store/product-search/suggestions):
 * categories, then products. Cached: every shopper typing "dre" gets the same answer.
 */
export async function listSearchSuggestions(q: string, limit = 8): Promise<SearchSuggestion[]> {
  const { suggestions } = await sdk.client.fetch<StoreProductSearchSuggestionsResponse>("/store/product-search/suggestions", {
    query: { q, limit },
    ...catalogCache([catalogTags.products]),
  })
  return suggestions
}
