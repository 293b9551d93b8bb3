import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { jsonBody } from "../../utils/request-body"
import { AdminVisualAnalyticsParams, AdminVisualIndexParams, AdminVisualReindex } from "./validators"

// Medusa guards every /admin route with an admin user's session, bearer token or secret API key;
// admin-roles.ts keeps moderators out (these routes are not on their list).
export const adminVisualMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/visual/index",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminVisualIndexParams, { defaults: [], isList: false })],
  },
  {
    matcher: "/admin/visual/reindex",
    methods: ["POST"],
    middlewares: jsonBody(AdminVisualReindex),
  },
  {
    matcher: "/admin/visual/analytics",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminVisualAnalyticsParams, { defaults: [], isList: false })],
  },
  {
    matcher: "/admin/products/:id/visual-index",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminVisualIndexParams, { defaults: [], isList: false })],
  },
]
