import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createLookbookWorkflow } from "../../../workflows/lookbook/lookbooks"
import { AdminLookbookSummary } from "../../../types/http/lookbook"
import { ADMIN_LOOKBOOK_FIELDS, listLookbooks } from "../../lookbooks/queries"
import { serializeLookbookSummary } from "../../lookbooks/serializers"
import { likePattern } from "../../utils/like-pattern"
import { retrieveAdminLookbook } from "./retrieve"
import { AdminCreateLookbookType, AdminGetLookbooksParamsType } from "./validators"

/** All lookbooks (drafts too) in store order, with look counts; `q` searches title and handle. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetLookbooksParamsType>, res: MedusaResponse) => {
  const { q, status, season } = req.validatedQuery as AdminGetLookbooksParamsType
  const filters: Record<string, unknown> = {}
  if (status) filters.status = status
  if (season) filters.season = season
  if (q) filters.$or = [{ title: { $ilike: likePattern(q) } }, { handle: { $ilike: likePattern(q) } }]
  const { skip, take } = req.queryConfig.pagination as { skip: number; take: number }
  const { lookbooks, count } = await listLookbooks(req.scope, { fields: ADMIN_LOOKBOOK_FIELDS, filters, skip, take })
  res.json({ lookbooks: lookbooks.map((row) => serializeLookbookSummary<AdminLookbookSummary>(row)), count, offset: skip, limit: take })
}

/** Creates a lookbook (a draft unless `status` says otherwise). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateLookbookType>, res: MedusaResponse) => {
  const { result } = await createLookbookWorkflow(req.scope).run({ input: { lookbook: req.validatedBody } })
  res.status(201).json({ lookbook: await retrieveAdminLookbook(req.scope, result.id) })
}
