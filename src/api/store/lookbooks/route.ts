import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { STORE_LOOKBOOK_FIELDS } from "./helpers"
import { StoreGetLookbooksParamsType } from "./validators"

/** Published lookbooks in merchandising order (position, then oldest first), with their look counts. */
export const GET = async (req: MedusaRequest<unknown, StoreGetLookbooksParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { season } = req.validatedQuery as StoreGetLookbooksParamsType
  const filters: Record<string, unknown> = { status: "published" }
  if (season) filters.season = season
  const { skip, take } = req.queryConfig.pagination as { skip: number; take: number }
  const { data, metadata } = await query.graph({
    entity: "lookbook",
    fields: [...STORE_LOOKBOOK_FIELDS, "looks.id"],
    filters,
    pagination: { skip, take, order: { position: "ASC", created_at: "ASC", id: "ASC" } },
  })
  const lookbooks = data.map(({ looks, ...lookbook }: any) => ({ ...lookbook, look_count: (looks ?? []).length }))
  res.json({ lookbooks, count: metadata!.count, offset: metadata!.skip, limit: metadata!.take })
}
