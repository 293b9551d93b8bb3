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
import { shopperContext } from "../../../shopper/context"
import { allowOnlyFields } from "../../utils/allowed-fields"
import { photoUpload } from "../../utils/image-upload"
import { JSON_BODY, jsonBody, requireBodyContentType } from "../../utils/request-body"
import { uploadedFiles } from "../../utils/uploaded-photos"
import {
  ALLOWED_STORE_COMMENT_FIELDS,
  ALLOWED_STORE_POST_FIELDS,
  listCommentsQueryConfig,
  listPostsQueryConfig,
  retrievePostQueryConfig,
  retrieveProfileQueryConfig,
  STORE_PROFILE_FIELDS,
} from "./query-config"
import {
  StoreCreateSocialComment,
  StoreCreateSocialPost,
  StoreCreateSocialReport,
  StoreGetSocialCommentsParams,
  StoreGetSocialFeedParams,
  StoreGetSocialPostListParams,
  StoreGetSocialPostParams,
  StoreGetSocialProfileParams,
  StoreSocialEmptyParams,
  StoreSocialTagSuggestionsBody,
  StoreUpdateSocialPost,
} from "./validators"

/** A post needs a photo: JSON bodies and forms without files are refused before anything is read further. */
function requirePostPhotos(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (uploadedFiles(req).length) return next()
  next(
    new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `a post needs at least one photo: send multipart/form-data with 1 to ${MAX_POST_PHOTOS} image files in the "photos" field`
    )
  )
}

/** Routes that answer with posts: `fields` from the post's response fields, and the shopper's region for the tags' product cards. */
const onePost = [
  allowOnlyFields(ALLOWED_STORE_POST_FIELDS),
  validateAndTransformQuery(StoreGetSocialPostParams, retrievePostQueryConfig),
  shopperContext,
]
const postList = (params: typeof StoreGetSocialFeedParams | typeof StoreGetSocialPostListParams) => [
  allowOnlyFields(ALLOWED_STORE_POST_FIELDS),
  validateAndTransformQuery(params, listPostsQueryConfig),
  shopperContext,
]
const oneProfile = [allowOnlyFields(STORE_PROFILE_FIELDS), validateAndTransformQuery(StoreGetSocialProfileParams, retrieveProfileQueryConfig)]

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
  { matcher: "/store/social/feed", methods: ["GET"], middlewares: postList(StoreGetSocialFeedParams) },
  {
    matcher: "/store/social/posts",
    methods: ["POST"],
    middlewares: [
      requireBodyContentType(["multipart/form-data", ...JSON_BODY]),
      photoUpload({ field: "photos", maxFiles: MAX_POST_PHOTOS }),
      requirePostPhotos,
      validateAndTransformBody(StoreCreateSocialPost),
      ...onePost,
    ],
  },
  {
    // Tags to suggest for a new post's photo: held in memory for the request only.
    matcher: "/store/social/tag-suggestions",
    methods: ["POST"],
    middlewares: [
      requireBodyContentType(["multipart/form-data"]),
      photoUpload({ field: "image" }),
      validateAndTransformBody(StoreSocialTagSuggestionsBody),
      shopperContext,
    ],
  },
  { matcher: "/store/social/posts/:id", methods: ["GET"], middlewares: onePost },
  { matcher: "/store/social/posts/:id", methods: ["DELETE"], middlewares: [validateAndTransformQuery(StoreSocialEmptyParams, {})] },
  {
    matcher: "/store/social/posts/:id",
    methods: ["POST"],
    middlewares: [...jsonBody(StoreUpdateSocialPost), ...onePost],
  },
  { matcher: "/store/social/posts/:id/like", methods: ["POST", "DELETE"], middlewares: onePost },
  {
    matcher: "/store/social/posts/:id/comments",
    methods: ["GET"],
    middlewares: [allowOnlyFields(ALLOWED_STORE_COMMENT_FIELDS), validateAndTransformQuery(StoreGetSocialCommentsParams, listCommentsQueryConfig)],
  },
  {
    matcher: "/store/social/posts/:id/comments",
    methods: ["POST"],
    middlewares: jsonBody(StoreCreateSocialComment),
  },
  {
    matcher: "/store/social/posts/:id/reports",
    methods: ["POST"],
    middlewares: jsonBody(StoreCreateSocialReport),
  },
  { matcher: "/store/social/customers/:id", methods: ["GET"], middlewares: oneProfile },
  { matcher: "/store/social/customers/:id/follow", methods: ["POST", "DELETE"], middlewares: oneProfile },
  { matcher: "/store/social/customers/:id/posts", methods: ["GET"], middlewares: postList(StoreGetSocialPostListParams) },
  { matcher: "/store/social/products/:id/posts", methods: ["GET"], middlewares: postList(StoreGetSocialPostListParams) },
]
