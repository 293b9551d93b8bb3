import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreSocialPostListResponse } from "../../../../types/http/social"
import { postListPage, socialReaderOf } from "../../../social/queries"
import { StoreGetSocialFeedParamsType } from "../validators"

/**
 * The social feed. for_you (default): followed customers' posts and popular public ones,
 * ranked by engagement, follow affinity and recency; following: followed customers' posts,
 * newest first; popular: public posts by engagement and recency. Anonymous shoppers get the
 * popular feed whatever the tab. Cursor-paginated (see src/modules/social/feed.ts).
 */
export const GET = async (req: MedusaRequest<unknown, StoreGetSocialFeedParamsType>, res: MedusaResponse<StoreSocialPostListResponse>) => {
  const { tab, limit, cursor } = req.validatedQuery as StoreGetSocialFeedParamsType
  const reader = socialReaderOf(req)
  const kind = reader.viewer_id ? tab : "popular"
  res.json(await postListPage(req.scope, reader, { kind, of: null, limit, cursor }))
}
