import { MODERATION_RECORD_FIELDS, REPORT_FIELDS, TAGGED_PRODUCT_FIELDS } from "../../social/serializers"
import { withRelationPaths } from "../../utils/allowed-fields"
import { STORE_POST_FIELDS } from "../../store/social/query-config"

/** A post as the Admin API answers it unless `fields` asks otherwise (response fields, as on the Store API). */
export const ADMIN_POST_FIELDS = [
  ...STORE_POST_FIELDS.filter((f) => f !== "liked_by_me" && !f.startsWith("tags.product.")),
  ...TAGGED_PRODUCT_FIELDS.map((f) => `tags.product.${f}`),
  ...MODERATION_RECORD_FIELDS,
  ...REPORT_FIELDS.map((f) => `reports.${f}`),
  ...["account_age_days", "orders", "upheld_reports", "rejected_reports"].map((f) => `reports.reporter_standing.${f}`),
  "hidden_reason",
  "moderator",
  "duplicate_of",
]
export const ALLOWED_ADMIN_POST_FIELDS = withRelationPaths(ADMIN_POST_FIELDS)
/** The detail routes add the author's history. */
export const ALLOWED_ADMIN_POST_DETAIL_FIELDS = [...ALLOWED_ADMIN_POST_FIELDS, "author_history"]

export const listAdminPostsQueryConfig = { defaults: ADMIN_POST_FIELDS, isList: true }
export const retrieveAdminPostQueryConfig = { defaults: [...ADMIN_POST_FIELDS, "author_history"], isList: false }
