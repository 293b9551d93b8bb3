import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { shopperContext } from "../../../../../shopper/context"
import { jsonBody } from "../../../../utils/request-body"
import { StoreGetSavedItemsParams, StoreSaveItem, StoreSaveItemsBatch } from "./validators"

// Saved items of signed-in customers only; signed-out shoppers keep theirs in the storefront's cookie.
export const storeSavedItemsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/customers/me/saved-items*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    matcher: "/store/customers/me/saved-items",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetSavedItemsParams, {}), shopperContext],
  },
  { matcher: "/store/customers/me/saved-items", methods: ["POST"], middlewares: [...jsonBody(StoreSaveItem), shopperContext] },
  { matcher: "/store/customers/me/saved-items/batch", methods: ["POST"], middlewares: [...jsonBody(StoreSaveItemsBatch), shopperContext] },
]
