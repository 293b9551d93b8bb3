import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listLookbooks, LOOKBOOK_FIELDS } from "../../lookbooks/queries"
import { serializeLookbookSummary } from "../../lookbooks/serializers"
import { pickFields } from "../../utils/allowed-fields"
import { StoreLookbookSummary } from "../../../types/http/lookbook"
import { StoreGetLookbooksParamsType } from "./validators"

/** Published lookbooks in merchandising order (position, then oldest first), with their look counts. */
export const GET = async (req: MedusaRequest<unknown, StoreGetLookbooksParamsType>, res: MedusaResponse) => {
  const { season } = req.validatedQuery as StoreGetLookbooksParamsType
  const filters: Record<string, unknown> = { status: "published" }
  if (season) filters.season = season
  const { skip, take } = req.queryConfig.pagination as { skip: number; take: number }
  const { lookbooks, count } = await listLookbooks(req.scope, { fields: LOOKBOOK_FIELDS, filters, skip, take, cached: true })
  res.json({
    lookbooks: lookbooks.map((row) => pickFields(serializeLookbookSummary<StoreLookbookSummary>(row), req.queryConfig.fields)),
    count,
    offset: skip,
    limit: take,
  })
}
