import { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { displayNameOf } from "../../../../../../modules/social/constants"
import { createSocialCommentWorkflow } from "../../../../../../workflows/social/engagement"
import { customerIdOf, retrieveVisiblePost, viewerOf } from "../../../helpers"
import { StoreCreateSocialCommentType, StoreGetSocialCommentsParamsType } from "../../../validators"

const COMMENT_FIELDS = ["id", "body", "parent_id", "created_at", "customer_id", "customer.first_name", "customer.last_name"]

const shape = (c: any) => ({
  id: c.id,
  body: c.body,
  parent_id: c.parent_id ?? null,
  created_at: c.created_at,
  author: { id: c.customer_id, display_name: displayNameOf(c.customer) },
})

/** Top-level comments, oldest first and paginated, each with its replies (oldest first) under `replies`. */
export const GET = async (req: MedusaRequest<unknown, StoreGetSocialCommentsParamsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as StoreGetSocialCommentsParamsType
  await retrieveVisiblePost(req.scope, req.params.id, viewerOf(req))
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: top, metadata } = await query.graph({
    entity: "social_comment",
    fields: COMMENT_FIELDS,
    filters: { post_id: req.params.id, parent_id: null } as any,
    pagination: { skip: offset, take: limit, order: { created_at: "ASC", id: "ASC" } },
  })
  const { data: replies } = top.length
    ? await query.graph({
        entity: "social_comment",
        fields: COMMENT_FIELDS,
        filters: { parent_id: top.map((c: any) => c.id) } as any,
        pagination: { order: { created_at: "ASC", id: "ASC" } },
      })
    : { data: [] as any[] }
  const comments = top.map((c: any) => ({ ...shape(c), replies: replies.filter((r: any) => r.parent_id === c.id).map(shape) }))
  res.json({ comments, count: metadata?.count ?? comments.length, offset, limit })
}

/** Comments on a post the customer can see, or replies to one of its comments (parent_id). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreCreateSocialCommentType>, res: MedusaResponse) => {
  const { result } = await createSocialCommentWorkflow(req.scope).run({
    input: { customer_id: customerIdOf(req), post_id: req.params.id, body: req.validatedBody.body, parent_id: req.validatedBody.parent_id },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "social_comment", fields: COMMENT_FIELDS, filters: { id: result.id } })
  res.status(201).json({ comment: { ...shape(data[0]), replies: [] } })
}
