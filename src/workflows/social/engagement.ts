import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createSocialCommentStep,
  deleteSocialCommentStep,
  followCustomerStep,
  likeSocialPostStep,
  unfollowCustomerStep,
  unlikeSocialPostStep,
} from "./steps/engagement"
import { retrievePostForStep } from "./steps/retrieve-post"
import { validateCustomerExistsStep } from "./steps/validate-customer"

type PostAction = { customer_id: string; post_id: string }

const asViewer = (input: PostAction) => ({ post_id: input.post_id, customer_id: input.customer_id, must_be: "viewer" as const })

/** Likes a post the customer can see; liking twice is one like. */
export const likeSocialPostWorkflow = createWorkflow("like-social-post", (input: PostAction) => {
  retrievePostForStep(transform({ input }, ({ input }) => asViewer(input)))
  return new WorkflowResponse(likeSocialPostStep(transform({ input }, ({ input }) => ({ post_id: input.post_id, customer_id: input.customer_id }))))
})

/** Removes the customer's like; unliking a post not liked changes nothing (200, documented). */
export const unlikeSocialPostWorkflow = createWorkflow("unlike-social-post", (input: PostAction) => {
  retrievePostForStep(transform({ input }, ({ input }) => asViewer(input)))
  return new WorkflowResponse(unlikeSocialPostStep(transform({ input }, ({ input }) => ({ post_id: input.post_id, customer_id: input.customer_id }))))
})

/** Comments on (or replies under a comment of) a post the customer can see. */
export const createSocialCommentWorkflow = createWorkflow(
  "create-social-comment",
  (input: PostAction & { body: string; parent_id?: string | null }) => {
    retrievePostForStep(transform({ input }, ({ input }) => asViewer(input)))
    return new WorkflowResponse(createSocialCommentStep(input))
  }
)

/** Deletes a comment and its replies: by the comment's author or the post's author. */
export const deleteSocialCommentWorkflow = createWorkflow("delete-social-comment", (input: { customer_id: string; comment_id: string }) => {
  return new WorkflowResponse(deleteSocialCommentStep(input))
})

/** Follows another existing customer (not oneself: 400); following twice is one follow. */
export const followCustomerWorkflow = createWorkflow("follow-customer", (input: { follower_id: string; followed_id: string }) => {
  validateCustomerExistsStep(transform({ input }, ({ input }) => input.followed_id))
  return new WorkflowResponse(followCustomerStep(input))
})

/** Stops following; not following already changes nothing. */
export const unfollowCustomerWorkflow = createWorkflow("unfollow-customer", (input: { follower_id: string; followed_id: string }) => {
  validateCustomerExistsStep(transform({ input }, ({ input }) => input.followed_id))
  return new WorkflowResponse(unfollowCustomerStep(input))
})
