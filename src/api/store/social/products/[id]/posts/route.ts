import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { decodeCursor } from "../../../../../../modules/social/feed"
import type { StoreSocialPostListResponse } from "../../../../../../types/http/social"
import { postPage, socialReaderOf, socialServiceOf } from "../../../../../social/queries"
import { StoreGetSocialPostListParamsType } from "../../../validators"

/** "Worn by the community": posts tagging this product that the viewer may see, most popular first. */
export const GET = async (req: MedusaRequest<unknown, StoreGetSocialPostListParamsType>, res: MedusaResponse<StoreSocialPostListResponse>) => {
  const { limit, cursor } = req.validatedQuery as StoreGetSocialPostListParamsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { id: req.params.id } })
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${req.params.id} was not found`)
  const reader = socialReaderOf(req)
  const scope = req.params.id
  const page = await socialServiceOf(req.scope).listPostPage({
    kind: "product",
    viewer_id: reader.viewer_id,
    scope,
    limit,
    cursor: cursor ? decodeCursor(cursor, { kind: "product", scope }) : null,
  })
  res.json(await postPage(req.scope, page, reader))
}
