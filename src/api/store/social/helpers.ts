import { AuthenticatedMedusaRequest, MedusaRequest } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import sharp from "sharp"
import { SOCIAL_MODULE } from "../../../modules/social"
import { displayNameOf } from "../../../modules/social/constants"
import SocialModuleService from "../../../modules/social/service"
import { photoUrlSigner } from "../../../files/photo-urls"
import { postPhotoAccess } from "../../../workflows/social/photo-access"
import { preparePhoto } from "../../utils/image-upload"
import type { PostPhotoFile } from "../../../workflows/social/types"

export const socialServiceOf = (scope: MedusaContainer) => scope.resolve<SocialModuleService>(SOCIAL_MODULE)

/** The signed-in customer, or null for an anonymous shopper (reads allow both). */
export const viewerOf = (req: MedusaRequest | AuthenticatedMedusaRequest): string | null => {
  const auth = (req as AuthenticatedMedusaRequest).auth_context
  return auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : null
}

/** The signed-in customer for write routes (mounted behind a required customer authenticate). */
export const customerIdOf = (req: AuthenticatedMedusaRequest) => req.auth_context.actor_id

const POST_FIELDS = [
  "id",
  "caption",
  "visibility",
  "status",
  "created_at",
  "customer_id",
  "like_count",
  "comment_count",
  "photos.id",
  "photos.url",
  "photos.file_id",
  "photos.width",
  "photos.height",
  "photos.position",
  "tags.id",
  "tags.product_id",
  "tags.variant_id",
  "tags.x",
  "tags.y",
  "tags.photo_index",
  "tags.product.id",
  "tags.product.title",
  "tags.product.handle",
  "tags.product.thumbnail",
  "customer.id",
  "customer.first_name",
  "customer.last_name",
]

/** What moderators see besides the public shape. */
const MODERATION_FIELDS = [
  "report_count",
  "open_report_count",
  "moderated_by",
  "moderated_at",
  "moderation_note",
  "updated_at",
  "reports.id",
  "reports.customer_id",
  "reports.reason",
  "reports.note",
  "reports.created_at",
  "reports.resolved_at",
  "reports.resolved_by",
]

const byPosition = (a: any, b: any) => (a?.position ?? 0) - (b?.position ?? 0)
const nullable = (v: unknown) => (v === undefined ? null : v)

function serializePost(post: any, likedIds: Set<string>, moderation: boolean) {
  const shaped: Record<string, unknown> = {
    id: post.id,
    caption: nullable(post.caption),
    visibility: post.visibility,
    status: post.status,
    created_at: post.created_at,
    author: { id: post.customer_id, display_name: displayNameOf(post.customer) },
    photos: [...(post.photos ?? [])].sort(byPosition).map((p: any) => ({
      id: p.id,
      url: p.url,
      width: nullable(p.width),
      height: nullable(p.height),
      position: p.position,
    })),
    tags: [...(post.tags ?? [])]
      .sort((a: any, b: any) => a.photo_index - b.photo_index || String(a.id).localeCompare(String(b.id)))
      .map((t: any) => ({
        id: t.id,
        product_id: t.product_id,
        variant_id: nullable(t.variant_id),
        x: nullable(t.x),
        y: nullable(t.y),
        photo_index: t.photo_index,
        product: t.product ? { id: t.product.id, title: t.product.title, handle: t.product.handle, thumbnail: nullable(t.product.thumbnail) } : null,
      })),
    like_count: post.like_count ?? 0,
    comment_count: post.comment_count ?? 0,
    liked_by_me: likedIds.has(post.id),
  }
  if (moderation) {
    Object.assign(shaped, {
      report_count: post.report_count ?? 0,
      open_report_count: post.open_report_count ?? 0,
      moderated_by: nullable(post.moderated_by),
      moderated_at: nullable(post.moderated_at),
      moderation_note: nullable(post.moderation_note),
      reports: [...(post.reports ?? [])]
        .sort((a: any, b: any) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime())
        .map((r: any) => ({
          id: r.id,
          customer_id: r.customer_id,
          reason: r.reason,
          note: nullable(r.note),
          created_at: r.created_at,
          resolved_at: nullable(r.resolved_at),
          resolved_by: nullable(r.resolved_by),
        })),
    })
  }
  return shaped
}

