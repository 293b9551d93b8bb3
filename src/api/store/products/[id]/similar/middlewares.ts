import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { shopperContext } from "../../../../../shopper/context"
import { StoreSimilarProductsParams } from "./validators"

// Public route (Medusa requires the publishable key on every /store route); a signed-in shopper's brands weigh in.
export const storeSimilarProductsMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/products/:id/similar",
    methods: ["GET"],
    middlewares: [
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      validateAndTransformQuery(StoreSimilarProductsParams, {}),
      shopperContext,
    ],
  },
]
