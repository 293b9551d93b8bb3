import { Context, InferTypeOf } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { sqlBinder, sqlManagerOf } from "../../utils/module-sql"
import {
  AUTO_MODERATOR,
  DEFAULT_SOCIAL_OPTIONS,
  ModerationAction,
  PostVisibility,
  REPORT_OUTCOME_AFTER,
  ReportReason,
  SocialModuleOptions,
  STATUS_AFTER,
} from "./constants"
import { buildPostListSql, encodeCursor, PostListCursor, PostListKind } from "./feed"
import { SocialComment, SocialFollow, SocialLike, SocialPost, SocialPostImage, SocialPostTag, SocialReport } from "./models"
import { assertPostContent } from "./post-content"
import { ReporterStanding, reportScore, reportWeight } from "./report-weight"
import { postVisibleToSql } from "./visibility"

export type PostListPage = { ids: string[]; next_cursor: string | null }

export type SocialPostDTO = InferTypeOf<typeof SocialPost>
export type SocialReportDTO = InferTypeOf<typeof SocialReport>

/** A photo already stored through the file module (file_id null: a file the post does not own). */
export type NewPostPhoto = { url: string; file_id: string | null; width: number | null; height: number | null }
/** A tag checked against the catalog, on photo number photo_index. */
export type NewPostTag = { product_id: string; variant_id: string | null; x: number | null; y: number | null; photo_index: number }
export type NewSocialPost = {
  customer_id: string
  caption: string | null
  visibility: PostVisibility
  status: "published" | "pending"
  photos: NewPostPhoto[]
  tags: NewPostTag[]
  /** The near-copy check's outcome (null checked_at: not checked yet, the image service was down). */
  duplicate?: PostDuplicateCheck
}

/** What checking a post's photos against other authors' posts found: the post it nearly copies, or nothing. */
export type PostDuplicateCheck = { checked_at: Date | null; duplicate_of_post_id: string | null; reason: string | null }

/** A post photo the ML sidecar's index should hold, or should no longer hold. */
export type PostPhotoIndexRow = { id: string; post_id: string; file_id: string | null; customer_id: string; position: number }

/** What replacing a post's tags did, for undoing it. */
export type ReplacedPostTags = { post_id: string; removed_ids: string[]; created_ids: string[] }

const MODERATION_FIELDS = ["id", "status", "moderated_by", "moderated_at", "moderation_note"] as const
/** A post's moderation fields as they were before a moderator's decision or a report. */
export type PostModerationFields = Pick<SocialPostDTO, (typeof MODERATION_FIELDS)[number]>

/** Likes or comments a write created and removed on one post, for undoing it. */
export type EngagementChange = { kind: "like" | "comment"; post_id: string; created_ids: string[]; removed_ids: string[] }

/** What a moderation decision changed, for undoing it. */
export type ModerationUndo = { previous: PostModerationFields; resolved_ids: string[] }

/** A recorded report and what it changed, for undoing it. */
export type RecordedReport = { report: SocialReportDTO; auto_hidden: boolean; previous: PostModerationFields }

const moderationFieldsOf = (post: SocialPostDTO): PostModerationFields => ({
  id: post.id,
  status: post.status,
  moderated_by: post.moderated_by,
  moderated_at: post.moderated_at,
  moderation_note: post.moderation_note,
})

/**
 * The social domain: posts with photos and product tags, likes, comments, follows, reports
 * and moderation. Generated CRUD (createSocialPosts, softDeleteSocialLikes, ...) comes from
 * MedusaService; the methods below are the queries that need SQL: ranked feeds, counters,
 * the moderation queue and who may see what.
 */
