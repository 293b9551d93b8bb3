import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PostTagRow, PostVisibility } from "../types"
import { assertPostContent, TagPlacement } from "../../../modules/social/post-content"
import type { NewPostPhoto, PostDuplicateCheck } from "../../../modules/social/service"
import { socialService } from "./social-service"

export type CreatePostStepInput = {
  customer_id: string
  caption: string | null
  visibility: PostVisibility
  photos: NewPostPhoto[]
  tags: PostTagRow[]
  /** the seed publishes its demo posts whatever the approval setting */
  status?: "published" | "pending"
  /** what checking the photos against other authors' posts found */
  duplicate?: PostDuplicateCheck
}

/**
 * The social module's one check of a post's photos and tags (post-content.ts), run before
 * anything is looked up, uploaded or written; the module runs it again where it writes.
 */
export const checkPostContentStep = createStep("check-social-post-content", async (input: { photo_count: number; tags: TagPlacement[] }) => {
  assertPostContent(input)
  return new StepResponse(undefined)
})

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
 * Creates a post with its photos and tags (one transaction in the social module): published at
 * once, or pending when the module's require_approval option is on. Compensation deletes the
 * post, and its photos and tags with it.
 */
export const createSocialPostStep = createStep(
  "create-social-post",
  async (input: CreatePostStepInput, { container }) => {
    const service = socialService(container)
    const status = input.status ?? (service.getOptions().require_approval ? "pending" : "published")
    const post = await service.createPostWithContent({ ...input, status })
    return new StepResponse(post, post.id)
  },
  async (postId, { container }) => {
    if (postId) await socialService(container).deleteSocialPosts([postId])
  }
)

export type UpdatePostStepInput = { id: string; data: { caption?: string | null; visibility?: PostVisibility } }

/** Edits a post's caption or visibility; compensation writes back the previous values. */
export const updateSocialPostStep = createStep(
  "update-social-post",
  async (input: UpdatePostStepInput, { container }) => {
    const service = socialService(container)
    const fields = (["caption", "visibility"] as const).filter((field) => input.data[field] !== undefined)
    if (!fields.length) return new StepResponse(undefined, undefined)
    const previous = await service.retrieveSocialPost(input.id, { select: ["id", ...fields] })
    await service.updateSocialPosts({ id: input.id, ...input.data })
    const before: UpdatePostStepInput["data"] & { id: string } = { id: input.id }
    if (fields.includes("caption")) before.caption = previous.caption
    if (fields.includes("visibility")) before.visibility = previous.visibility
    return new StepResponse(undefined, before)
  },
  async (before, { container }) => {
    if (before) await socialService(container).updateSocialPosts(before)
  }
)

/**
 * Replaces all tags of a post (one transaction in the social module: the old ones soft-deleted,
 * the new ones created). Compensation deletes the new tags and restores the old ones.
 */
export const replaceSocialPostTagsStep = createStep(
  "replace-social-post-tags",
  async (input: { post_id: string; tags: PostTagRow[] }, { container }) => {
    const replaced = await socialService(container).replacePostTags(input.post_id, input.tags)
    return new StepResponse(replaced.created_ids, replaced)
  },
  async (replaced, { container }) => {
    if (replaced) await socialService(container).undoReplacePostTags(replaced)
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
