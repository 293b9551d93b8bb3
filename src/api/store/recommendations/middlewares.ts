import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { shopperContext } from "../../../shopper/context"
import { jsonBody } from "../../utils/request-body"
import {
  StoreAddOutfitToCart,
  StoreGetQuizLooksParams,
  StoreGetRecommendationsParams,
  StoreGetRecommendedOutfitsParams,
  StoreRecommendationFeedback,
} from "./validators"

// Signed-in shoppers get their own profile, history and wardrobe; guests their guest cookie's profile (or the query's overrides).
const optionalCustomer = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })
const outfitQuery = [optionalCustomer, validateAndTransformQuery(StoreGetRecommendedOutfitsParams, {}), shopperContext]

// The recommendation surfaces ("for you", outfits, complete the look, dress me), feedback and adding an outfit to the cart.
export const storeRecommendationMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/recommendations",
    methods: ["GET"],
    middlewares: [optionalCustomer, validateAndTransformQuery(StoreGetRecommendationsParams, {}), shopperContext],
  },
  { matcher: "/store/recommendations/outfits", methods: ["GET"], middlewares: outfitQuery },
  {
    matcher: "/store/recommendations/quiz-looks",
    methods: ["GET"],
    middlewares: [optionalCustomer, validateAndTransformQuery(StoreGetQuizLooksParams, {}), shopperContext],
  },
  { matcher: "/store/products/:id/complete-the-look", methods: ["GET"], middlewares: outfitQuery },
  // Behind the wardrobe's own authenticate("customer") (src/api/store/wardrobe/middlewares.ts): guests get 401.
  {
    matcher: "/store/wardrobe/outfit-suggestions",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetRecommendedOutfitsParams, {}), shopperContext],
  },
  { matcher: "/store/recommendations/feedback", methods: ["POST"], middlewares: [optionalCustomer, ...jsonBody(StoreRecommendationFeedback)] },
  { matcher: "/store/recommendations/outfits/cart", methods: ["POST"], middlewares: [optionalCustomer, ...jsonBody(StoreAddOutfitToCart)] },
]
