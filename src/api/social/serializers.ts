import { AUTO_MODERATOR, POST_STATUSES } from "../../modules/social/constants"
import { displayNameOf } from "../../modules/social/display-name"
import type { ProductCards } from "../../catalog/product-card"
import type { ProductCard } from "../../types/http/product-card"
import type {
  AdminSocialAuthorHistory,
  AdminSocialHiddenReason,
  AdminSocialPost,
  AdminSocialPostTag,
  AdminSocialReport,
  AdminSocialReporterStanding,
  SocialReportReason,
  SocialAuthor,
  SocialPostStatus,
  SocialPostVisibility,
  StoreSocialComment,
  StoreSocialPost,
  StoreSocialPostPhoto,
  StoreSocialPostTag,
  StoreSocialProfile,
  StoreSocialReply,
} from "../../types/http/social"
import { byPosition } from "../utils/by-position"
import { isoDate, isoDateOrNull } from "../utils/dates"

/*
 * Social answers of the Store and Admin APIs (src/types/http/social.ts), built from records as
 * query.graph reads them (src/api/social/queries.ts). Moderators see the shopper's post plus the
 * catalog product behind each tag, reports and the moderation record.
 */

type CustomerName = { first_name?: string | null; last_name?: string | null } | null | undefined

/** A photo as read: its response fields plus the stored file it is signed from. */
export type SocialPostPhotoRecord = StoreSocialPostPhoto & { file_id: string | null }

export type SocialPostTagRecord = Omit<StoreSocialPostTag, "product">

/**
 * Photo and tag fields named alike in the graph record and the response (serializePhotos and
 * serializeTag copy them): the graph fields and the Store API's response fields both list them from here.
 */
export const POST_PHOTO_FIELDS = ["id", "url", "width", "height", "position"] as const
export const POST_TAG_FIELDS = ["id", "product_id", "variant_id", "x", "y", "photo_index"] as const

/** The moderation record, named alike in the graph record and the Admin API's response (serializeAdminPost). */
export const MODERATION_RECORD_FIELDS = [
  "report_count",
  "open_report_count",
  "open_report_score",
  "moderated_by",
  "moderated_at",
  "moderation_note",
] as const
/** A report's own fields, named alike as read and as answered (serializeReport); reporter_standing is read whole. */
export const REPORT_FIELDS = ["id", "customer_id", "reason", "note", "created_at", "resolved_at", "resolved_by", "weight", "outcome"] as const
/** The catalog product behind a tag as moderators see it (serializeAdminPost). */
export const TAGGED_PRODUCT_FIELDS = ["id", "title", "handle", "thumbnail"] as const

/** A post with its photos (URLs already signed for the viewer), tags and author's name. */
export type SocialPostRecord = {
  id: string
  caption: string | null
  visibility: SocialPostVisibility
  status: SocialPostStatus
  created_at: Date | string
  customer_id: string
  like_count: number | null
  comment_count: number | null
  photos: SocialPostPhotoRecord[] | null
  tags: SocialPostTagRecord[] | null
  customer?: CustomerName
}

export type SocialCommentRecord = {
  id: string
  body: string
  parent_id: string | null
  created_at: Date | string
  customer_id: string
  customer?: CustomerName
}

export const serializeAuthor = (customerId: string, customer: CustomerName): SocialAuthor => ({
  id: customerId,
  display_name: displayNameOf(customer),
})

export const serializePhotos = (photos: SocialPostPhotoRecord[] | null): StoreSocialPostPhoto[] =>
  [...(photos ?? [])].sort(byPosition).map((p) => ({ id: p.id, url: p.url, width: p.width ?? null, height: p.height ?? null, position: p.position }))

/** Tags by photo, then in a stable order. */
export const sortTags = <T extends SocialPostTagRecord>(tags: T[] | null): T[] =>
  [...(tags ?? [])].sort((a, b) => a.photo_index - b.photo_index || a.id.localeCompare(b.id))

export const serializeTag = <P>(tag: SocialPostTagRecord, product: P) => ({
  id: tag.id,
  product_id: tag.product_id,
  variant_id: tag.variant_id ?? null,
  x: tag.x ?? null,
  y: tag.y ?? null,
  photo_index: tag.photo_index,
  product,
})

/** The tagged variant's card where the tag names one, else the product's; null when neither is on sale. */
export const tagCard = (tag: SocialPostTagRecord, cards: ProductCards): ProductCard | null =>
  (tag.variant_id ? cards.variants.get(tag.variant_id)?.card : undefined) ?? cards.products.get(tag.product_id) ?? null

/** What a post has in common for shoppers and moderators. */
export const serializePostBase = (post: SocialPostRecord) => ({
  id: post.id,
  caption: post.caption ?? null,
  visibility: post.visibility,
  status: post.status,
  created_at: isoDate(post.created_at),
  author: serializeAuthor(post.customer_id, post.customer),
  photos: serializePhotos(post.photos),
  like_count: post.like_count ?? 0,
  comment_count: post.comment_count ?? 0,
})

/** A post in the Store API's shape: tags as product cards for the shopper, and whether the viewer liked it. */
export function serializeStorePost(post: SocialPostRecord, context: { liked: boolean; cards: ProductCards }): StoreSocialPost {
  const tags: StoreSocialPostTag[] = sortTags(post.tags).map((t) => serializeTag(t, tagCard(t, context.cards)))
  return { ...serializePostBase(post), tags, liked_by_me: context.liked }
}

