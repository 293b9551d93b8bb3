import { MiddlewareRoute } from "@medusajs/framework/http"
import { jsonBody } from "../../utils/request-body"
import { StoreUpsertStyleProfile } from "../customers/me/style-profile/validators"

// Any shopper's style profile: signed-in customers' own, else a guest profile behind an httpOnly cookie.
export const storeStyleProfileMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/style-profile", methods: ["POST"], middlewares: [...jsonBody(StoreUpsertStyleProfile)] },
]
