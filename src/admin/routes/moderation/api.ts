/**
 * Calls to Curator's social moderation Admin API from the moderation page (see adminFetch).
 */
import { adminFetch } from "../../lib/admin-fetch"

export { adminFetch }
export type PostStatus = "published" | "pending" | "hidden" | "removed"
export type ModerationAction = "approve" | "hide" | "remove"

export type ModeratedPost = {
  id: string
  caption: string | null
  visibility: "public" | "followers" | "private"
  status: PostStatus
  created_at: string
  author: { id: string; display_name: string }
  photos: { id: string; url: string; width: number | null; height: number | null; position: number }[]
  tags: { id: string; product_id: string; variant_id: string | null; product: { id: string; title: string; handle: string } | null }[]
  like_count: number
  comment_count: number
  report_count: number
  open_report_count: number
  moderated_by: string | null
  moderated_at: string | null
  moderation_note: string | null
  /** The open reports' weights added up; auto-hide compares it with the threshold. */
  open_report_score: number
  reports: {
    id: string
    customer_id: string
    reason: string
    note: string | null
    created_at: string
    resolved_at: string | null
    /** How much the report counts (the reporter's standing when they reported). */
    weight: number
    outcome: "upheld" | "rejected" | null
    reporter_standing: ReporterStanding | null
  }[]
  /** Why shoppers do not see the post (hidden or removed), or null. */
  hidden_reason: HiddenReason | null
  author_history?: { post_count: number; by_status: Record<PostStatus, number>; reports_received: number }
}

export type ReporterStanding = { account_age_days: number; orders: number; upheld_reports: number; rejected_reports: number }

export type HiddenReason =
  | { type: "reports"; score: number; threshold: number; report_count: number; note: string | null; at: string | null }
  | { type: "moderator"; action: "hide" | "remove"; moderator: { id: string; name: string }; note: string | null; at: string | null }

export type PostList = { posts: ModeratedPost[]; count: number; offset: number; limit: number }

/** The queue (pending and reported posts, oldest first), or all posts filtered by status. */
export const listPosts = (view: "queue" | PostStatus | "all", offset: number, limit: number) => {
  const params = new URLSearchParams({ limit: String(limit), offset: String(offset) })
  if (view === "queue") return adminFetch<PostList>(`/admin/social/moderation-queue?${params}`)
  if (view !== "all") params.set("status", view)
  return adminFetch<PostList>(`/admin/social/posts?${params}`)
}

export const retrievePost = (id: string) => adminFetch<{ post: ModeratedPost }>(`/admin/social/posts/${id}`)

export const listAuthorPosts = (customerId: string) =>
  adminFetch<PostList>(`/admin/social/posts?${new URLSearchParams({ customer_id: customerId, limit: "10" })}`)

export const moderatePost = (id: string, action: ModerationAction, note: string) =>
  adminFetch<{ post: ModeratedPost }>(`/admin/social/posts/${id}/moderate`, { method: "POST", json: { action, note: note.trim() || null } })
