import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { socialService } from "./social-service"

/**
 * Likes a post once: a second like finds the first and changes nothing. Compensation removes
 * only a like this step created, and recounts.
 */
export const likeSocialPostStep = createStep(
  "like-social-post",
  async (input: { post_id: string; customer_id: string }, { container }) => {
    const service = socialService(container)
    const [existing] = await service.listSocialLikes({ post_id: input.post_id, customer_id: input.customer_id } as any, { take: 1, select: ["id"] })
    if (existing) return new StepResponse(existing.id, undefined as { like_id: string; post_id: string } | undefined)
    let like
    try {
      like = await service.createSocialLikes({ post_id: input.post_id, customer_id: input.customer_id } as any)
    } catch (error) {
      // Two likes racing: the unique index keeps one, and the loser answers as a repeat.
      const [raced] = await service.listSocialLikes({ post_id: input.post_id, customer_id: input.customer_id } as any, { take: 1, select: ["id"] })
      if (raced) return new StepResponse(raced.id, undefined as { like_id: string; post_id: string } | undefined)
      throw error
    }
    await service.recountPosts([input.post_id])
    return new StepResponse(like.id, { like_id: like.id, post_id: input.post_id })
  },
  async (created, { container }) => {
    if (!created) return
    const service = socialService(container)
    await service.deleteSocialLikes([created.like_id])
    await service.recountPosts([created.post_id])
  }
)

/** Unlikes a post (a post not liked: nothing to do). Soft delete; compensation restores and recounts. */
export const unlikeSocialPostStep = createStep(
  "unlike-social-post",
  async (input: { post_id: string; customer_id: string }, { container }) => {
    const service = socialService(container)
    const likes = await service.listSocialLikes({ post_id: input.post_id, customer_id: input.customer_id } as any, { select: ["id"], take: null })
    if (!likes.length) return new StepResponse(0, undefined as { ids: string[]; post_id: string } | undefined)
    const ids = likes.map((l) => l.id)
    await service.softDeleteSocialLikes(ids)
    await service.recountPosts([input.post_id])
    return new StepResponse(ids.length, { ids, post_id: input.post_id })
  },
  async (removed, { container }) => {
    if (!removed) return
    const service = socialService(container)
    await service.restoreSocialLikes(removed.ids)
    await service.recountPosts([removed.post_id])
  }
)

/**
 * Adds a comment, or a reply to a top-level comment of the same post (one level of replies).
 * Compensation deletes it and recounts.
 */
export const createSocialCommentStep = createStep(
  "create-social-comment",
  async (input: { post_id: string; customer_id: string; body: string; parent_id?: string | null }, { container }) => {
    const service = socialService(container)
    if (input.parent_id) {
      const [parent] = await service.listSocialComments({ id: input.parent_id } as any, { select: ["id", "parent_id", "post_id"], take: 1 })
      if (!parent || (parent as any).post_id !== input.post_id) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `parent_id ${input.parent_id} is not a comment on this post`)
      }
      if (parent.parent_id) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `parent_id ${input.parent_id} is a reply; reply to the comment it answers instead`)
      }
    }
    const comment = await service.createSocialComments({
      post_id: input.post_id,
      customer_id: input.customer_id,
      body: input.body,
      parent_id: input.parent_id ?? null,
    } as any)
    await service.recountPosts([input.post_id])
    return new StepResponse(comment, { id: comment.id, post_id: input.post_id })
  },
  async (created, { container }) => {
    if (!created) return
    const service = socialService(container)
    await service.deleteSocialComments([created.id])
    await service.recountPosts([created.post_id])
  }
)

/**
 * Deletes a comment (by its author or the post's author) with its replies. Soft delete;
 * compensation restores them and recounts.
 */
export const deleteSocialCommentStep = createStep(
  "delete-social-comment",
  async (input: { comment_id: string; customer_id: string }, { container }) => {
    const service = socialService(container)
    const [comment] = await service.listSocialComments({ id: input.comment_id } as any, { relations: ["post"], take: 1 })
    const post = (comment as any)?.post
    if (!comment || !post || !(await service.canView(post, input.customer_id))) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Comment with id: ${input.comment_id} was not found`)
    }
    if (comment.customer_id !== input.customer_id && post.customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, "Only the comment's author or the post's author may delete a comment")
    }
    const replies = await service.listSocialComments({ parent_id: comment.id } as any, { select: ["id"], take: null })
    const ids = [comment.id, ...replies.map((r) => r.id)]
    await service.softDeleteSocialComments(ids)
    await service.recountPosts([post.id])
    return new StepResponse(ids, { ids, post_id: post.id as string })
  },
  async (deleted, { container }) => {
    if (!deleted) return
    const service = socialService(container)
    await service.restoreSocialComments(deleted.ids)
    await service.recountPosts([deleted.post_id])
  }
)

/** Follows a customer once (a repeat changes nothing); compensation removes only a follow this step created. */
export const followCustomerStep = createStep(
  "follow-customer",
  async (input: { follower_id: string; followed_id: string }, { container }) => {
    if (input.follower_id === input.followed_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "You cannot follow yourself")
    const service = socialService(container)
    const [existing] = await service.listSocialFollows(input, { take: 1, select: ["id"] })
    if (existing) return new StepResponse(existing.id, undefined as string | undefined)
    const follow = await service.createSocialFollows(input)
    return new StepResponse(follow.id, follow.id)
  },
  async (createdId, { container }) => {
    if (createdId) await socialService(container).deleteSocialFollows([createdId])
  }
)

/** Unfollows (not following: nothing to do). Soft delete, so that earlier feed pages keep their ranking; compensation restores. */
export const unfollowCustomerStep = createStep(
  "unfollow-customer",
  async (input: { follower_id: string; followed_id: string }, { container }) => {
    const service = socialService(container)
    const follows = await service.listSocialFollows(input, { select: ["id"], take: null })
    const ids = follows.map((f) => f.id)
    if (ids.length) await service.softDeleteSocialFollows(ids)
    return new StepResponse(ids.length, ids.length ? ids : undefined)
  },
  async (ids, { container }) => {
    if (ids?.length) await socialService(container).restoreSocialFollows(ids)
  }
)
