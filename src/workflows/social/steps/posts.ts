import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PostTagRow, PostVisibility } from "../types"
import { socialService } from "./social-service"

export type CreatePostStepInput = {
  customer_id: string
  caption: string | null
  visibility: PostVisibility
  photos: { url: string; file_id: string | null; width: number | null; height: number | null }[]
  tags: PostTagRow[]
  /** the seed publishes its demo posts whatever the approval setting */
  status?: "published" | "pending"
}

/** A tag pinned to photo number n needs a photo number n. */
export function assertTagsFitPhotos(tags: PostTagRow[], photoCount: number) {
  const misplaced = tags.find((t) => t.photo_index >= photoCount)
  if (misplaced) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `tag of product ${misplaced.product_id} is on photo_index ${misplaced.photo_index}, but the post has ${photoCount} photo(s)`
    )
  }
}

/**
 * The status a new post starts in: as given (the demo seed publishes), or pending when the
 * module's require_approval option is on, published otherwise. Known before the upload, because
 * it decides whether the photos are stored publicly. Reads only.
 */
export const resolveNewPostStatusStep = createStep(
  "resolve-new-social-post-status",
  async (status: "published" | "pending" | undefined, { container }) =>
    new StepResponse(status ?? (socialService(container).getOptions().require_approval ? ("pending" as const) : ("published" as const)))
)

/**
 * Creates a post with its photos and tags: published at once, or pending when the module's
 * require_approval option is on. Compensation deletes all three again.
 */
export const createSocialPostStep = createStep(
  "create-social-post",
  async (input: CreatePostStepInput, { container }) => {
    if (!input.photos.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "a post needs at least one photo")
    assertTagsFitPhotos(input.tags, input.photos.length)
    const service = socialService(container)
    const status = input.status ?? (service.getOptions().require_approval ? "pending" : "published")
    const post = await service.createSocialPosts({
      customer_id: input.customer_id,
      caption: input.caption,
      visibility: input.visibility,
      status,
    })
    const created = { post_id: post.id, photo_ids: [] as string[], tag_ids: [] as string[] }
    try {
      const photos = await service.createSocialPostImages(input.photos.map((p, position) => ({ ...p, position, post_id: post.id })) as any[])
      created.photo_ids = photos.map((p) => p.id)
      if (input.tags.length) {
        const tags = await service.createSocialPostTags(input.tags.map((t) => ({ ...t, post_id: post.id })) as any[])
        created.tag_ids = tags.map((t) => t.id)
      }
    } catch (error) {
      // This step's own writes are undone here: a step that throws is not compensated itself.
      await undoCreatedPost(container, created)
      throw error
    }
    return new StepResponse(post, created)
  },
  async (created, { container }) => {
    if (created) await undoCreatedPost(container, created)
  }
)

async function undoCreatedPost(container: any, created: { post_id: string; photo_ids: string[]; tag_ids: string[] }) {
  const service = socialService(container)
  if (created.tag_ids.length) await service.deleteSocialPostTags(created.tag_ids)
  if (created.photo_ids.length) await service.deleteSocialPostImages(created.photo_ids)
  await service.deleteSocialPosts([created.post_id])
}

export type UpdatePostStepInput = { id: string; data: { caption?: string | null; visibility?: PostVisibility } }

/** Edits a post's caption or visibility; compensation writes back the previous values. */
export const updateSocialPostStep = createStep(
  "update-social-post",
  async (input: UpdatePostStepInput, { container }) => {
    const service = socialService(container)
    const fields = Object.keys(input.data).filter((k) => (input.data as any)[k] !== undefined)
    if (!fields.length) return new StepResponse(undefined, undefined)
    const previous = await service.retrieveSocialPost(input.id, { select: ["id", ...fields] as any })
    await service.updateSocialPosts({ id: input.id, ...input.data } as any)
    const before: Record<string, unknown> = { id: input.id }
    for (const field of fields) before[field] = (previous as any)[field]
    return new StepResponse(undefined, before)
  },
  async (before, { container }) => {
    if (before) await socialService(container).updateSocialPosts(before as any)
  }
)

/**
 * Replaces all tags of a post: the old ones are soft-deleted, the new ones created.
 * Compensation deletes the new tags and restores the old ones.
 */
export const replaceSocialPostTagsStep = createStep(
  "replace-social-post-tags",
  async (input: { post_id: string; tags: PostTagRow[] }, { container }) => {
    const service = socialService(container)
    const [old, photoCount] = await Promise.all([
      service.listSocialPostTags({ post_id: input.post_id } as any, { select: ["id"], take: null }),
      service.listAndCountSocialPostImages({ post_id: input.post_id } as any, { select: ["id"], take: 1 }).then(([, n]) => n),
    ])
    assertTagsFitPhotos(input.tags, photoCount)
    const oldIds = old.map((t) => t.id)
    if (oldIds.length) await service.softDeleteSocialPostTags(oldIds)
    let newIds: string[] = []
    try {
      if (input.tags.length) {
        newIds = (await service.createSocialPostTags(input.tags.map((t) => ({ ...t, post_id: input.post_id })) as any[])).map((t) => t.id)
      }
    } catch (error) {
      if (oldIds.length) await service.restoreSocialPostTags(oldIds)
      throw error
    }
    return new StepResponse(newIds, { oldIds, newIds })
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = socialService(container)
    if (undo.newIds.length) await service.deleteSocialPostTags(undo.newIds)
    if (undo.oldIds.length) await service.restoreSocialPostTags(undo.oldIds)
  }
)

/** Soft-deletes posts (with their photos, tags, likes, comments and reports); compensation restores them. */
export const softDeleteSocialPostsStep = createStep(
  "soft-delete-social-posts",
  async (ids: string[], { container }) => {
    await socialService(container).softDeleteSocialPosts(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (ids?.length) await socialService(container).restoreSocialPosts(ids)
  }
)
