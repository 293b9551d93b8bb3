import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { suggestProducts } from "../../../../search/product-suggestions"
import { StoreProductSearchSuggestionsResponse } from "../../../../types/http/search"
import { StoreProductSearchSuggestionsParamsType } from "../validators"

/**
 * GET /store/product-search/suggestions?q=&limit=: what the search box offers as the shopper
 * types: matching categories, then products of the key's sales channels (src/search/product-suggestions.ts).
 */
export const GET = async (
  req: MedusaStoreRequest<unknown, StoreProductSearchSuggestionsParamsType>,
  res: MedusaResponse<StoreProductSearchSuggestionsResponse>
) => {
  const { q, limit } = req.validatedQuery as StoreProductSearchSuggestionsParamsType
  res.json({
    suggestions: await suggestProducts(req.scope, q, limit, { sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [] }),
  })
}
