import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { displayNameOf } from "../../modules/social/display-name"
import type { PostDuplicateCheck, PostPhotoIndexRow } from "../../modules/social/service"
import { MlSidecarUnavailableError, mlSidecar } from "../../visual/ml-sidecar-client"
import { socialService } from "./steps/social-service"
import { syncPostPhotoStorage } from "./steps/sync-photo-storage"

/*
 * Social post photos in the ML sidecar's image index, so that a new post whose photo nearly copies
 * another author's post waits for a moderator. The index id of a photo is its row id (sphoto_…);
 * the metadata says it is a post photo and whose. Private posts are indexed too: the sidecar is
 * internal, and what it finds reaches moderators only. The image service being down never blocks
 * or loses a post: the check and the index writes are caught up by reconcilePostPhotoIndex (a
 * scheduled job, src/jobs/reconcile-social-post-photo-index.ts).
 */

export const POST_PHOTO_KIND = "post"

export const postPhotoMetadata = (row: Pick<PostPhotoIndexRow, "id" | "post_id" | "customer_id">) => ({
  kind: POST_PHOTO_KIND,
  post_id: row.post_id,
  author_id: row.customer_id,
  photo_id: row.id,
})

export type CandidatePost = {
  id: string
  customer_id: string
  status: string
  created_at: Date | string
  customer?: { first_name?: string | null; last_name?: string | null } | null
}

/**
 * Checks photos against the indexed photos of other authors' posts: the post with the closest
 * verified near-copy (live, not removed, and older than created_before when given), with the
 * reason moderators read. The author's own posts never count. Throws MlSidecarUnavailableError
 * when the image service is down.
 */
export async function findPostDuplicate(
  container: MedusaContainer,
  input: { customer_id: string; photos: Uint8Array[]; created_before?: Date; exclude_post_id?: string }
): Promise<PostDuplicateCheck> {
  const sidecar = mlSidecar()
  const hits: DuplicateHit[] = []
  for (const [photo, bytes] of input.photos.entries()) {
    for (const duplicate of await sidecar.duplicates(bytes, { kind: POST_PHOTO_KIND })) {
      const { kind, post_id, author_id } = duplicate.metadata as { kind?: string; post_id?: string; author_id?: string }
      if (kind !== POST_PHOTO_KIND || !post_id || author_id === input.customer_id || post_id === input.exclude_post_id) continue
      hits.push({ photo, post_id, score: duplicate.score, evidence: duplicate.evidence })
    }
  }
  const checked_at = new Date()
  if (!hits.length) return { checked_at, duplicate_of_post_id: null, reason: null }
  // The index may still hold photos of posts deleted or removed while it was down: only live posts count.
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "social_post",
    fields: ["id", "customer_id", "status", "created_at", "customer.first_name", "customer.last_name"],
    filters: { id: [...new Set(hits.map((h) => h.post_id))] },
  })
  return { checked_at, ...originalOf(hits, data as CandidatePost[], input) }
}

export type DuplicateHit = { photo: number; post_id: string; score: number; evidence: string }

/**
 * Which post a new post copies, among the near-copies found: the closest one of a live post by
 * another author (older than created_before when given), with the reason moderators read.
 */
export function originalOf(
  hits: DuplicateHit[],
  posts: CandidatePost[],
  input: { customer_id: string; photos: unknown[]; created_before?: Date }
): Omit<PostDuplicateCheck, "checked_at"> {
  const byId = new Map(posts.map((p) => [p.id, p]))
  const original = hits
    .filter((hit) => {
      const post = byId.get(hit.post_id)
      if (!post || post.status === "removed" || post.customer_id === input.customer_id) return false
      return !input.created_before || new Date(post.created_at).getTime() < input.created_before.getTime()
    })
    .sort((a, b) => b.score - a.score)[0]
  if (!original) return { duplicate_of_post_id: null, reason: null }
  const author = displayNameOf(byId.get(original.post_id)!.customer)
  const which = input.photos.length > 1 ? `Photo ${original.photo + 1} is a` : "A"
  return {
    duplicate_of_post_id: original.post_id,
    reason: `${which} near-duplicate of post ${original.post_id} by @${author} (${original.evidence} match, similarity ${original.score.toFixed(2)})`,
  }
}

