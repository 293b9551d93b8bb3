import type { MedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { productCards, type ProductCards } from "../../catalog/product-card"
import { photoUrlSigner } from "../../files/photo-urls"
import { SOCIAL_MODULE } from "../../modules/social"
import { AUTO_MODERATOR } from "../../modules/social/constants"
import { decodeCursor, type PostListKind } from "../../modules/social/feed"
import type SocialModuleService from "../../modules/social/service"
import type { ShopperContext } from "../../shopper/context"
import type {
  AdminSocialAuthorHistory,
  AdminSocialPost,
  AdminSocialPostDetail,
  StoreSocialComment,
  StoreSocialCommentListResponse,
  StoreSocialPost,
  StoreSocialPostListResponse,
  StoreSocialProfile,
} from "../../types/http/social"
import { postPhotoAccess } from "../../workflows/social/photo-access"
import { viewerIdOf } from "../identity"
import { asksFor, pickFields } from "../utils/allowed-fields"
import { STORE_POST_FIELDS } from "../store/social/query-config"
import {
  MODERATION_RECORD_FIELDS,
  POST_PHOTO_FIELDS,
  POST_TAG_FIELDS,
  REPORT_FIELDS,
  serializeAdminPost,
  serializeAuthorHistory,
  serializeComment,
  serializeProfile,
  serializeStorePost,
  type ModeratedPostRecord,
  type ModeratorRecord,
  type SocialCommentRecord,
  type SocialPostRecord,
  TAGGED_PRODUCT_FIELDS,
} from "./serializers"

/*
 * What the social routes read, for the Store API and (loadPostRecords) the Admin API: posts by id
 * in the order the feed ranked them, with photo URLs signed for who may see them.
 */

export const socialServiceOf = (scope: MedusaContainer) => scope.resolve<SocialModuleService>(SOCIAL_MODULE)

/** The graph fields every post response is built from (serializers.ts: SocialPostRecord). */
export const POST_GRAPH_FIELDS = [
  "id",
  "caption",
  "visibility",
  "status",
  "created_at",
  "customer_id",
  "like_count",
  "comment_count",
  ...POST_PHOTO_FIELDS.map((f) => `photos.${f}`),
  "photos.file_id",
  ...POST_TAG_FIELDS.map((f) => `tags.${f}`),
  "customer.first_name",
  "customer.last_name",
]

/**
 * A photo's URL as the post's visibility and status allow: the public, cacheable URL for a public,
 * published post; a short-lived signed URL otherwise (followers-only, private, pending, hidden),
 * so that having the URL is never enough once the post stops being public. Writes `url` in place.
 */
async function signPostPhotos(scope: MedusaContainer, posts: SocialPostRecord[]) {
  const signer = photoUrlSigner(scope)
  await Promise.all(
    posts.flatMap((post) =>
      (post.photos ?? []).map(async (photo) => {
        photo.url = (await signer.urlFor(photo, postPhotoAccess(post))) ?? photo.url
      })
    )
  )
}

/**
 * Posts by id, in the order given, with `extraFields` besides POST_GRAPH_FIELDS (the Admin API's
 * moderation record). Visibility is the caller's job.
 */
export async function loadPostRecords<R extends SocialPostRecord = SocialPostRecord>(
  scope: MedusaContainer,
  ids: string[],
  { extraFields = [], signPhotos = true }: { extraFields?: string[]; signPhotos?: boolean } = {}
): Promise<R[]> {
  if (!ids.length) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "social_post", fields: [...POST_GRAPH_FIELDS, ...extraFields], filters: { id: ids } })
  const posts = data as unknown as R[]
  if (signPhotos) await signPostPhotos(scope, posts)
  const byId = new Map(posts.map((p) => [p.id, p]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** Who is reading and from where: the signed-in customer, and the region and channels product cards are for. */
export type SocialReader = {
  viewer_id: string | null
  shopper: ShopperContext | null
  sales_channel_ids: string[]
  /** The response fields asked for (req.queryConfig.fields); the defaults when absent. */
  fields: string[]
}

export function socialReaderOf(req: MedusaRequest): SocialReader {
  return {
    viewer_id: viewerIdOf(req),
    shopper: req.shopper ?? null,
    sales_channel_ids:
      (req as MedusaRequest & { publishable_key_context?: { sales_channel_ids: string[] } }).publishable_key_context?.sales_channel_ids ?? [],
    fields: req.queryConfig?.fields ?? STORE_POST_FIELDS,
  }
}

const NO_CARDS: ProductCards = { products: new Map(), variants: new Map() }

/**
 * Posts by id in the Store API's shape, cut to the fields asked for. Tags become product cards for
 * the reader's region and likes are looked up only when the fields ask for them.
 */
export async function loadStorePosts(scope: MedusaContainer, ids: string[], reader: SocialReader): Promise<StoreSocialPost[]> {
  const { fields } = reader
  const posts = await loadPostRecords(scope, ids, { signPhotos: asksFor(fields, "photos.url") })
  if (!posts.length) return []
  const tags = posts.flatMap((p) => p.tags ?? [])
  const [likedIds, cards] = await Promise.all([
    reader.viewer_id && asksFor(fields, "liked_by_me") ? likedPostIds(scope, reader.viewer_id, ids) : new Set<string>(),
    tags.length && asksFor(fields, "tags.product")
      ? productCards(scope, {
          product_ids: tags.map((t) => t.product_id),
          variant_ids: tags.flatMap((t) => (t.variant_id ? [t.variant_id] : [])),
          shopper: reader.shopper,
          sales_channel_ids: reader.sales_channel_ids,
        })
      : NO_CARDS,
  ])
  return posts.map((post) => pickFields(serializeStorePost(post, { liked: likedIds.has(post.id), cards }), fields))
}

async function likedPostIds(scope: MedusaContainer, customerId: string, postIds: string[]): Promise<Set<string>> {
  const likes = await socialServiceOf(scope).listSocialLikes({ post_id: postIds, customer_id: customerId }, { select: ["post_id"], take: null })
  return new Set(likes.map((l) => l.post_id))
}

/** A post the reader may see, in the Store API's shape, or 404 (someone else's private post answers as a missing one). */
export async function retrieveVisiblePost(scope: MedusaContainer, id: string, reader: SocialReader): Promise<StoreSocialPost> {
  const visible = await socialServiceOf(scope).canView({ id }, reader.viewer_id)
  const [post] = visible ? await loadStorePosts(scope, [id], reader) : []
  if (!post) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Post with id: ${id} was not found`)
  return post
}

/**
 * One cursor page of a post list as the reader may see it, in the Store API's page shape: the feed's
 * tabs (`of` null), a customer's posts or a product's (`of` their id; a cursor only fits its own list).
 */
export async function postListPage(
  scope: MedusaContainer,
  reader: SocialReader,
  list: { kind: PostListKind; of: string | null; limit: number; cursor?: string }
): Promise<StoreSocialPostListResponse> {
  const { kind, of, limit, cursor } = list
  const page = await socialServiceOf(scope).listPostPage({
    kind,
    viewer_id: reader.viewer_id,
    scope: of,
    limit,
    cursor: cursor ? decodeCursor(cursor, { kind, scope: of }) : null,
  })
  return { posts: await loadStorePosts(scope, page.ids, reader), next_cursor: page.next_cursor }
}

/** A customer with an account, or 404. Only the name leaves this function. */
export async function retrieveCustomer(scope: MedusaContainer, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "first_name", "last_name"], filters: { id, has_account: true } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${id} was not found`)
  return data[0] as { id: string; first_name: string | null; last_name: string | null }
}

/** A customer's public profile as the viewer sees it. */
export async function loadProfile(scope: MedusaContainer, id: string, viewerId: string | null): Promise<StoreSocialProfile> {
  const customer = await retrieveCustomer(scope, id)
  const service = socialServiceOf(scope)
  const [counts, post_count, followed_by_me] = await Promise.all([
    service.countFollows(id),
    service.countVisiblePostsOf(id, viewerId),
    service.isFollowing(viewerId, id),
  ])
  return serializeProfile(customer, { post_count, ...counts, followed_by_me })
}

const COMMENT_GRAPH_FIELDS = ["id", "body", "parent_id", "created_at", "customer_id", "customer.first_name", "customer.last_name"]
const OLDEST_FIRST = { created_at: "ASC", id: "ASC" } as const

/** Top-level comments of a post, oldest first and paginated, each with its replies (oldest first). */
export async function listComments(
  scope: MedusaContainer,
  postId: string,
  { limit, offset }: { limit: number; offset: number }
): Promise<StoreSocialCommentListResponse> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: top, metadata } = await query.graph({
    entity: "social_comment",
    fields: COMMENT_GRAPH_FIELDS,
    filters: { post_id: postId, parent_id: null },
    pagination: { skip: offset, take: limit, order: OLDEST_FIRST },
  })
  const topLevel = top as SocialCommentRecord[]
  const { data: replies } = topLevel.length
    ? await query.graph({
        entity: "social_comment",
        fields: COMMENT_GRAPH_FIELDS,
        filters: { parent_id: topLevel.map((c) => c.id) },
        pagination: { order: OLDEST_FIRST },
      })
    : { data: [] }
  const replyRecords = replies as SocialCommentRecord[]
  const comments = topLevel.map((c) =>
    serializeComment(
      c,
      replyRecords.filter((r) => r.parent_id === c.id)
    )
  )
  return { comments, count: metadata?.count ?? comments.length, offset, limit }
}

