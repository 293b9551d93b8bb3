import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { shopperContext } from "../../../shopper/context"
import { rankingWeights } from "../../../visual/ranking"
import { photoUpload } from "../../utils/image-upload"
import { jsonBody, requireBodyContentType } from "../../utils/request-body"
import { StoreVisualSearchBody, StoreVisualSearchClick } from "./validators"

// A bad VISUAL_SEARCH_WEIGHTS setting stops Medusa at start with a message naming it, not at the first search.
rankingWeights()

/** Anyone may search; a signed-in shopper's searches also weigh the brands they like. */
const optionalCustomer = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

// The rate limit for POST /store/visual-search runs before these (src/api/rate-limit-middlewares.ts).
export const storeVisualSearchMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/visual-search",
    methods: ["POST"],
    middlewares: [
      optionalCustomer,
      requireBodyContentType(["multipart/form-data"]),
      // Same parsing limits and messages as wardrobe photos; held in memory for the request only.
      photoUpload({ field: "image" }),
      validateAndTransformBody(StoreVisualSearchBody),
      shopperContext,
    ],
  },
  {
    matcher: "/store/visual-search/:id/clicks",
    methods: ["POST"],
    middlewares: jsonBody(StoreVisualSearchClick),
  },
]
