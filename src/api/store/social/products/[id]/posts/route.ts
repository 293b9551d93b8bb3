import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { StoreSocialPostListResponse } from "../../../../../../types/http/social"
import { postListPage, socialReaderOf } from "../../../../../social/queries"
import { StoreGetSocialPostListParamsType } from "../../../validators"

/** "Worn by the community": posts tagging this product that the viewer may see, most popular first. */
export const GET = async (req: MedusaRequest<unknown, StoreGetSocialPostListParamsType>, res: MedusaResponse<StoreSocialPostListResponse>) => {
  const { limit, cursor } = req.validatedQuery as StoreGetSocialPostListParamsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { id: req.params.id } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${req.params.id} was not found`)
  res.json(await postListPage(req.scope, socialReaderOf(req), { kind: "product", of: req.params.id, limit, cursor }))
}
