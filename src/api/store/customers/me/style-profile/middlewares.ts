import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { jsonBody } from "../../../../utils/request-body"
import { mergeGuestProfileAtSignIn } from "./style-profile"
import { StoreMergeStyleProfile, StoreUpsertStyleProfile } from "./validators"

// The signed-in customer's own style profile; signed-out shoppers use /store/style-profile.
export const storeCustomerStyleProfileMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/customers/me/style-profile*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  // A guest profile moves into the account at sign-in: on the first account request that still carries the guest cookie.
  { matcher: "/store/customers/me", methods: ["GET"], middlewares: [mergeGuestProfileAtSignIn] },
  { matcher: "/store/customers/me/style-profile", methods: ["GET"], middlewares: [mergeGuestProfileAtSignIn] },
  { matcher: "/store/customers/me/style-profile", methods: ["POST"], middlewares: [...jsonBody(StoreUpsertStyleProfile), mergeGuestProfileAtSignIn] },
  { matcher: "/store/customers/me/style-profile/merge", methods: ["POST"], middlewares: [...jsonBody(StoreMergeStyleProfile)] },
]
