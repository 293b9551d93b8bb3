import { authenticate, MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { requireBodyContentType } from "../../utils/image-upload"
import { AdminGetModerationQueueParams, AdminGetSocialPostsParams, AdminModerateSocialPost, AdminSocialEmptyParams } from "./validators"

export const adminSocialMiddlewares: MiddlewareRoute[] = [
  // Admin users moderate; a customer's token is not a user's and gets 401.
  { matcher: "/admin/social*", middlewares: [authenticate("user", ["session", "bearer", "api-key"])] },
  { matcher: "/admin/social/posts", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminGetSocialPostsParams, {})] },
  { matcher: "/admin/social/posts/:id", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminSocialEmptyParams, {})] },
  {
    matcher: "/admin/social/posts/:id/moderate",
    methods: ["POST"],
    middlewares: [requireBodyContentType(["application/json"]), validateAndTransformBody(AdminModerateSocialPost)],
  },
  {
    matcher: "/admin/social/moderation-queue",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminGetModerationQueueParams, {})],
  },
]
