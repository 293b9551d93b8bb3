import { MiddlewareRoute } from "@medusajs/framework/http"
import { jsonBody } from "../../../utils/request-body"
import { serverInteractionMiddlewares } from "./server-events"
import { StoreRecordInteractions } from "./validators"

// Signed-in and signed-out shoppers alike; rate limited per shopper and address (src/api/rate-limit-middlewares.ts).
export const storeRecommendationInteractionsMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/recommendations/interactions", methods: ["POST"], middlewares: [...jsonBody(StoreRecordInteractions)] },
  // Likes of posts, wardrobe items, lookbook views, add-the-look and add-to-cart, recorded when their own routes succeed.
  ...serverInteractionMiddlewares,
]
