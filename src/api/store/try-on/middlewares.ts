import { authenticate, MiddlewareRoute, validateAndTransformBody } from "@medusajs/framework/http"
import { shopperContext } from "../../../shopper/context"
import { photoUpload } from "../../utils/image-upload"
import { requireBodyContentType } from "../../utils/request-body"
import { StoreTryOnBody } from "./validators"

// The rate limit for POST /store/try-on runs before these (src/api/rate-limit-middlewares.ts).
export const storeTryOnMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/try-on",
    methods: ["POST"],
    middlewares: [
      // Guests may try on (their try-ons are deleted after 24 hours); a signed-in shopper's are theirs to keep.
      authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
      requireBodyContentType(["multipart/form-data"]),
      photoUpload({ field: "photo", tooLargeAs413: true }),
      validateAndTransformBody(StoreTryOnBody),
      shopperContext,
    ],
  },
  {
    // Only a signed-in customer keeps a try-on, and only their own.
    matcher: "/store/try-on/:id/keep",
    methods: ["POST"],
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
]
