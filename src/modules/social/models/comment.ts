import { model } from "@medusajs/framework/utils"
import { SocialPost } from "./post"

/** A comment on a post, or a reply to one (parent_id: one level of replies). */
export const SocialComment = model
  .define("social_comment", {
    id: model.id({ prefix: "scmt" }).primaryKey(),
    customer_id: model.text(),
    body: model.text(),
    parent_id: model.text().nullable(),
    post: model.belongsTo(() => SocialPost, { mappedBy: "comments" }),
  })
  .indexes([
    { name: "IDX_social_comment_post_created", on: ["post_id", "created_at"] },
    { name: "IDX_social_comment_parent", on: ["parent_id"], where: "deleted_at IS NULL" },
  ])
