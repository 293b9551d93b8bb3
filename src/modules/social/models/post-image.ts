import { model } from "@medusajs/framework/utils"
import { SocialPost } from "./post"

/**
 * One photo of a post (named "image" in the code because the service pluralises model names), stored through Medusa's file module. file_id is null for photos the
 * post does not own (demo posts reusing catalog images): only owned files are deleted with the post.
 */
export const SocialPostImage = model
  .define("social_post_image", {
    id: model.id({ prefix: "sphoto" }).primaryKey(),
    url: model.text(),
    file_id: model.text().nullable(),
    width: model.number().nullable(),
    height: model.number().nullable(),
    position: model.number().default(0),
    // When the photo went into the ML sidecar's image index (near-copy checks of later posts); null: not in it.
    visual_indexed_at: model.dateTime().nullable(),
    post: model.belongsTo(() => SocialPost, { mappedBy: "photos" }),
  })
  .indexes([
    { name: "IDX_social_post_image_post", on: ["post_id", "position"], where: "deleted_at IS NULL" },
    { name: "IDX_social_post_image_visual_unindexed", on: ["post_id"], where: "visual_indexed_at IS NULL AND file_id IS NOT NULL" },
  ])
