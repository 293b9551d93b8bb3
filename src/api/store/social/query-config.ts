import { PRODUCT_CARD_FIELDS } from "../../../catalog/product-card"
import { POST_PHOTO_FIELDS, POST_TAG_FIELDS } from "../../social/serializers"
import { withRelationPaths } from "../../utils/allowed-fields"

/*
 * `fields` on social routes names fields of the response (a post's `author.display_name`,
 * `tags.product.calculated_price`), not of the tables behind it: posts are built by the
 * serializers, then cut down to what was asked (pickFields).
 */

/** A post as the Store API answers it unless `fields` asks otherwise. */
export const STORE_POST_FIELDS = [
  "id",
  "caption",
  "visibility",
  "status",
  "created_at",
  "author.id",
  "author.display_name",
  ...POST_PHOTO_FIELDS.map((f) => `photos.${f}`),
  ...POST_TAG_FIELDS.map((f) => `tags.${f}`),
  ...PRODUCT_CARD_FIELDS.map((f) => `tags.product.${f}`),
  "like_count",
  "comment_count",
  "liked_by_me",
]
export const ALLOWED_STORE_POST_FIELDS = withRelationPaths(STORE_POST_FIELDS)

export const STORE_COMMENT_FIELDS = [
  "id",
  "body",
  "parent_id",
  "created_at",
  "author.id",
  "author.display_name",
  "replies.id",
  "replies.body",
  "replies.parent_id",
  "replies.created_at",
  "replies.author.id",
  "replies.author.display_name",
]
export const ALLOWED_STORE_COMMENT_FIELDS = withRelationPaths(STORE_COMMENT_FIELDS)

export const STORE_PROFILE_FIELDS = ["id", "display_name", "post_count", "follower_count", "following_count", "followed_by_me"]

export const retrievePostQueryConfig = { defaults: STORE_POST_FIELDS, isList: false }
export const listPostsQueryConfig = { defaults: STORE_POST_FIELDS, isList: true }
export const listCommentsQueryConfig = { defaults: STORE_COMMENT_FIELDS, isList: true }
export const retrieveProfileQueryConfig = { defaults: STORE_PROFILE_FIELDS, isList: false }
