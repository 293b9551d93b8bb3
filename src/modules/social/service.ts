import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { AUTO_MODERATOR, DEFAULT_SOCIAL_OPTIONS, SocialModuleOptions } from "./constants"
import { buildPostListSql, encodeCursor, PostListCursor, PostListKind } from "./feed"
import { ReporterStanding, reportScore, reportWeight } from "./report-weight"
import { SocialComment, SocialFollow, SocialLike, SocialPost, SocialPostImage, SocialPostTag, SocialReport } from "./models"

export type PostListPage = { ids: string[]; next_cursor: string | null }

type Viewable = { customer_id: string; status: string; visibility: string; deleted_at?: Date | string | null }

/** The rows a raw query returns, whichever driver shape the manager hands back. */
const rowsOf = (result: any): any[] => (Array.isArray(result) ? result : (result?.rows ?? []))

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
      throw new Error(`social module option auto_hide_report_threshold must be a whole number of at least 1; got ${options?.auto_hide_report_threshold}`)
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
    const knex = (sharedContext.manager as any).getKnex()
    await knex.raw(
      `UPDATE social_post p SET
         like_count = (SELECT count(*) FROM social_like l WHERE l.post_id = p.id AND l.deleted_at IS NULL),
         comment_count = (SELECT count(*) FROM social_comment c WHERE c.post_id = p.id AND c.deleted_at IS NULL),
         report_count = (SELECT count(*) FROM social_report r WHERE r.post_id = p.id AND r.deleted_at IS NULL),
         open_report_count = (SELECT count(*) FROM social_report r WHERE r.post_id = p.id AND r.deleted_at IS NULL AND r.resolved_at IS NULL),
         open_report_score = (SELECT COALESCE(round(sum(r.weight)::numeric, 3), 0) FROM social_report r WHERE r.post_id = p.id AND r.deleted_at IS NULL AND r.resolved_at IS NULL)
       WHERE p.id = ANY(?)`,
      [ids]
    )
  }

  /** How much a report by a reporter of this standing counts towards auto-hiding a post (report-weight.ts). */
  weighReport(standing: ReporterStanding): number {
    return reportWeight(standing)
  }

  /** A reporter's track record: their earlier reports that moderators upheld or rejected. */
  @InjectManager()
  async reporterTrackRecord(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<{ upheld_reports: number; rejected_reports: number }> {
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
    const [, count] = await this.listAndCountSocialFollows({ follower_id: followerId, followed_id: followedId }, { take: 1, select: ["id"] }, sharedContext)
    return count > 0
  }

  /**
   * Whether a shopper (null: anonymous) may see a post: the author always; others only a
   * published post that is public, or followers-only while they follow the author.
   */
  @InjectManager()
  async canView(post: Viewable, viewerId: string | null | undefined, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    if (post.deleted_at) return false
    if (viewerId && post.customer_id === viewerId) return true
    if (post.status !== "published") return false
    if (post.visibility === "public") return true
    if (post.visibility === "followers") return this.isFollowing(viewerId, post.customer_id, sharedContext)
    return false
  }

  /** One page of a feed, profile or product list: post ids in order and the cursor of the next page. */
  @InjectManager()
  async listPostPage(
    input: { kind: PostListKind; viewer_id: string | null; scope?: string | null; limit: number; cursor?: PostListCursor | null; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PostListPage> {
    const scope = input.scope ?? null
    const { sql, bindings, as_of } = buildPostListSql({ ...input, scope })
    const knex = (sharedContext.manager as any).getKnex()
    const rows = rowsOf(await knex.raw(sql, bindings)) as { id: string; score: string }[]
    const page = rows.slice(0, input.limit)
    const last = page[page.length - 1]
    const next_cursor =
      rows.length > input.limit && last ? encodeCursor({ kind: input.kind, scope, as_of, score: last.score, id: last.id }) : null
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
    const knex = (sharedContext.manager as any).getKnex()
    const rows = rowsOf(
      await knex.raw(
        `SELECT count(*)::int AS count FROM social_post p
          WHERE p.deleted_at IS NULL AND p.customer_id = ?
            AND (p.customer_id = ? OR (p.status = 'published' AND (p.visibility = 'public' OR (p.visibility = 'followers' AND EXISTS (
              SELECT 1 FROM social_follow f WHERE f.follower_id = ? AND f.followed_id = p.customer_id AND f.deleted_at IS NULL)))))`,
        [authorId, viewerId, viewerId]
      )
    )
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
    const knex = (sharedContext.manager as any).getKnex()
    const rows = rowsOf(
      await knex.raw(
        `SELECT p.id, count(*) OVER ()::int AS total,
                COALESCE((SELECT min(r.created_at) FROM social_report r
                           WHERE r.post_id = p.id AND r.deleted_at IS NULL AND r.resolved_at IS NULL), p.created_at) AS waiting_since
           FROM social_post p
          WHERE p.deleted_at IS NULL AND (p.status = 'pending' OR p.open_report_count > 0)
          ORDER BY waiting_since ASC, p.id ASC
          LIMIT ? OFFSET ?`,
        [limit, offset]
      )
    )
    let count = Number(rows[0]?.total ?? 0)
    if (!rows.length && offset > 0) {
      const [total] = rowsOf(
        await knex.raw(`SELECT count(*)::int AS total FROM social_post p WHERE p.deleted_at IS NULL AND (p.status = 'pending' OR p.open_report_count > 0)`)
      )
      count = Number(total?.total ?? 0)
    }
    return { ids: rows.map((r: any) => r.id), count }
  }
}

export default SocialModuleService
