import { model } from "@medusajs/framework/utils"

/**
 * follower_id follows followed_id (both customer ids). Unfollowing soft-deletes, like likes,
 * so that a feed page served earlier can be continued with the same ranking.
 */
export const SocialFollow = model
  .define("social_follow", {
    id: model.id({ prefix: "sfollow" }).primaryKey(),
    follower_id: model.text(),
    followed_id: model.text(),
  })
  .indexes([
    { name: "IDX_social_follow_pair_unique", on: ["follower_id", "followed_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_social_follow_followed", on: ["followed_id"], where: "deleted_at IS NULL" },
  ])