export const serializeReply = (comment: SocialCommentRecord): StoreSocialReply => ({
  id: comment.id,
  body: comment.body,
  parent_id: comment.parent_id ?? null,
  created_at: isoDate(comment.created_at),
  author: serializeAuthor(comment.customer_id, comment.customer),
})

export const serializeComment = (comment: SocialCommentRecord, replies: SocialCommentRecord[] = []): StoreSocialComment => ({
  ...serializeReply(comment),
  replies: replies.map(serializeReply),
})

export function serializeProfile(
  customer: { id: string } & NonNullable<CustomerName>,
  counts: { post_count: number; follower_count: number; following_count: number; followed_by_me: boolean }
): StoreSocialProfile {
  return { id: customer.id, display_name: displayNameOf(customer), ...counts }
}

/** A report as query.graph reads it for moderators. */
export type SocialReportRecord = {
  id: string
  customer_id: string
  reason: SocialReportReason
  note: string | null
  created_at: Date | string
  resolved_at: Date | string | null
  resolved_by: string | null
  weight: number | string | null
  outcome: "upheld" | "rejected" | null
  reporter_standing: AdminSocialReporterStanding | null
}

/** A post with what moderators weigh: the catalog product behind each tag, reports and the moderation record. */
export type ModeratedPostRecord = Omit<SocialPostRecord, "tags"> & {
  tags: (SocialPostTagRecord & { product?: { id: string; title: string; handle: string; thumbnail: string | null } | null })[] | null
  report_count: number | null
  open_report_count: number | null
  open_report_score: number | string | null
  moderated_by: string | null
  moderated_at: Date | string | null
  moderation_note: string | null
  reports: SocialReportRecord[] | null
  duplicate_of_post_id?: string | null
  duplicate_reason?: string | null
}

/** An admin user's name as moderators read it: "Ada Lovelace", or the e-mail address when the user has no name. */
export type ModeratorRecord = { first_name?: string | null; last_name?: string | null; email?: string | null }

const round3 = (n: unknown) => Math.round(Number(n ?? 0) * 1000) / 1000

export const userNameOf = (user: ModeratorRecord | undefined, id: string) =>
  [user?.first_name, user?.last_name].filter((p) => p && p.trim()).join(" ") || user?.email || id

/** Why shoppers do not see the post: its open reports reached the threshold, or a moderator hid or removed it. */
export function hiddenReasonOf(
  post: ModeratedPostRecord,
  threshold: number,
  moderators: Map<string, ModeratorRecord>
): AdminSocialHiddenReason | null {
  const at = isoDateOrNull(post.moderated_at)
  const note = post.moderation_note ?? null
  if (post.status === "hidden" && post.moderated_by === AUTO_MODERATOR) {
    return { type: "reports", score: round3(post.open_report_score), threshold, report_count: post.open_report_count ?? 0, note, at }
  }
  if ((post.status === "hidden" || post.status === "removed") && post.moderated_by) {
    const moderator = { id: post.moderated_by, name: userNameOf(moderators.get(post.moderated_by), post.moderated_by) }
    return { type: "moderator", action: post.status === "hidden" ? "hide" : "remove", moderator, note, at }
  }
  return null
}

const serializeReport = (r: SocialReportRecord): AdminSocialReport => ({
  id: r.id,
  customer_id: r.customer_id,
  reason: r.reason,
  note: r.note ?? null,
  created_at: isoDate(r.created_at),
  resolved_at: isoDateOrNull(r.resolved_at),
  resolved_by: r.resolved_by ?? null,
  weight: round3(r.weight ?? 1),
  outcome: r.outcome ?? null,
  reporter_standing: r.reporter_standing ?? null,
})

/** A post in the Admin API's shape: the shopper's fields plus reports (oldest first), the moderation record and hidden_reason. */
export function serializeAdminPost(post: ModeratedPostRecord, threshold: number, moderators: Map<string, ModeratorRecord>): AdminSocialPost {
  const tags: AdminSocialPostTag[] = sortTags(post.tags).map((t) =>
    serializeTag(t, t.product ? { id: t.product.id, title: t.product.title, handle: t.product.handle, thumbnail: t.product.thumbnail ?? null } : null)
  )
  return {
    ...serializePostBase(post),
    tags,
    report_count: post.report_count ?? 0,
    open_report_count: post.open_report_count ?? 0,
    open_report_score: round3(post.open_report_score),
    moderated_by: post.moderated_by ?? null,
    moderator:
      post.moderated_by && post.moderated_by !== AUTO_MODERATOR
        ? { id: post.moderated_by, name: userNameOf(moderators.get(post.moderated_by), post.moderated_by) }
        : null,
    moderated_at: isoDateOrNull(post.moderated_at),
    moderation_note: post.moderation_note ?? null,
    reports: [...(post.reports ?? [])].sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime()).map(serializeReport),
    hidden_reason: hiddenReasonOf(post, threshold, moderators),
    duplicate_of: post.duplicate_of_post_id ? { post_id: post.duplicate_of_post_id, reason: post.duplicate_reason ?? "" } : null,
  }
}

/** The author's posts by status and the reports they received. */
export function serializeAuthorHistory(
  customerId: string,
  posts: { status: SocialPostStatus; report_count: number | null }[]
): AdminSocialAuthorHistory {
  const by_status = Object.fromEntries(POST_STATUSES.map((s) => [s, posts.filter((p) => p.status === s).length])) as Record<SocialPostStatus, number>
  return {
    customer_id: customerId,
    post_count: posts.length,
    by_status,
    reports_received: posts.reduce((sum, p) => sum + (p.report_count ?? 0), 0),
  }
}
