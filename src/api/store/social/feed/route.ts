import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { decodeCursor } from "../../../../modules/social/feed"
import { postPage, socialServiceOf, viewerOf } from "../helpers"
import { StoreGetSocialFeedParamsType } from "../validators"

/**
 * The social feed. for_you (default): followed customers' posts and popular public ones,
 * ranked by engagement, follow affinity and recency; following: followed customers' posts,
 * newest first; popular: public posts by engagement and recency. Anonymous shoppers get the
 * popular feed whatever the tab. Cursor-paginated (see src/modules/social/feed.ts).
 */
export const GET = async (req: MedusaRequest<unknown, StoreGetSocialFeedParamsType>, res: MedusaResponse) => {
  const { tab, limit, cursor } = req.validatedQuery as StoreGetSocialFeedParamsType
  const viewer = viewerOf(req)
  const kind = viewer ? tab : "popular"
  const page = await socialServiceOf(req.scope).listPostPage({
    kind,
    viewer_id: viewer,
    limit,
    cursor: cursor ? decodeCursor(cursor, { kind, scope: null }) : null,
  })
  res.json(await postPage(req.scope, page, viewer))
}
