import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decodeCursor } from "../../../../modules/social/feed"
import type { StoreSocialPostListResponse } from "../../../../types/http/social"
import { postPage, socialReaderOf, socialServiceOf } from "../../../social/queries"
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
  const page = await socialServiceOf(req.scope).listPostPage({
    kind,
    viewer_id: reader.viewer_id,
    limit,
    cursor: cursor ? decodeCursor(cursor, { kind, scope: null }) : null,
  })
  res.json(await postPage(req.scope, page, reader))
}
