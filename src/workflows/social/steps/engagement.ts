import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { EngagementChange } from "../../../modules/social/service"
import { socialService } from "./social-service"

const nothingChanged = (change: EngagementChange) => !change.created_ids.length && !change.removed_ids.length

/**
 * Likes a post once (one transaction with its counter in the social module): a second like
 * finds the first and changes nothing. Compensation removes only a like this step created.
 */
export const likeSocialPostStep = createStep(
  "like-social-post",
  async (input: { post_id: string; customer_id: string }, { container }) => {
    const service = socialService(container)
    try {
      const liked = await service.likePost(input)
      return new StepResponse(liked.like_id, nothingChanged(liked) ? undefined : liked)
    } catch (error) {
      // Two likes racing: the unique index keeps one, and the loser answers as a repeat.
      const [raced] = await service.listSocialLikes(input, { take: 1, select: ["id"] })
      if (raced) return new StepResponse(raced.id, undefined as EngagementChange | undefined)
      throw error
    }
  },
  async (change, { container }) => {
    if (change) await socialService(container).undoEngagement(change)
  }
)

/** Unlikes a post (a post not liked: nothing to do). Soft delete; compensation restores and recounts. */
export const unlikeSocialPostStep = createStep(
  "unlike-social-post",
  async (input: { post_id: string; customer_id: string }, { container }) => {
    const change = await socialService(container).unlikePost(input)
    return new StepResponse(change.removed_ids.length, nothingChanged(change) ? undefined : change)
  },
  async (change, { container }) => {
    if (change) await socialService(container).undoEngagement(change)
  }
)

/**
 * Adds a comment, or a reply to a top-level comment of the same post (one level of replies).
 * Compensation deletes it and recounts.
 */
export const createSocialCommentStep = createStep(
  "create-social-comment",
  async (input: { post_id: string; customer_id: string; body: string; parent_id?: string | null }, { container }) => {
    const { comment, change } = await socialService(container).commentOnPost(input)
    return new StepResponse(comment, change)
  },
  async (change, { container }) => {
    if (change) await socialService(container).undoEngagement(change)
  }
)

/**
 * Deletes a comment (by its author or the post's author) with its replies. Soft delete;
 * compensation restores them and recounts.
 */
export const deleteSocialCommentStep = createStep(
  "delete-social-comment",
  async (input: { comment_id: string; customer_id: string }, { container }) => {
    const change = await socialService(container).deleteComment(input)
    return new StepResponse(change.removed_ids, change)
  },
  async (change, { container }) => {
    if (change) await socialService(container).undoEngagement(change)
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
