import { MedusaError } from "@medusajs/framework/utils"
import { sqlBinder } from "../../utils/module-sql"
import { postVisibleToSql } from "./visibility"

/**
 * Ranked, cursor-paginated post lists. Every list is ordered by (score desc, id desc) and
 * paged by keyset on that pair. Ranked lists compute their score "as of" the moment the first
 * page was served (carried in the cursor): posts created later are left out, and likes,
 * comments and follows count only if they existed then (unlikes and unfollows are soft
 * deletes, so the past is still known). The ranking is therefore the same on every page, a
 * post cannot appear twice, and new posts do not push older ones onto the next page.
 * What changes between pages is only who may see what (a post hidden meanwhile drops out).
 */
export const POST_LIST_KINDS = ["for_you", "following", "popular", "author", "product"] as const
export type PostListKind = (typeof POST_LIST_KINDS)[number]

export type PostListCursor = {
  /** the list the cursor belongs to, and its author or product id */
  kind: PostListKind
  scope: string | null
  /** ISO time the ranking is computed at */
  as_of: string
  /** score and id of the last post served */
  score: string
  id: string
}

export function encodeCursor(cursor: PostListCursor): string {
  const { kind, scope, as_of, score, id } = cursor
  return Buffer.from(JSON.stringify({ v: 1, k: kind, x: scope, a: as_of, s: score, i: id }), "utf8").toString("base64url")
}

const badCursor = (why: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `cursor is not valid: ${why}`)
const UNCHANGED = "pass back the next_cursor of a previous page unchanged"

/** Bounds of a cursor's as-of time: no post predates the first, and a cursor is never from the future. */
export const CURSOR_EARLIEST_AS_OF = "2000-01-01T00:00:00.000Z"
/** How far ahead of this server's clock a cursor's time may be (another instance's clock may run ahead). */
export const CURSOR_CLOCK_SKEW_MS = 5 * 60 * 1000
const CURSOR_KEYS = ["a", "i", "k", "s", "v", "x"]
/** As toISOString writes it: four-digit years only (PostgreSQL does not read "+010000-…"). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
/** A score as PostgreSQL writes a numeric: never negative, never exponent notation, bounded. */
const SCORE = /^\d{1,20}(\.\d{1,20})?$/
const POST_ID = /^[A-Za-z0-9_-]{1,100}$/

/**
 * The cursor a client sent back, checked to belong to this list. A cursor is opaque but not
 * trusted: every part is checked for the shape encodeCursor gives it, so that an edited one gets
 * a 400 here rather than reaching SQL (a year 275760, a NaN score or a NUL in the id did).
 */
export function decodeCursor(raw: string, expected: { kind: PostListKind; scope: string | null }, now: Date = new Date()): PostListCursor {
  if (!/^[A-Za-z0-9_-]{1,1000}$/.test(raw)) throw badCursor(UNCHANGED)
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"))
  } catch {
    throw badCursor(UNCHANGED)
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw badCursor(UNCHANGED)
  const fields = parsed as Record<string, unknown>
  if (fields.v !== 1 || Object.keys(fields).sort().join() !== CURSOR_KEYS.join()) throw badCursor(UNCHANGED)
  const { k, x, a, s, i } = fields
  if (k !== expected.kind || x !== expected.scope) throw badCursor("it belongs to another feed or tab")
  if (typeof a !== "string" || !ISO_TIME.test(a) || Number.isNaN(Date.parse(a)) || new Date(a).toISOString() !== a) throw badCursor("bad time")
  if (a < CURSOR_EARLIEST_AS_OF || Date.parse(a) > now.getTime() + CURSOR_CLOCK_SKEW_MS) throw badCursor("its time is out of range")
  if (typeof s !== "string" || !SCORE.test(s)) throw badCursor("bad position")
  if (typeof i !== "string" || !POST_ID.test(i)) throw badCursor("bad position")
  return { kind: expected.kind, scope: expected.scope, as_of: a, score: s, id: i }
}

/**
 * Ranking weights. for_you: engagement (a comment counts as two likes) on a log scale,
 * multiplied by follow affinity (following the author doubles the score, each earlier like of
 * the author's posts adds a quarter, up to four), decayed by age (hours + 2)^1.2.
 * popular: engagement weighs twice as much and decays slower; no affinity.
 * following and author profiles: newest first. product ("worn by the community"): popular.
 */
export const RANKING = {
  comment_weight: 2,
  for_you: { engagement_weight: 1, gravity: 1.2, follow_boost: 1, like_affinity: 0.25, like_affinity_cap: 4 },
  popular: { engagement_weight: 2, gravity: 0.8 },
  score_decimals: 12,
} as const

