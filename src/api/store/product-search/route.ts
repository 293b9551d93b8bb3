import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { searchProducts } from "../../../search/product-search"
import { StoreProductSearchResponse } from "../../../types/http/search"
import { StoreProductSearchParamsType } from "./validators"

/**
 * GET /store/product-search: the storefront's product search (src/search/product-search.ts), in
 * Medusa's list shape with facet counts, prices and "in stock" for the shopper's region
 * (`region_id` or `country_code`, resolved by the shopperContext middleware).
 */
export const GET = async (req: MedusaStoreRequest<unknown, StoreProductSearchParamsType>, res: MedusaResponse<StoreProductSearchResponse>) => {
  const { region_id: _region, country_code: _country, ...params } = req.validatedQuery as StoreProductSearchParamsType
  res.json(
    await searchProducts(req.scope, params, {
      shopper: req.shopper ?? null,
      sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
    })
  )
}
