import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { shopperContext } from "../../../../../shopper/context"
import { StoreGetProductAvailabilityParams } from "./validators"

// Public route: Medusa already requires the publishable key on every /store route.
export const storeProductAvailabilityMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/products/:id/availability",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetProductAvailabilityParams, {}), shopperContext],
  },
]
