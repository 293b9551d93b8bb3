import { authenticate, MiddlewareRoute, validateAndTransformQuery } from "@medusajs/framework/http"
import { allowOnlyFields } from "../../utils/allowed-fields"
import { jsonBody } from "../../utils/request-body"
import { ALLOWED_ADMIN_POST_DETAIL_FIELDS, ALLOWED_ADMIN_POST_FIELDS, listAdminPostsQueryConfig, retrieveAdminPostQueryConfig } from "./query-config"
import { AdminGetModerationQueueParams, AdminGetSocialPostParams, AdminGetSocialPostsParams, AdminModerateSocialPost } from "./validators"

const onePost = [allowOnlyFields(ALLOWED_ADMIN_POST_DETAIL_FIELDS), validateAndTransformQuery(AdminGetSocialPostParams, retrieveAdminPostQueryConfig)]

export const adminSocialMiddlewares: MiddlewareRoute[] = [
  // Admin users moderate; a customer's token is not a user's and gets 401.
  { matcher: "/admin/social*", middlewares: [authenticate("user", ["session", "bearer", "api-key"])] },
  {
    matcher: "/admin/social/posts",
    methods: ["GET"],
    middlewares: [allowOnlyFields(ALLOWED_ADMIN_POST_FIELDS), validateAndTransformQuery(AdminGetSocialPostsParams, listAdminPostsQueryConfig)],
  },
  { matcher: "/admin/social/posts/:id", methods: ["GET"], middlewares: onePost },
  {
    matcher: "/admin/social/posts/:id/moderate",
    methods: ["POST"],
    middlewares: [...jsonBody(AdminModerateSocialPost), ...onePost],
  },
  {
    matcher: "/admin/social/moderation-queue",
    methods: ["GET"],
    middlewares: [allowOnlyFields(ALLOWED_ADMIN_POST_FIELDS), validateAndTransformQuery(AdminGetModerationQueueParams, listAdminPostsQueryConfig)],
  },
]