/** Puts post photos into the image index and records them; stops at the first sidecar failure (the rest stay for the job). */
export async function indexPostPhotos(container: MedusaContainer, photos: (PostPhotoIndexRow & { bytes: Uint8Array })[]): Promise<string[]> {
  const sidecar = mlSidecar()
  const indexed: string[] = []
  try {
    for (const photo of photos) {
      await sidecar.putImage(photo.id, photo.bytes, postPhotoMetadata(photo))
      indexed.push(photo.id)
    }
  } finally {
    await socialService(container).markPhotosIndexed(indexed, new Date())
  }
  return indexed
}

/** Takes post photos out of the image index and records it; stops at the first sidecar failure. */
export async function unindexPostPhotos(container: MedusaContainer, photoIds: string[]): Promise<string[]> {
  const sidecar = mlSidecar()
  const removed: string[] = []
  try {
    for (const id of photoIds) {
      await sidecar.deleteImage(id)
      removed.push(id)
    }
  } finally {
    await socialService(container).markPhotosIndexed(removed, null)
  }
  return removed
}

export type PostPhotoIndexReconciliation = { checked: number; held: number; indexed: number; unindexed: number; error?: string }

/**
 * Catches the image index up with the posts: late near-copy checks for posts made while the image
 * service was down (a copy found is held as pending, its photos moved to private storage), then
 * photos to index and photos of deleted or removed posts to take out. Stops at the first failure
 * of the image service; the next run continues.
 */
export async function reconcilePostPhotoIndex(container: MedusaContainer, { batch = 50 }: { batch?: number } = {}) {
  const service = socialService(container)
  const files = container.resolve(Modules.FILE)
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const result: PostPhotoIndexReconciliation = { checked: 0, held: 0, indexed: 0, unindexed: 0 }
  const bytesOf = async (fileId: string) => new Uint8Array(await files.getAsBuffer(fileId))
  try {
    for (const post of await service.listPostsAwaitingDuplicateCheck(batch)) {
      const photos = await service.listSocialPostImages({ post_id: post.id }, { select: ["id", "file_id", "position"], order: { position: "ASC" } })
      const owned = photos.filter((p) => p.file_id)
      const check = owned.length
        ? await findPostDuplicate(container, {
            customer_id: post.customer_id,
            photos: await Promise.all(owned.map((p) => bytesOf(p.file_id!))),
            created_before: new Date(post.created_at),
            exclude_post_id: post.id,
          })
        : { checked_at: new Date(), duplicate_of_post_id: null, reason: null }
      const { held } = await service.recordDuplicateCheck({ post_id: post.id, ...check, checked_at: check.checked_at ?? new Date() })
      result.checked++
      if (held) {
        result.held++
        logger.info(`social: post ${post.id} held for moderation: ${check.reason}`)
        await syncPostPhotoStorage(container, { post_id: post.id, rekey: true })
      }
    }
    const toIndex = await service.listPhotosToIndex(batch)
    const withBytes: (PostPhotoIndexRow & { bytes: Uint8Array })[] = []
    for (const photo of toIndex) {
      try {
        withBytes.push({ ...photo, bytes: await bytesOf(photo.file_id!) })
      } catch {
        // The file is gone (the post is being deleted): nothing to index.
      }
    }
    result.indexed = (await indexPostPhotos(container, withBytes)).length
    result.unindexed = (
      await unindexPostPhotos(
        container,
        (await service.listPhotosToUnindex(batch)).map((p) => p.id)
      )
    ).length
  } catch (error) {
    if (!(error instanceof MlSidecarUnavailableError)) throw error
    result.error = error.message
  }
  return result
}