/**
 * A photo's URL as the post's visibility and status allow: the public, cacheable URL for a public,
 * published post; a short-lived signed URL otherwise (followers-only, private, pending, hidden),
 * so that having the URL is never enough once the post stops being public. Writes `url` in place.
 */
async function signPostPhotos(scope: MedusaContainer, posts: any[]) {
  const signer = photoUrlSigner(scope)
  await Promise.all(
    posts.flatMap((post) =>
      (post.photos ?? []).map(async (photo: any) => {
        photo.url = await signer.urlFor(photo, postPhotoAccess(post))
      })
    )
  )
}

/**
 * Posts by id in the order given, in the Store API's shape (with liked_by_me for the viewer),
 * or the Admin API's (with reports and moderation fields). Visibility is the caller's job.
 */
export async function loadPosts(scope: MedusaContainer, ids: string[], options: { viewer_id?: string | null; moderation?: boolean } = {}) {
  if (!ids.length) return []
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const fields = options.moderation ? [...POST_FIELDS, ...MODERATION_FIELDS] : POST_FIELDS
  const [{ data: posts }, likes] = await Promise.all([
    query.graph({ entity: "social_post", fields, filters: { id: ids } }),
    options.viewer_id
      ? socialServiceOf(scope).listSocialLikes({ post_id: ids, customer_id: options.viewer_id } as any, { select: ["id", "post_id"] as any, take: null })
      : Promise.resolve([]),
  ])
  const likedIds = new Set(likes.map((l: any) => l.post_id as string))
  await signPostPhotos(scope, posts)
  const byId = new Map(posts.map((p: any) => [p.id as string, p]))
  return ids.filter((id) => byId.has(id)).map((id) => serializePost(byId.get(id), likedIds, !!options.moderation))
}

/** A post the viewer may see, in the Store API shape, or 404 (someone else's private post answers as a missing one). */
export async function retrieveVisiblePost(scope: MedusaContainer, id: string, viewerId: string | null) {
  const service = socialServiceOf(scope)
  const [post] = await service.listSocialPosts({ id }, { select: ["id", "customer_id", "status", "visibility"], take: 1 })
  if (!post || !(await service.canView(post as any, viewerId))) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Post with id: ${id} was not found`)
  }
  const [shaped] = await loadPosts(scope, [id], { viewer_id: viewerId })
  return shaped
}

/** A customer with an account, or 404. Only the name leaves this function. */
export async function retrieveCustomer(scope: MedusaContainer, id: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "first_name", "last_name"], filters: { id, has_account: true } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${id} was not found`)
  return data[0]
}

/** A customer's public profile as the viewer sees it. */
export async function loadProfile(scope: MedusaContainer, id: string, viewerId: string | null) {
  const customer = await retrieveCustomer(scope, id)
  const service = socialServiceOf(scope)
  const [counts, post_count, followed_by_me] = await Promise.all([
    service.countFollows(id),
    service.countVisiblePostsOf(id, viewerId),
    service.isFollowing(viewerId, id),
  ])
  return { id, display_name: displayNameOf(customer), post_count, ...counts, followed_by_me }
}

/** The uploaded photos (multipart `photos`), each checked and re-encoded, with its stored size. */
export async function photosOf(req: MedusaRequest): Promise<PostPhotoFile[]> {
  const files = ((req as any).files ?? []) as { buffer: Buffer; originalname: string }[]
  const photos: PostPhotoFile[] = []
  for (const [index, file] of files.entries()) {
    let prepared
    try {
      prepared = await preparePhoto(file, { filenamePrefix: "social" })
    } catch (error: any) {
      // Which of several photos was bad matters to the shopper.
      if (files.length > 1 && error instanceof MedusaError) throw new MedusaError(error.type, `photos[${index}]: ${error.message}`)
      throw error
    }
    const meta = await sharp(Buffer.from(prepared.content, "base64")).metadata()
    photos.push({ ...prepared, width: meta.width ?? 0, height: meta.height ?? 0 })
  }
  return photos
}

/** The Store API's page shape for cursor lists. */
export async function postPage(scope: MedusaContainer, page: { ids: string[]; next_cursor: string | null }, viewerId: string | null) {
  return { posts: await loadPosts(scope, page.ids, { viewer_id: viewerId }), next_cursor: page.next_cursor }
}
