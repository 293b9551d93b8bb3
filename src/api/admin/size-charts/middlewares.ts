import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { jsonBody } from "../../utils/request-body"
import { AdminCreateSizeChart, AdminGetSizeChartsParams, AdminUpdateSizeChart } from "./validators"

// Medusa guards every /admin route with an admin user's session, bearer token or secret API key.
export const adminSizeChartMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/size-charts",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminGetSizeChartsParams, { defaults: [], isList: true, defaultLimit: 50 })],
  },
  { matcher: "/admin/size-charts", methods: ["POST"], middlewares: jsonBody(AdminCreateSizeChart) },
  { matcher: "/admin/size-charts/:id", methods: ["POST"], middlewares: jsonBody(AdminUpdateSizeChart) },
]