export type PostListQuery = {
  kind: PostListKind
  viewer_id: string | null
  /** author id for "author", product id for "product" */
  scope: string | null
  limit: number
  cursor?: PostListCursor | null
  /** the as-of time of a first page (defaults to now) */
  now?: Date
}

/** SQL (positional bindings only) selecting one page of post ids with their scores. */
export function buildPostListSql(input: PostListQuery): { sql: string; bindings: unknown[]; as_of: string } {
  const asOf = input.cursor?.as_of ?? (input.now ?? new Date()).toISOString()
  const viewer = input.viewer_id
  const { bind, finish } = sqlBinder()
  const asOfSql = () => `CAST(${bind(asOf)} AS timestamptz)`
  const aliveAt = (alias: string) => `${alias}.created_at <= ${asOfSql()} AND (${alias}.deleted_at IS NULL OR ${alias}.deleted_at > ${asOfSql()})`
  const engagement = () =>
    `((SELECT count(*) FROM social_like l WHERE l.post_id = p.id AND ${aliveAt("l")})` +
    ` + ${RANKING.comment_weight} * (SELECT count(*) FROM social_comment c WHERE c.post_id = p.id AND ${aliveAt("c")}))`
  const ageHours = () => `GREATEST(EXTRACT(EPOCH FROM (${asOfSql()} - p.created_at)) / 3600.0, 0)`
  const round = (expr: string) => `ROUND(CAST(${expr} AS numeric), ${RANKING.score_decimals})`
  const chronological = "EXTRACT(EPOCH FROM p.created_at)"
  const popular = () =>
    round(`(1 + ${RANKING.popular.engagement_weight} * LN(1 + ${engagement()})) / POWER(${ageHours()} + 2, ${RANKING.popular.gravity})`)
  const forYou = () => {
    const w = RANKING.for_you
    if (!viewer) return popular()
    const followed = `(CASE WHEN EXISTS (SELECT 1 FROM social_follow f WHERE f.follower_id = ${bind(viewer)} AND f.followed_id = p.customer_id AND ${aliveAt("f")}) THEN ${w.follow_boost} ELSE 0 END)`
    const likedAuthor =
      `LEAST((SELECT count(*) FROM social_like l2 JOIN social_post q ON q.id = l2.post_id` +
      ` WHERE l2.customer_id = ${bind(viewer)} AND q.customer_id = p.customer_id AND q.id <> p.id AND ${aliveAt("l2")}), ${w.like_affinity_cap})`
    return round(
      `(1 + ${w.engagement_weight} * LN(1 + ${engagement()})) * (1 + ${followed} + ${w.like_affinity} * ${likedAuthor}) / POWER(${ageHours()} + 2, ${w.gravity})`
    )
  }
  const score = input.kind === "for_you" ? forYou() : input.kind === "popular" || input.kind === "product" ? popular() : chronological

  const where: string[] = ["p.deleted_at IS NULL", `p.created_at <= ${asOfSql()}`]
  // Who may see a post, now (visibility.ts): the author's own posts on their profile whatever the
  // status, in feeds once published.
  where.push(postVisibleToSql(viewer, bind, input.kind === "author" ? "any_status" : "published"))
  if (input.kind === "popular") where.push(`p.visibility = 'public'`)
  if (input.kind === "following") {
    // Whose posts the tab holds is decided as of the first page too; who may see them, now (above).
    where.push(
      viewer
        ? `EXISTS (SELECT 1 FROM social_follow ft WHERE ft.follower_id = ${bind(viewer)} AND ft.followed_id = p.customer_id AND ${aliveAt("ft")})`
        : "FALSE"
    )
  }
  if (input.kind === "author") where.push(`p.customer_id = ${bind(input.scope)}`)
  if (input.kind === "product") {
    where.push(`EXISTS (SELECT 1 FROM social_post_tag t WHERE t.post_id = p.id AND t.deleted_at IS NULL AND t.product_id = ${bind(input.scope)})`)
  }

  const ranked = `SELECT p.id, ${score} AS score FROM social_post p WHERE ${where.join(" AND ")}`
  let after = ""
  if (input.cursor) {
    const s1 = bind(input.cursor.score)
    const s2 = bind(input.cursor.score)
    after = `WHERE ranked.score < CAST(${s1} AS numeric) OR (ranked.score = CAST(${s2} AS numeric) AND ranked.id < ${bind(input.cursor.id)})`
  }
  const sql = `SELECT ranked.id, CAST(ranked.score AS text) AS score FROM (${ranked}) ranked ${after} ORDER BY ranked.score DESC, ranked.id DESC LIMIT ${bind(input.limit + 1)}`
  return { ...finish(sql), as_of: asOf }
}
