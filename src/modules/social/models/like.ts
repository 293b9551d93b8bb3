import { model } from "@medusajs/framework/utils"
import { SocialPost } from "./post"

/**
 * A customer likes a post. Unliking soft-deletes the row: the feed ranks pages "as of" the
 * moment the first page was served, and needs to know which likes existed then.
 */
export const SocialLike = model
  .define("social_like", {
    id: model.id({ prefix: "slike" }).primaryKey(),
    customer_id: model.text(),
    post: model.belongsTo(() => SocialPost, { mappedBy: "likes" }),
  })
  .indexes([
    { name: "IDX_social_like_post_customer_unique", on: ["post_id", "customer_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_social_like_customer", on: ["customer_id", "created_at"] },
    { name: "IDX_social_like_post_created", on: ["post_id", "created_at"] },
  ])
