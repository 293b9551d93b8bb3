import { authenticate, MiddlewareRoute } from "@medusajs/framework/http"
import { jsonBody } from "../../../../utils/request-body"
import { StoreChangePassword } from "./validators"

// Signed-in customers only; the current password in the body is checked by the route.
export const storeCustomerPasswordMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/customers/me/password",
    methods: ["POST"],
    middlewares: [authenticate("customer", ["session", "bearer"]), ...jsonBody(StoreChangePassword)],
  },
]
