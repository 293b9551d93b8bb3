/**
 * The social API's responses (/store/social/*, /admin/social/*), declared once: the routes build
 * them (src/api/store/social/serializers.ts, src/api/admin/social/serializers.ts) and the
 * storefront and admin read them. Type-only, so both can import this file.
 */
import type { ProductCard } from "./product-card"

export type SocialPostVisibility = "public" | "followers" | "private"
export type SocialPostStatus = "published" | "pending" | "hidden" | "removed"
export type SocialReportReason = "spam" | "inappropriate" | "counterfeit" | "harassment" | "other"
export type SocialModerationAction = "approve" | "hide" | "remove"

/** A customer as other shoppers see them: the display name ("Ines M."), never the e-mail. */
export type SocialAuthor = { id: string; display_name: string }

export type StoreSocialPostPhoto = {
  id: string
  /** A public URL for a public, published post; a short-lived signed URL otherwise. */
  url: string
  width: number | null
  height: number | null
  position: number
}

export type StoreSocialPostTag = {
  id: string
  product_id: string
  variant_id: string | null
  /** Where the tag sits on the photo, as fractions 0..1 of its width and height; null when not pinned. */
  x: number | null
  y: number | null
  photo_index: number
  /** The product card (the tagged variant's price where there is one); null when the product is no longer on sale. */
  product: ProductCard | null
}

export type StoreSocialPost = {
  id: string
  caption: string | null
  visibility: SocialPostVisibility
  status: SocialPostStatus
  created_at: string
  author: SocialAuthor
  photos: StoreSocialPostPhoto[]
  tags: StoreSocialPostTag[]
  like_count: number
  comment_count: number
  liked_by_me: boolean
}

export type StoreSocialPostResponse = { post: StoreSocialPost }
/** Cursor pages: the feed, a customer's posts, a product's community posts. */
export type StoreSocialPostListResponse = { posts: StoreSocialPost[]; next_cursor: string | null }
export type StoreSocialFeedTab = "for_you" | "following" | "popular"

/** A reply to a comment (one level: replies have no replies). */
export type StoreSocialReply = {
  id: string
  body: string
  parent_id: string | null
  created_at: string
  author: SocialAuthor
}
export type StoreSocialComment = StoreSocialReply & {
  /** Oldest first. */
  replies: StoreSocialReply[]
}
export type StoreSocialCommentResponse = { comment: StoreSocialComment }
export type StoreSocialCommentListResponse = { comments: StoreSocialComment[]; count: number; offset: number; limit: number }

export type StoreSocialProfile = {
  id: string
  display_name: string
  post_count: number
  follower_count: number
  following_count: number
  followed_by_me: boolean
}
export type StoreSocialProfileResponse = { profile: StoreSocialProfile }

export type StoreSocialReport = { id: string; post_id: string; reason: SocialReportReason; note: string | null; created_at: string }
export type StoreSocialReportResponse = { report: StoreSocialReport }

export type SocialDeleteResponse<Object extends string> = { id: string; object: Object; deleted: true }

/** What was known about a reporter when they reported: what their report's weight was computed from. */
export type AdminSocialReporterStanding = {
  account_age_days: number
  orders: number
  upheld_reports: number
  rejected_reports: number
}

export type AdminSocialReport = {
  id: string
  customer_id: string
  reason: SocialReportReason
  note: string | null
  created_at: string
  resolved_at: string | null
  resolved_by: string | null
  /** How much the report counts towards auto-hiding (the reporter's standing when they reported). */
  weight: number
  outcome: "upheld" | "rejected" | null
  reporter_standing: AdminSocialReporterStanding | null
}

/** Why shoppers do not see a post: open reports that reached the threshold, or a moderator's decision. */
export type AdminSocialHiddenReason =
  | { type: "reports"; score: number; threshold: number; report_count: number; note: string | null; at: string | null }
  | {
      type: "moderator"
      action: "hide" | "remove"
      moderator: { id: string; name: string }
      note: string | null
      at: string | null
    }

/** A tag as moderators see it: the catalog product it names, whether on sale or not. */
export type AdminSocialPostTag = Omit<StoreSocialPostTag, "product"> & {
  product: { id: string; title: string; handle: string; thumbnail: string | null } | null
}

/** A post as moderators see it: the shopper's shape (without liked_by_me) plus reports and the moderation record. */
export type AdminSocialPost = Omit<StoreSocialPost, "liked_by_me" | "tags"> & {
  tags: AdminSocialPostTag[]
  report_count: number
  open_report_count: number
  /** The open reports' weights added up; auto-hide compares it with the threshold. */
  open_report_score: number
  moderated_by: string | null
  /** The admin user behind the last decision, by name; null when none was made or reports hid the post. */
  moderator: { id: string; name: string } | null
  moderated_at: string | null
  moderation_note: string | null
  /** Oldest first. */
  reports: AdminSocialReport[]
  /** Why shoppers do not see the post (hidden or removed), or null. */
  hidden_reason: AdminSocialHiddenReason | null
  /**
   * The post by another author whose photo this post's photo nearly copies (it waited as pending
   * for a moderator because of it; GET /admin/social/posts/:post_id), or null.
   */
  duplicate_of: { post_id: string; reason: string } | null
}

/** The author's record a moderator weighs beside the post. */
export type AdminSocialAuthorHistory = {
  customer_id: string
  post_count: number
  by_status: Record<SocialPostStatus, number>
  reports_received: number
}

export type AdminSocialPostDetail = AdminSocialPost & { author_history: AdminSocialAuthorHistory }
export type AdminSocialPostResponse = { post: AdminSocialPostDetail }
export type AdminSocialPostListResponse = { posts: AdminSocialPost[]; count: number; offset: number; limit: number }

/** A product to tag on a new post's photo (POST /store/social/tag-suggestions), from search by photo. */
export type StoreSocialTagSuggestion = {
  product: ProductCard
  /** Ranking score, 0..1, as search by photo ranks. */
  score: number
  /** Why it matches, in words a shopper can read ("same category and colour"). */
  reasons: string[]
  /** The catalog category handle of the garment it matches. */
  category: string
  /** Where to pin the tag: the centre of the garment, as fractions (0..1) of the photo's width and height. */
  x: number
  y: number
}

/** POST /store/social/tag-suggestions: best first, each product once; empty when the photo shows no garment. */
export type StoreSocialTagSuggestionsResponse = { suggestions: StoreSocialTagSuggestion[]; message?: string }
