import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreSocialPostListResponse } from "../../../../../../types/http/social"
import { postListPage, retrieveCustomer, socialReaderOf } from "../../../../../social/queries"
import { StoreGetSocialPostListParamsType } from "../../../validators"

/** A customer's posts that the viewer may see, newest first (all of them, any status, for the author). */
export const GET = async (req: MedusaRequest<unknown, StoreGetSocialPostListParamsType>, res: MedusaResponse<StoreSocialPostListResponse>) => {
  const { limit, cursor } = req.validatedQuery as StoreGetSocialPostListParamsType
  await retrieveCustomer(req.scope, req.params.id)
  res.json(await postListPage(req.scope, socialReaderOf(req), { kind: "author", of: req.params.id, limit, cursor }))
}
