import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { shopperContext } from "../../../shopper/context"
import { StoreProductSearchParams, StoreProductSearchSuggestionsParams } from "./validators"

// Public route: Medusa already requires the publishable key on every /store route.
export const storeProductSearchMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/product-search",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreProductSearchParams, {}), shopperContext],
  },
  {
    matcher: "/store/product-search/suggestions",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreProductSearchSuggestionsParams, {})],
  },
]
