import { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { StoreSocialCommentListResponse, StoreSocialCommentResponse } from "../../../../../../types/http/social"
import { createSocialCommentWorkflow } from "../../../../../../workflows/social/engagement"
import { customerIdOf, viewerIdOf } from "../../../../../identity"
import { pickFields } from "../../../../../utils/allowed-fields"
import { listComments, retrieveComment, socialServiceOf } from "../../../../../social/queries"
import { StoreCreateSocialCommentType, StoreGetSocialCommentsParamsType } from "../../../validators"

/** Top-level comments, oldest first and paginated, each with its replies (oldest first) under `replies`. */
export const GET = async (req: MedusaRequest<unknown, StoreGetSocialCommentsParamsType>, res: MedusaResponse<StoreSocialCommentListResponse>) => {
  const { limit, offset } = req.validatedQuery as StoreGetSocialCommentsParamsType
  if (!(await socialServiceOf(req.scope).canView({ id: req.params.id }, viewerIdOf(req)))) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Post with id: ${req.params.id} was not found`)
  }
  const page = await listComments(req.scope, req.params.id, { limit, offset })
  res.json({ ...page, comments: page.comments.map((c) => pickFields(c, req.queryConfig.fields)) })
}

/** Comments on a post the customer can see, or replies to one of its comments (parent_id). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateSocialCommentType>, res: MedusaResponse<StoreSocialCommentResponse>) => {
  const { result } = await createSocialCommentWorkflow(req.scope).run({
    input: { customer_id: customerIdOf(req), post_id: req.params.id, body: req.validatedBody.body, parent_id: req.validatedBody.parent_id },
  })
  res.status(201).json({ comment: await retrieveComment(req.scope, result.id) })
}
