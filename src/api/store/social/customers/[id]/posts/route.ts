import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decodeCursor } from "../../../../../../modules/social/feed"
import type { StoreSocialPostListResponse } from "../../../../../../types/http/social"
import { postPage, retrieveCustomer, socialReaderOf, socialServiceOf } from "../../../../../social/queries"
import { StoreGetSocialPostListParamsType } from "../../../validators"

/** A customer's posts that the viewer may see, newest first (all of them, any status, for the author). */
export const GET = async (req: MedusaRequest<unknown, StoreGetSocialPostListParamsType>, res: MedusaResponse<StoreSocialPostListResponse>) => {
  const { limit, cursor } = req.validatedQuery as StoreGetSocialPostListParamsType
  await retrieveCustomer(req.scope, req.params.id)
  const reader = socialReaderOf(req)
  const scope = req.params.id
  const page = await socialServiceOf(req.scope).listPostPage({
    kind: "author",
    viewer_id: reader.viewer_id,
    scope,
    limit,
    cursor: cursor ? decodeCursor(cursor, { kind: "author", scope }) : null,
  })
  res.json(await postPage(req.scope, page, reader))
}
