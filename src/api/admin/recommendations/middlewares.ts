import { MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminRecommendationStatsParams } from "./validators"

// Medusa guards every /admin route with an admin user's session, bearer token or secret API key;
// admin-roles.ts keeps moderators out (this route is not on their list).
export const adminRecommendationMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/recommendations/stats",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminRecommendationStatsParams, { defaults: [], isList: false })],
  },
]
