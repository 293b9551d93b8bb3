import { model } from "@medusajs/framework/utils"
import { REPORT_REASONS } from "../constants"
import { SocialPost } from "./post"

/** A customer reports a post; a moderator's decision on the post resolves its open reports. */
export const SocialReport = model
  .define("social_report", {
    id: model.id({ prefix: "sreport" }).primaryKey(),
    customer_id: model.text(),
    reason: model.enum([...REPORT_REASONS]),
    note: model.text().nullable(),
    resolved_at: model.dateTime().nullable(),
    resolved_by: model.text().nullable(),
    post: model.belongsTo(() => SocialPost, { mappedBy: "reports" }),
  })
  .indexes([
    { name: "IDX_social_report_post_customer_unique", on: ["post_id", "customer_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_social_report_open", on: ["post_id"], where: "deleted_at IS NULL AND resolved_at IS NULL" },
  ])
