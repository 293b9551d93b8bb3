import {
  authenticate,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { MAX_POST_PHOTOS } from "../../../modules/social/constants"
import { photoUpload, requireBodyContentType } from "../../utils/image-upload"
import {
  StoreCreateSocialComment,
  StoreCreateSocialPost,
  StoreCreateSocialReport,
  StoreGetSocialCommentsParams,
  StoreGetSocialFeedParams,
  StoreGetSocialPostListParams,
  StoreSocialEmptyParams,
  StoreUpdateSocialPost,
} from "./validators"

const JSON_BODY = ["application/json"]

/** A post needs a photo: JSON bodies and forms without files are refused before anything is read further. */
function requirePostPhotos(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const files = ((req as any).files ?? []) as unknown[]
  if (files.length) return next()
  next(
    new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `a post needs at least one photo: send multipart/form-data with 1 to ${MAX_POST_PHOTOS} image files in the "photos" field`
    )
  )
}

export const storeSocialMiddlewares: MiddlewareRoute[] = [
  // Reads: anonymous shoppers see public posts; a signed-in customer also their own and followed ones.
  {
    matcher: "/store/social*",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
  },
  // Writes: a signed-in customer only (an admin's token is not a customer's and gets 401).
  {
    matcher: "/store/social*",
    methods: ["POST", "DELETE"],
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  { matcher: "/store/social/feed", methods: ["GET"], middlewares: [validateAndTransformQuery(StoreGetSocialFeedParams, {})] },
  {
    matcher: "/store/social/posts",
    methods: ["POST"],
    middlewares: [
      requireBodyContentType(["multipart/form-data", ...JSON_BODY]),
      photoUpload({ field: "photos", maxFiles: MAX_POST_PHOTOS }),
      requirePostPhotos,
      validateAndTransformBody(StoreCreateSocialPost),
    ],
  },
  { matcher: "/store/social/posts/:id", methods: ["GET", "DELETE"], middlewares: [validateAndTransformQuery(StoreSocialEmptyParams, {})] },
  {
    matcher: "/store/social/posts/:id",
    methods: ["POST"],
    middlewares: [requireBodyContentType(JSON_BODY), validateAndTransformBody(StoreUpdateSocialPost)],
  },
  {
    matcher: "/store/social/posts/:id/comments",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetSocialCommentsParams, {})],
  },
  {
    matcher: "/store/social/posts/:id/comments",
    methods: ["POST"],
    middlewares: [requireBodyContentType(JSON_BODY), validateAndTransformBody(StoreCreateSocialComment)],
  },
  {
    matcher: "/store/social/posts/:id/reports",
    methods: ["POST"],
    middlewares: [requireBodyContentType(JSON_BODY), validateAndTransformBody(StoreCreateSocialReport)],
  },
  {
    matcher: "/store/social/customers/:id/posts",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetSocialPostListParams, {})],
  },
  {
    matcher: "/store/social/products/:id/posts",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetSocialPostListParams, {})],
  },
]
