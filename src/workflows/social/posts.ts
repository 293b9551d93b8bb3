import { deleteFilesStep, uploadFilesStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { fileForUpload } from "../../files/stored-names"
import { postPhotoAccess } from "./photo-access"
import {
  checkPostContentStep,
  createSocialPostStep,
  replaceSocialPostTagsStep,
  resolveNewPostStatusStep,
  softDeleteSocialPostsStep,
  updateSocialPostStep,
} from "./steps/posts"
import { checkPostDuplicatesStep } from "./steps/check-post-duplicates"
import { indexPostPhotosStep } from "./steps/index-post-photos"
import { retrievePostForStep } from "./steps/retrieve-post"
import { syncPostPhotoStorageStep } from "./steps/sync-photo-storage"
import { unindexPostPhotosStep } from "./steps/unindex-post-photos"
import { validatePostTagsStep } from "./steps/validate-post-tags"
import { PostPhotoFile, PostTagInput, PostVisibility } from "./types"

export type CreateSocialPostWorkflowInput = {
  customer_id: string
  caption?: string | null
  visibility?: PostVisibility
  photos: PostPhotoFile[]
  tags?: PostTagInput[]
  /** the publishable key's sales channels: tagged products must be sold in one of them */
  sales_channel_ids?: string[]
  /** demo seed only: publish whatever the approval setting */
  status?: "published" | "pending"
}

/**
 * A customer shares an outfit: photos and tags are checked (the social module's rule), and tags
 * against the catalog, first (a bad tag uploads nothing); then the photos go to Medusa's file
 * module, then the post is created with its photos and tags. If creating the post fails, the upload step's compensation deletes the files.
 * A photo that nearly copies another author's post holds the post as pending for a moderator, with
 * the reason and the original (post-photo-index.ts); the photos then go into the image index.
 */
export const createSocialPostWorkflow = createWorkflow("create-social-post", (input: CreateSocialPostWorkflowInput) => {
  checkPostContentStep(transform({ input }, ({ input }) => ({ photo_count: input.photos.length, tags: input.tags ?? [] })))
  const tags = validatePostTagsStep(transform({ input }, ({ input }) => ({ tags: input.tags ?? [], sales_channel_ids: input.sales_channel_ids })))
  const duplicate = checkPostDuplicatesStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, photos: input.photos })))
  const status = resolveNewPostStatusStep(
    transform({ input, duplicate }, ({ input, duplicate }) => input.status ?? (duplicate.duplicate_of_post_id ? ("pending" as const) : undefined))
  )
  // Stored under random names; publicly only for a public, published post (photo-access.ts).
  const uploaded = uploadFilesStep(
    transform({ input, status }, ({ input, status }) => {
      const access = postPhotoAccess({ visibility: input.visibility ?? "public", status })
      return { files: input.photos.map((photo) => fileForUpload(photo, "post", access)) }
    })
  )
  const data = transform({ input, uploaded, tags, status, duplicate }, ({ input, uploaded, tags, status, duplicate }) => ({
    customer_id: input.customer_id,
    caption: input.caption?.trim() || null,
    visibility: input.visibility ?? "public",
    status,
    photos: uploaded.map((file, i) => ({
      url: file.url,
      file_id: file.id,
      width: input.photos[i]?.width ?? null,
      height: input.photos[i]?.height ?? null,
    })),
    tags: tags ?? [],
    duplicate,
  }))
  const post = createSocialPostStep(data)
  indexPostPhotosStep(
    transform({ input, post, duplicate }, ({ input, post, duplicate }) => ({
      post_id: post.id,
      customer_id: input.customer_id,
      checked: !!duplicate.checked_at,
      photos: input.photos,
    }))
  )
  return new WorkflowResponse(post)
})

export type UpdateSocialPostWorkflowInput = {
  customer_id: string
  id: string
  caption?: string | null
  visibility?: PostVisibility
  /** when given, replaces all of the post's tags */
  tags?: PostTagInput[]
  /** the publishable key's sales channels: tagged products must be sold in one of them */
  sales_channel_ids?: string[]
}

/** The author edits a post's caption, visibility or tags (all tags replaced when given); photos follow the visibility. */
export const updateSocialPostWorkflow = createWorkflow("update-social-post", (input: UpdateSocialPostWorkflowInput) => {
  const post = retrievePostForStep(
    transform({ input }, ({ input }) => ({ post_id: input.id, customer_id: input.customer_id, must_be: "author" as const }))
  )
  when("check-social-post-tags", { input }, ({ input }) => input.tags !== undefined).then(() =>
    checkPostContentStep(transform({ input, post }, ({ input, post }) => ({ photo_count: post.photos.length, tags: input.tags ?? [] })))
  )
  const tags = validatePostTagsStep(transform({ input }, ({ input }) => ({ tags: input.tags, sales_channel_ids: input.sales_channel_ids })))
  updateSocialPostStep(
    transform({ input }, ({ input }) => ({
      id: input.id,
      data: {
        ...(input.caption !== undefined ? { caption: input.caption?.trim() || null } : {}),
        ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
      },
    }))
  )
  when("replace-social-post-tags", { tags }, ({ tags }) => !!tags).then(() =>
    replaceSocialPostTagsStep(transform({ input, tags }, ({ input, tags }) => ({ post_id: input.id, tags: tags! })))
  )
  // A visibility change moves the photos: a public post made private stops serving at its old public URL.
  when("sync-social-post-photo-storage", { input }, ({ input }) => input.visibility !== undefined).then(() =>
    syncPostPhotoStorageStep(transform({ input }, ({ input }) => ({ post_id: input.id })))
  )
  return new WorkflowResponse(transform({ input }, ({ input }) => input.id))
})

/** The author deletes a post: soft-deleted with everything on it, then its own photo files deleted and taken out of the image index. */
export const deleteSocialPostWorkflow = createWorkflow("delete-social-post", (input: { customer_id: string; id: string }) => {
  const post = retrievePostForStep(
    transform({ input }, ({ input }) => ({ post_id: input.id, customer_id: input.customer_id, must_be: "author" as const }))
  )
  softDeleteSocialPostsStep(transform({ input }, ({ input }) => [input.id]))
  const fileIds = transform({ post }, ({ post }) => post.photos.map((p) => p.file_id).filter((id): id is string => !!id))
  when("delete-social-post-photos", { fileIds }, ({ fileIds }) => fileIds.length > 0).then(() => deleteFilesStep(fileIds))
  unindexPostPhotosStep(transform({ input }, ({ input }) => ({ post_id: input.id })))
  return new WorkflowResponse(transform({ input }, ({ input }) => input.id))
})
