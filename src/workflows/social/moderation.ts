import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ModerationAction, ReportReason } from "../../modules/social/constants"
import { gatherReporterStandingStep, moderateSocialPostStep, reportSocialPostStep } from "./steps/moderation"
import { retrievePostForStep } from "./steps/retrieve-post"
import { socialService } from "./steps/social-service"
import { syncPostPhotoStorageStep } from "./steps/sync-photo-storage"
import { unindexPostPhotosStep } from "./steps/unindex-post-photos"

/**
 * Reports a post the customer can see (not their own; once per post), weighed by the reporter's
 * standing (account age, orders, earlier reports). May hide the post automatically.
 */
export const reportSocialPostWorkflow = createWorkflow(
  "report-social-post",
  (input: { customer_id: string; post_id: string; reason: ReportReason; note?: string | null }) => {
    retrievePostForStep(transform({ input }, ({ input }) => ({ post_id: input.post_id, customer_id: input.customer_id, must_be: "viewer" as const })))
    const standing = gatherReporterStandingStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id })))
    const reported = reportSocialPostStep(transform({ input, standing }, ({ input, standing }) => ({ ...input, standing })))
    // A post hidden by reports stops serving its photos at once (steps/sync-photo-storage.ts).
    syncPostPhotoStorageStep(transform({ input, reported }, ({ input, reported }) => ({ post_id: input.post_id, rekey: reported.auto_hidden })))
    return new WorkflowResponse(reported)
  }
)

/** Any post by id for a moderator (deleted ones excepted), or NOT_FOUND. Reads only. */
const retrievePostForModerationStep = createStep("retrieve-social-post-for-moderation", async (postId: string, { container }) => {
  const [post] = await socialService(container).listSocialPosts({ id: postId }, { select: ["id"], take: 1 })
  if (!post) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Post with id: ${postId} was not found`)
  return new StepResponse(post.id)
})

/** An admin user approves, hides or removes a post. */
export const moderateSocialPostWorkflow = createWorkflow(
  "moderate-social-post",
  (input: { post_id: string; action: ModerationAction; note?: string | null; moderator_id: string }) => {
    retrievePostForModerationStep(transform({ input }, ({ input }) => input.post_id))
    const moderated = moderateSocialPostStep(input)
    // Hidden or removed: photos move to new private names at once; approved: back to public storage when the post is public.
    syncPostPhotoStorageStep(transform({ input }, ({ input }) => ({ post_id: input.post_id, rekey: input.action !== "approve" })))
    // A removed post is no original to copy: its photos leave the image index (an approval later puts them back, by the reconcile job).
    when("unindex-removed-social-post-photos", { input }, ({ input }) => input.action === "remove").then(() =>
      unindexPostPhotosStep(transform({ input }, ({ input }) => ({ post_id: input.post_id })))
    )
    return new WorkflowResponse(moderated)
  }
)
