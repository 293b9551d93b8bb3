import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { socialService } from "./social-service"

export type RetrievedPost = {
  id: string
  customer_id: string
  status: string
  visibility: string
  photos: { id: string; file_id: string | null }[]
}

const notFound = (id: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `Post with id: ${id} was not found`)

/**
 * A post the shopper may act on. `viewer`: may see it (likes, comments, reports); `author`:
 * must also be its author (edit, delete). A post the shopper cannot see answers as a missing
 * one (404); one they see but do not own is 403. Reads only.
 */
export const retrievePostForStep = createStep(
  "retrieve-social-post-for-customer",
  async (input: { post_id: string; customer_id: string; must_be: "viewer" | "author" }, { container }) => {
    const service = socialService(container)
    const [post] = await service.listSocialPosts({ id: input.post_id }, { relations: ["photos"], take: 1 })
    if (!post || !(await service.canView(post, input.customer_id))) throw notFound(input.post_id)
    if (input.must_be === "author" && post.customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.FORBIDDEN, `Only the author of post ${input.post_id} may change it`)
    }
    return new StepResponse({
      id: post.id,
      customer_id: post.customer_id,
      status: post.status,
      visibility: post.visibility,
      photos: (post.photos ?? []).map((p) => ({ id: p.id, file_id: p.file_id ?? null })),
    } satisfies RetrievedPost)
  }
)
