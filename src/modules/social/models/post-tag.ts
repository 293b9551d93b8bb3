import { model } from "@medusajs/framework/utils"
import { SocialPost } from "./post"

/**
 * A catalog product (optionally one variant) shown in a post, optionally pinned at x/y
 * (fractions 0..1 of the photo's width and height) on photo number photo_index.
 * product_id/variant_id are read-only links to the catalog.
 */
export const SocialPostTag = model
  .define("social_post_tag", {
    id: model.id({ prefix: "sptag" }).primaryKey(),
    product_id: model.text(),
    variant_id: model.text().nullable(),
    x: model.float().nullable(),
    y: model.float().nullable(),
    photo_index: model.number().default(0),
    post: model.belongsTo(() => SocialPost, { mappedBy: "tags" }),
  })
  .indexes([
    { name: "IDX_social_post_tag_post", on: ["post_id"], where: "deleted_at IS NULL" },
    { name: "IDX_social_post_tag_product", on: ["product_id"], where: "deleted_at IS NULL" },
  ])