class SocialModuleService extends MedusaService({
  SocialPost,
  SocialPostImage,
  SocialPostTag,
  SocialLike,
  SocialComment,
  SocialFollow,
  SocialReport,
}) {
  protected readonly socialOptions_: Required<SocialModuleOptions>

  constructor(container: Record<string, unknown>, options?: SocialModuleOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    const threshold = Number(options?.auto_hide_report_threshold ?? DEFAULT_SOCIAL_OPTIONS.auto_hide_report_threshold)
    if (!Number.isInteger(threshold) || threshold < 1) {
      throw new Error(
        `social module option auto_hide_report_threshold must be a whole number of at least 1; got ${options?.auto_hide_report_threshold}`
      )
    }
    this.socialOptions_ = { auto_hide_report_threshold: threshold, require_approval: options?.require_approval === true }
  }

  /** The module's options with defaults filled in. */
  getOptions(): Required<SocialModuleOptions> {
    return { ...this.socialOptions_ }
  }

  /** Rewrites the like, comment and report counters of these posts from their rows. */
  @InjectManager()
  async recountPosts(postIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const ids = [...new Set(postIds)].filter(Boolean)
    if (!ids.length) return
    await sqlManagerOf(sharedContext).execute(
      `UPDATE social_post p SET
         like_count = (SELECT count(*) FROM social_like l WHERE l.post_id = p.id AND l.deleted_at IS NULL),
         comment_count = (SELECT count(*) FROM social_comment c WHERE c.post_id = p.id AND c.deleted_at IS NULL),
         report_count = (SELECT count(*) FROM social_report r WHERE r.post_id = p.id AND r.deleted_at IS NULL),
         open_report_count = (SELECT count(*) FROM social_report r WHERE r.post_id = p.id AND r.deleted_at IS NULL AND r.resolved_at IS NULL),
         open_report_score = (SELECT COALESCE(round(sum(r.weight)::numeric, 3), 0) FROM social_report r WHERE r.post_id = p.id AND r.deleted_at IS NULL AND r.resolved_at IS NULL)
       WHERE p.id IN (?)`,
      [ids]
    )
  }

  /** How much a report by a reporter of this standing counts towards auto-hiding a post (report-weight.ts). */
  weighReport(standing: ReporterStanding): number {
    return reportWeight(standing)
  }

  /** A reporter's track record: their earlier reports that moderators upheld or rejected. */
  @InjectManager()
  async reporterTrackRecord(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ upheld_reports: number; rejected_reports: number }> {
    const [[, upheld_reports], [, rejected_reports]] = await Promise.all([
      this.listAndCountSocialReports({ customer_id: customerId, outcome: "upheld" }, { take: 1, select: ["id"] }, sharedContext),
      this.listAndCountSocialReports({ customer_id: customerId, outcome: "rejected" }, { take: 1, select: ["id"] }, sharedContext),
    ])
    return { upheld_reports, rejected_reports }
  }

  /**
   * Hides a published post whose open reports weigh at least auto_hide_report_threshold,
   * recording the automatic moderator and the score in the note. Returns whether it did.
   */
  @InjectManager()
  async hideIfReportScoreReached(postId: string, @MedusaContext() sharedContext: Context = {}): Promise<{ hidden: boolean; score: number }> {
    const post = await this.retrieveSocialPost(postId, { select: ["id", "status", "open_report_count", "open_report_score"] }, sharedContext)
    const score = reportScore([Number(post.open_report_score ?? 0)])
    const threshold = this.socialOptions_.auto_hide_report_threshold
    if (post.status !== "published" || score < threshold) return { hidden: false, score }
    await this.updateSocialPosts(
      {
        id: postId,
        status: "hidden",
        moderated_by: AUTO_MODERATOR,
        moderated_at: new Date(),
        moderation_note: `Hidden automatically: ${post.open_report_count} reports weighing ${score} reached the threshold of ${threshold}`,
      },
      sharedContext
    )
    return { hidden: true, score }
  }

  /** Whether follower_id follows followed_id now. */
  @InjectManager()
  async isFollowing(followerId: string | null | undefined, followedId: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    if (!followerId) return false
    const [, count] = await this.listAndCountSocialFollows(
      { follower_id: followerId, followed_id: followedId },
      { take: 1, select: ["id"] },
      sharedContext
    )
    return count > 0
  }

  /** Whether a shopper (null: anonymous) may see a post now (visibility.ts: the author always). */
  @InjectManager()
  async canView(post: { id: string }, viewerId: string | null | undefined, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const { bind, finish } = sqlBinder()
    const { sql, bindings } = finish(
      `SELECT EXISTS (SELECT 1 FROM social_post p WHERE p.id = ${bind(post.id)} AND p.deleted_at IS NULL AND ${postVisibleToSql(viewerId, bind)}) AS visible`
    )
    const [row] = await sqlManagerOf(sharedContext).execute<{ visible: boolean }>(sql, bindings)
    return row?.visible === true
  }

  /** One page of a feed, profile or product list: post ids in order and the cursor of the next page. */
  @InjectManager()
  async listPostPage(
    input: { kind: PostListKind; viewer_id: string | null; scope?: string | null; limit: number; cursor?: PostListCursor | null; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PostListPage> {
    const scope = input.scope ?? null
    const { sql, bindings, as_of } = buildPostListSql({ ...input, scope })
    const rows = await sqlManagerOf(sharedContext).execute<{ id: string; score: string }>(sql, bindings)
    const page = rows.slice(0, input.limit)
    const last = page[page.length - 1]
    const next_cursor = rows.length > input.limit && last ? encodeCursor({ kind: input.kind, scope, as_of, score: last.score, id: last.id }) : null
    return { ids: page.map((r) => r.id), next_cursor }
  }

  /** Followers and followings of a customer (live follows only). */
  @InjectManager()
  async countFollows(customerId: string, @MedusaContext() sharedContext: Context = {}) {
    const [[, follower_count], [, following_count]] = await Promise.all([
      this.listAndCountSocialFollows({ followed_id: customerId }, { take: 1, select: ["id"] }, sharedContext),
      this.listAndCountSocialFollows({ follower_id: customerId }, { take: 1, select: ["id"] }, sharedContext),
    ])
    return { follower_count, following_count }
  }

  /** How many of an author's posts a shopper may see (all of them for the author). */
  @InjectManager()
  async countVisiblePostsOf(authorId: string, viewerId: string | null, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const { bind, finish } = sqlBinder()
    const { sql, bindings } = finish(
      `SELECT count(*)::int AS count FROM social_post p
        WHERE p.deleted_at IS NULL AND p.customer_id = ${bind(authorId)} AND ${postVisibleToSql(viewerId, bind)}`
    )
    const rows = await sqlManagerOf(sharedContext).execute<{ count: number }>(sql, bindings)
    return Number(rows[0]?.count ?? 0)
  }

  /**
   * Posts waiting for a moderator: pending ones and those with open reports, oldest first
   * (by their oldest open report, or by creation for pending posts without reports).
   */
  @InjectManager()
  async listModerationQueue(
    { limit, offset }: { limit: number; offset: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ ids: string[]; count: number }> {
    const manager = sqlManagerOf(sharedContext)
    const rows = await manager.execute<{ id: string; total: number }>(
      `SELECT p.id, count(*) OVER ()::int AS total,
                COALESCE((SELECT min(r.created_at) FROM social_report r
                           WHERE r.post_id = p.id AND r.deleted_at IS NULL AND r.resolved_at IS NULL), p.created_at) AS waiting_since
           FROM social_post p
          WHERE p.deleted_at IS NULL AND (p.status = 'pending' OR p.open_report_count > 0)
          ORDER BY waiting_since ASC, p.id ASC
          LIMIT ? OFFSET ?`,
      [limit, offset]
    )
    let count = Number(rows[0]?.total ?? 0)
    if (!rows.length && offset > 0) {
      const [total] = await manager.execute<{ total: number }>(
        `SELECT count(*)::int AS total FROM social_post p WHERE p.deleted_at IS NULL AND (p.status = 'pending' OR p.open_report_count > 0)`
      )
      count = Number(total?.total ?? 0)
    }
    return { ids: rows.map((r) => r.id), count }
  }

  /**
   * Likes a post once, in one transaction with its counter: a second like finds the first and
   * changes nothing (created_ids empty). Two likes racing: the unique index refuses the second,
   * whose transaction fails whole.
   */
  @InjectTransactionManager()
  async likePost(
    input: { post_id: string; customer_id: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<EngagementChange & { like_id: string }> {
    const change: EngagementChange = { kind: "like", post_id: input.post_id, created_ids: [], removed_ids: [] }
    const [existing] = await this.listSocialLikes(input, { take: 1, select: ["id"] }, sharedContext)
    if (existing) return { ...change, like_id: existing.id }
    const like = await this.createSocialLikes(input, sharedContext)
    await this.recountPosts([input.post_id], sharedContext)
    return { ...change, created_ids: [like.id], like_id: like.id }
  }

  /** Unlikes a post (not liked: nothing to do), in one transaction with its counter. Soft delete: earlier feed pages keep their ranking. */
  @InjectTransactionManager()
  async unlikePost(input: { post_id: string; customer_id: string }, @MedusaContext() sharedContext: Context = {}): Promise<EngagementChange> {
    const likes = await this.listSocialLikes(input, { select: ["id"], take: null }, sharedContext)
    const removed_ids = likes.map((l) => l.id)
    if (removed_ids.length) {
      await this.softDeleteSocialLikes(removed_ids, {}, sharedContext)
      await this.recountPosts([input.post_id], sharedContext)
    }
    return { kind: "like", post_id: input.post_id, created_ids: [], removed_ids }
  }

  /**
   * Adds a comment, or a reply to a top-level comment of the same post (one level of replies),
   * in one transaction with the post's counter.
   */
  @InjectTransactionManager()
  async commentOnPost(
    input: { post_id: string; customer_id: string; body: string; parent_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ comment: InferTypeOf<typeof SocialComment>; change: EngagementChange }> {
    if (input.parent_id) {
      const [parent] = await this.listSocialComments({ id: input.parent_id }, { select: ["id", "parent_id", "post_id"], take: 1 }, sharedContext)
      if (!parent || parent.post_id !== input.post_id) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `parent_id ${input.parent_id} is not a comment on this post`)
      }
      if (parent.parent_id) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `parent_id ${input.parent_id} is a reply; reply to the comment it answers instead`)
      }
    }
    const comment = await this.createSocialComments({ ...input, parent_id: input.parent_id ?? null }, sharedContext)
    await this.recountPosts([input.post_id], sharedContext)
    return { comment, change: { kind: "comment", post_id: input.post_id, created_ids: [comment.id], removed_ids: [] } }
  }

  /**
   * Deletes a comment with its replies, by its author or the post's author (a comment on a post
   * the customer cannot see answers as missing), in one transaction with the post's counter.
   * Soft delete, so that an undo brings exactly them back.
   */
  @InjectTransactionManager()
  async deleteComment(input: { comment_id: string; customer_id: string }, @MedusaContext() sharedContext: Context = {}): Promise<EngagementChange> {
    const [comment] = await this.listSocialComments({ id: input.comment_id }, { relations: ["post"], take: 1 }, sharedContext)
    const post = comment?.post
    if (!comment || !post || !(await this.canView(post, input.customer_id, sharedContext))) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Comment with id: ${input.comment_id} was not found`)
    }
    if (comment.customer_id !== input.customer_id && post.customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, "Only the comment's author or the post's author may delete a comment")
    }
    const replies = await this.listSocialComments({ parent_id: comment.id }, { select: ["id"], take: null }, sharedContext)
    const removed_ids = [comment.id, ...replies.map((r) => r.id)]
    await this.softDeleteSocialComments(removed_ids, {}, sharedContext)
    await this.recountPosts([post.id], sharedContext)
    return { kind: "comment", post_id: post.id, created_ids: [], removed_ids }
  }

  /** Undoes a like, unlike, comment or comment deletion in one transaction: created rows go, removed ones come back, counters follow. */
  @InjectTransactionManager()
  async undoEngagement(change: EngagementChange, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (change.kind === "like") {
      if (change.created_ids.length) await this.deleteSocialLikes(change.created_ids, sharedContext)
      if (change.removed_ids.length) await this.restoreSocialLikes(change.removed_ids, {}, sharedContext)
    } else {
      if (change.created_ids.length) await this.deleteSocialComments(change.created_ids, sharedContext)
      if (change.removed_ids.length) await this.restoreSocialComments(change.removed_ids, {}, sharedContext)
    }
    await this.recountPosts([change.post_id], sharedContext)
  }

  /**
   * Creates a post with its photos and tags in one transaction (assertPostContent checks them
   * first): a failure part way leaves none of the three behind. Undone by deleteSocialPosts,
   * whose cascade takes the photos and tags.
   */
  @InjectTransactionManager()
  async createPostWithContent(input: NewSocialPost, @MedusaContext() sharedContext: Context = {}): Promise<SocialPostDTO> {
    assertPostContent({ photo_count: input.photos.length, tags: input.tags })
    const { customer_id, caption, visibility, status, duplicate } = input
    const post = await this.createSocialPosts(
      {
        customer_id,
        caption,
        visibility,
        status,
        duplicate_checked_at: duplicate?.checked_at ?? null,
        duplicate_of_post_id: duplicate?.duplicate_of_post_id ?? null,
        duplicate_reason: duplicate?.reason ?? null,
      },
      sharedContext
    )
    await this.createSocialPostImages(
      input.photos.map((photo, position) => ({ ...photo, position, post_id: post.id })),
      sharedContext
    )
    if (input.tags.length)
      await this.createSocialPostTags(
        input.tags.map((tag) => ({ ...tag, post_id: post.id })),
        sharedContext
      )
    return post
  }

  /**
   * Records a late near-copy check (the image service was down when the post was made): a post
   * found to copy another author's post waits for a moderator as pending with the reason, unless a
   * moderator already decided on it. One transaction; returns whether it held the post.
   */
  @InjectTransactionManager()
  async recordDuplicateCheck(
    input: { post_id: string; checked_at: Date; duplicate_of_post_id: string | null; reason: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ held: boolean }> {
    const post = await this.retrieveSocialPost(input.post_id, { select: ["id", "status", "moderated_at"] }, sharedContext)
    const hold = !!input.duplicate_of_post_id && post.status === "published" && !post.moderated_at
    await this.updateSocialPosts(
      {
        id: input.post_id,
        duplicate_checked_at: input.checked_at,
        ...(input.duplicate_of_post_id ? { duplicate_of_post_id: input.duplicate_of_post_id, duplicate_reason: input.reason } : {}),
        ...(hold ? { status: "pending" as const } : {}),
      },
      sharedContext
    )
    return { held: hold }
  }

  /** Posts whose photos were never checked for near-copies (the image service was down), oldest first. */
  @InjectManager()
  async listPostsAwaitingDuplicateCheck(
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; customer_id: string; created_at: Date }[]> {
    return sqlManagerOf(sharedContext).execute(
      `SELECT p.id, p.customer_id, p.created_at FROM social_post p
        WHERE p.deleted_at IS NULL AND p.duplicate_checked_at IS NULL AND p.status IN ('published', 'pending')
        ORDER BY p.created_at ASC, p.id ASC LIMIT ?`,
      [limit]
    )
  }

  /**
   * Photos the image index should hold and does not: the post's own files (not catalog images a
   * demo post reuses) of live posts that were checked for near-copies and not removed.
   */
  @InjectManager()
  async listPhotosToIndex(limit: number, @MedusaContext() sharedContext: Context = {}): Promise<PostPhotoIndexRow[]> {
    return this.postPhotoIndexRows(
      `i.visual_indexed_at IS NULL AND i.file_id IS NOT NULL AND i.deleted_at IS NULL
        AND p.deleted_at IS NULL AND p.status <> 'removed' AND p.duplicate_checked_at IS NOT NULL`,
      "i.created_at ASC, i.id ASC",
      limit,
      sharedContext
    )
  }

  /** Photos in the image index that should no longer be: deleted photos, deleted or removed posts. */
  @InjectManager()
  async listPhotosToUnindex(limit: number, @MedusaContext() sharedContext: Context = {}): Promise<PostPhotoIndexRow[]> {
    return this.postPhotoIndexRows(
      "i.visual_indexed_at IS NOT NULL AND (i.deleted_at IS NOT NULL OR p.deleted_at IS NOT NULL OR p.status = 'removed')",
      "i.id ASC",
      limit,
      sharedContext
    )
  }

  /** Post photos with their post's author, as the image index sync reads them; `where` and `orderBy` are fixed SQL, never input. */
  private postPhotoIndexRows(where: string, orderBy: string, limit: number, sharedContext: Context): Promise<PostPhotoIndexRow[]> {
    return sqlManagerOf(sharedContext).execute(
      `SELECT i.id, i.post_id, i.file_id, p.customer_id, i.position FROM social_post_image i JOIN social_post p ON p.id = i.post_id
        WHERE ${where} ORDER BY ${orderBy} LIMIT ?`,
      [limit]
    )
  }

  /** Records photos as put into (a date) or taken out of (null) the image index; soft-deleted photos included. */
  @InjectManager()
  async markPhotosIndexed(photoIds: string[], indexedAt: Date | null, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!photoIds.length) return
    await sqlManagerOf(sharedContext).execute(`UPDATE social_post_image SET visual_indexed_at = ? WHERE id IN (?)`, [indexedAt, photoIds])
  }

  /**
   * Replaces all tags of a post in one transaction: the old ones are soft-deleted (so that an
   * undo brings exactly them back), the new ones created after assertPostContent checked them
   * against the post's photos.
   */
  @InjectTransactionManager()
  async replacePostTags(postId: string, tags: NewPostTag[], @MedusaContext() sharedContext: Context = {}): Promise<ReplacedPostTags> {
    const old = await this.listSocialPostTags({ post_id: postId }, { select: ["id"], take: null }, sharedContext)
    const [, photoCount] = await this.listAndCountSocialPostImages({ post_id: postId }, { select: ["id"], take: 1 }, sharedContext)
    assertPostContent({ photo_count: photoCount, tags })
    const removed_ids = old.map((t) => t.id)
    if (removed_ids.length) await this.softDeleteSocialPostTags(removed_ids, {}, sharedContext)
    const created = tags.length
      ? await this.createSocialPostTags(
          tags.map((tag) => ({ ...tag, post_id: postId })),
          sharedContext
        )
      : []
    return { post_id: postId, removed_ids, created_ids: created.map((t) => t.id) }
  }

  /** Undoes replacePostTags in one transaction: the new tags go, the old ones come back. */
  @InjectTransactionManager()
  async undoReplacePostTags(replaced: ReplacedPostTags, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (replaced.created_ids.length) await this.deleteSocialPostTags(replaced.created_ids, sharedContext)
    if (replaced.removed_ids.length) await this.restoreSocialPostTags(replaced.removed_ids, {}, sharedContext)
  }

  /**
   * Records a customer's report on a post (one per customer and post: a second is a 422; never
   * on one's own post), weighed by the reporter's standing, and hides a published post once its
   * open reports' weights reach auto_hide_report_threshold. One transaction: the report, the
   * counters and the hiding are written together or not at all.
   */
  @InjectTransactionManager()
  async reportPost(
    input: { post_id: string; customer_id: string; reason: ReportReason; note?: string | null; standing: ReporterStanding },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RecordedReport> {
    const [existing] = await this.listSocialReports(
      { post_id: input.post_id, customer_id: input.customer_id },
      { take: 1, select: ["id"] },
      sharedContext
    )
    // 422 with the reason, as Medusa answers duplicates (its 409 is for request races and hides the message).
    if (existing) throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `You have already reported post ${input.post_id}`)
    const before = await this.retrieveSocialPost(input.post_id, { select: [...MODERATION_FIELDS, "customer_id"] }, sharedContext)
    if (before.customer_id === input.customer_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "You cannot report your own post")
    const report = await this.createSocialReports(
      {
        post_id: input.post_id,
        customer_id: input.customer_id,
        reason: input.reason,
        note: input.note ?? null,
        weight: this.weighReport(input.standing),
        reporter_standing: input.standing,
      },
      sharedContext
    )
    await this.recountPosts([input.post_id], sharedContext)
    const { hidden } = await this.hideIfReportScoreReached(input.post_id, sharedContext)
    return { report, auto_hidden: hidden, previous: moderationFieldsOf(before) }
  }

  /** Undoes reportPost in one transaction: the report goes, the post's moderation fields and counters are put back. */
  @InjectTransactionManager()
  async undoReport(recorded: { report_id: string; previous: PostModerationFields }, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.deleteSocialReports([recorded.report_id], sharedContext)
    await this.updateSocialPosts(recorded.previous, sharedContext)
    await this.recountPosts([recorded.previous.id], sharedContext)
  }

  /**
   * A moderator approves (publishes), hides or removes a post: the post's status and who
   * decided when, its open reports resolved by the decision (upheld, or rejected by an
   * approval: the reporters' track record), and its counters, in one transaction.
   */
  @InjectTransactionManager()
  async moderatePost(
    input: { post_id: string; action: ModerationAction; note?: string | null; moderator_id: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ModerationUndo> {
    const before = await this.retrieveSocialPost(input.post_id, { select: [...MODERATION_FIELDS] }, sharedContext)
    const now = new Date()
    await this.updateSocialPosts(
      {
        id: input.post_id,
        status: STATUS_AFTER[input.action],
        moderated_by: input.moderator_id,
        moderated_at: now,
        moderation_note: input.note ?? null,
      },
      sharedContext
    )
    const open = await this.listSocialReports({ post_id: input.post_id, resolved_at: null }, { select: ["id"], take: null }, sharedContext)
    const resolved_ids = open.map((r) => r.id)
    if (resolved_ids.length) {
      await this.updateSocialReports(
        { selector: { id: resolved_ids }, data: { resolved_at: now, resolved_by: input.moderator_id, outcome: REPORT_OUTCOME_AFTER[input.action] } },
        sharedContext
      )
    }
    await this.recountPosts([input.post_id], sharedContext)
    return { previous: moderationFieldsOf(before), resolved_ids }
  }

  /** Undoes moderatePost in one transaction: the moderation fields are put back and the reports it resolved reopened. */
  @InjectTransactionManager()
  async undoModeration(undo: ModerationUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.updateSocialPosts(undo.previous, sharedContext)
    if (undo.resolved_ids.length) {
      await this.updateSocialReports(
        { selector: { id: undo.resolved_ids }, data: { resolved_at: null, resolved_by: null, outcome: null } },
        sharedContext
      )
    }
    await this.recountPosts([undo.previous.id], sharedContext)
  }
}

export default SocialModuleService