export async function retrieveComment(scope: MedusaContainer, id: string): Promise<StoreSocialComment> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "social_comment", fields: COMMENT_GRAPH_FIELDS, filters: { id } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Comment with id: ${id} was not found`)
  return serializeComment(data[0] as SocialCommentRecord)
}

/** What moderators see besides the shopper's fields (serializers.ts: ModeratedPostRecord). */
const MODERATION_GRAPH_FIELDS = [
  ...TAGGED_PRODUCT_FIELDS.map((f) => `tags.product.${f}`),
  ...MODERATION_RECORD_FIELDS,
  ...REPORT_FIELDS.map((f) => `reports.${f}`),
  "reports.reporter_standing",
  "duplicate_of_post_id",
  "duplicate_reason",
]

/** The admin users who moderated these posts (deleted ones too: their decisions stay on record), by id. */
async function moderatorsOf(scope: MedusaContainer, posts: ModeratedPostRecord[]): Promise<Map<string, ModeratorRecord>> {
  const ids = [...new Set(posts.flatMap((p) => (p.moderated_by && p.moderated_by !== AUTO_MODERATOR ? [p.moderated_by] : [])))]
  if (!ids.length) return new Map()
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "user", fields: ["id", "first_name", "last_name", "email"], filters: { id: ids }, withDeleted: true })
  return new Map((data as ({ id: string } & ModeratorRecord)[]).map((u) => [u.id, u]))
}

/** Posts by id, in the order given, in the Admin API's shape (any status, any visibility). */
export async function loadAdminPosts(scope: MedusaContainer, ids: string[]): Promise<AdminSocialPost[]> {
  const posts = await loadPostRecords<ModeratedPostRecord>(scope, ids, { extraFields: MODERATION_GRAPH_FIELDS })
  if (!posts.length) return []
  const moderators = await moderatorsOf(scope, posts)
  const threshold = socialServiceOf(scope).getOptions().auto_hide_report_threshold
  return posts.map((post) => serializeAdminPost(post, threshold, moderators))
}

/** What a moderator weighs besides the post itself: the author's posts by status and the reports they received. */
export async function authorHistoryOf(scope: MedusaContainer, customerId: string): Promise<AdminSocialAuthorHistory> {
  const posts = await socialServiceOf(scope).listSocialPosts({ customer_id: customerId }, { select: ["id", "status", "report_count"], take: null })
  return serializeAuthorHistory(customerId, posts)
}

/** Any post (not deleted by its author) with reports, the moderation record and its author's history, or 404. */
export async function retrieveAdminPost(scope: MedusaContainer, id: string): Promise<AdminSocialPostDetail> {
  const [post] = await loadAdminPosts(scope, [id])
  if (!post) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Post with id: ${id} was not found`)
  return { ...post, author_history: await authorHistoryOf(scope, post.author.id) }
}
