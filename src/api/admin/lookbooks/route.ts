import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createLookbookWorkflow } from "../../../workflows/lookbook/lookbooks"
import { ADMIN_LOOKBOOK_FIELDS, retrieveAdminLookbook } from "./helpers"
import { AdminCreateLookbookType, AdminGetLookbooksParamsType } from "./validators"

/** Escapes % and _ so that the search text matches literally inside an ILIKE pattern. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/** All lookbooks (drafts too) in store order, with look counts; `q` searches title and handle. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetLookbooksParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, status, season } = req.validatedQuery as AdminGetLookbooksParamsType
  const filters: Record<string, unknown> = {}
  if (status) filters.status = status
  if (season) filters.season = season
  if (q) filters.$or = [{ title: { $ilike: likePattern(q) } }, { handle: { $ilike: likePattern(q) } }]
  const { skip, take } = req.queryConfig.pagination as { skip: number; take: number }
  const { data, metadata } = await query.graph({
    entity: "lookbook",
    fields: [...ADMIN_LOOKBOOK_FIELDS, "looks.id"],
    filters,
    pagination: { skip, take, order: { position: "ASC", created_at: "ASC", id: "ASC" } },
  })
  const lookbooks = data.map(({ looks, ...lookbook }: any) => ({ ...lookbook, look_count: (looks ?? []).length }))
  res.json({ lookbooks, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}

/** Creates a lookbook (a draft unless `status` says otherwise). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateLookbookType>, res: MedusaResponse) => {
  const { result } = await createLookbookWorkflow(req.scope).run({ input: { lookbook: req.validatedBody } })
  res.status(201).json({ lookbook: await retrieveAdminLookbook(req.scope, result.id) })
}
