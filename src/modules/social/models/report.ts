import { model } from "@medusajs/framework/utils"
import { REPORT_OUTCOMES, REPORT_REASONS } from "../constants"
import { SocialPost } from "./post"

/**
 * A customer reports a post; a moderator's decision on the post resolves its open reports
 * (outcome: upheld when the post was hidden or removed, rejected when approved). weight is
 * the reporter's standing when they reported (report-weight.ts), reporter_standing what it
 * was computed from, kept so moderators see why a report counted as much as it did.
 */
export const SocialReport = model
  .define("social_report", {
    id: model.id({ prefix: "sreport" }).primaryKey(),
    customer_id: model.text(),
    reason: model.enum([...REPORT_REASONS]),
    note: model.text().nullable(),
    resolved_at: model.dateTime().nullable(),
    resolved_by: model.text().nullable(),
    outcome: model.enum([...REPORT_OUTCOMES]).nullable(),
    weight: model.float().default(1),
    reporter_standing: model.json().nullable(),
    post: model.belongsTo(() => SocialPost, { mappedBy: "reports" }),
  })
  .indexes([
    { name: "IDX_social_report_post_customer_unique", on: ["post_id", "customer_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_social_report_open", on: ["post_id"], where: "deleted_at IS NULL AND resolved_at IS NULL" },
  ])
