import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { shopperContext } from "../../../../../shopper/context"
import { StoreGetSizeAdviceParams } from "./validators"

// Public route (Medusa requires the publishable key on every /store route); a signed-in shopper's profile measurements count.
export const storeSizeAdviceMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/products/:id/size-advice",
    methods: ["GET"],
    middlewares: [
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformQuery(StoreGetSizeAdviceParams, {}),
      shopperContext,
    ],
  },
]
