import { model } from "@medusajs/framework/utils"
import { POST_STATUSES, POST_VISIBILITIES } from "../constants"
import { SocialComment } from "./comment"
import { SocialLike } from "./like"
import { SocialPostImage } from "./post-image"
import { SocialPostTag } from "./post-tag"
import { SocialReport } from "./report"

/**
 * An outfit a customer shares: photos, a caption and the catalog products it shows.
 * customer_id is a read-only link to Medusa's customer (src/links). The counters are kept
 * by the service from the like, comment and report rows (recountPosts), so lists and the
 * moderation queue read them without aggregating.
 */
export const SocialPost = model
  .define("social_post", {
    id: model.id({ prefix: "spost" }).primaryKey(),
    customer_id: model.text(),
    caption: model.text().searchable().nullable(),
    visibility: model.enum([...POST_VISIBILITIES]).default("public"),
    status: model.enum([...POST_STATUSES]).default("published"),
    like_count: model.number().default(0),
    comment_count: model.number().default(0),
    report_count: model.number().default(0),
    // Reports not yet looked at by a moderator: these put a post in the queue and auto-hide it.
    open_report_count: model.number().default(0),
    // The open reports' weights added up: what auto-hide compares with the threshold.
    open_report_score: model.float().default(0),
    moderated_by: model.text().nullable(),
    moderated_at: model.dateTime().nullable(),
    moderation_note: model.text().nullable(),
    // Held for a moderator because a photo nearly copies another author's post: that post, and why in words.
    duplicate_of_post_id: model.text().nullable(),
    duplicate_reason: model.text().nullable(),
    // When the photos were checked for near-copies of other authors' posts; null: not yet (the image service was down).
    duplicate_checked_at: model.dateTime().nullable(),
    photos: model.hasMany(() => SocialPostImage, { mappedBy: "post" }),
    tags: model.hasMany(() => SocialPostTag, { mappedBy: "post" }),
    likes: model.hasMany(() => SocialLike, { mappedBy: "post" }),
    comments: model.hasMany(() => SocialComment, { mappedBy: "post" }),
    reports: model.hasMany(() => SocialReport, { mappedBy: "post" }),
  })
  .cascades({ delete: ["photos", "tags", "likes", "comments", "reports"] })
  .indexes([
    { name: "IDX_social_post_customer_created", on: ["customer_id", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_social_post_status_created", on: ["status", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_social_post_duplicate_unchecked", on: ["created_at"], where: "deleted_at IS NULL AND duplicate_checked_at IS NULL" },
  ])
