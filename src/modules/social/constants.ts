/** Who may see a post: everyone, the author's followers, or the author alone. */
export const POST_VISIBILITIES = ["public", "followers", "private"] as const
export type PostVisibility = (typeof POST_VISIBILITIES)[number]

/** Where a post stands in moderation. Only published posts reach other shoppers. */
export const POST_STATUSES = ["published", "pending", "hidden", "removed"] as const
export type PostStatus = (typeof POST_STATUSES)[number]

export const REPORT_REASONS = ["spam", "inappropriate", "counterfeit", "harassment", "other"] as const
export type ReportReason = (typeof REPORT_REASONS)[number]

/** What a moderator's decision made of a report: upheld (post hidden or removed) or rejected (approved). */
export const REPORT_OUTCOMES = ["upheld", "rejected"] as const
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number]

export const MODERATION_ACTIONS = ["approve", "hide", "remove"] as const
export type ModerationAction = (typeof MODERATION_ACTIONS)[number]

/** The status each moderation action leaves a post in. */
export const STATUS_AFTER: Record<ModerationAction, PostStatus> = { approve: "published", hide: "hidden", remove: "removed" }

/** What each moderation action makes of the post's open reports. */
export const REPORT_OUTCOME_AFTER: Record<ModerationAction, ReportOutcome> = { approve: "rejected", hide: "upheld", remove: "upheld" }

/** Who is recorded as moderator when reports hide a post on their own. */
export const AUTO_MODERATOR = "system:auto-hide"

export const MAX_POST_PHOTOS = 6
export const MAX_POST_TAGS = 20

export type SocialModuleOptions = {
  /**
   * The weighted sum of open reports that hides a published post until a moderator decides.
   * Each report weighs its reporter's standing (report-weight.ts): 1 for an established
   * account, 0.1 for a brand-new one, up to 1.5 with orders and upheld earlier reports.
   */
  auto_hide_report_threshold?: number
  /** New posts wait as "pending" for a moderator instead of being published at once. */
  require_approval?: boolean
}

export const DEFAULT_SOCIAL_OPTIONS: Required<SocialModuleOptions> = { auto_hide_report_threshold: 3, require_approval: false }
