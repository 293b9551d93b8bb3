import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordLookViewWorkflow } from "../../../../../../../workflows/lookbook/analytics"
import { publishedLookbookId } from "../../../../../../lookbooks/queries"
import { lookViewerKey, lookViewPeriodMs } from "./viewer"

/** Read when Medusa loads the route: a bad LOOK_VIEW_PERIOD_MINUTES stops the start with its name. */
const PERIOD_MS = lookViewPeriodMs()

/**
 * Records that a shopper saw a look (the storefront calls this when a look comes into view; a
 * GET of the lookbook counts nothing, so caches and crawlers do not inflate the numbers). A
 * viewer counts once per look and period: the first report answers 201 with `counted: true`,
 * repeats answer 200 with `counted: false` and leave the count as it was.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const lookbookId = await publishedLookbookId(req.scope, req.params.id)
  const { result } = await recordLookViewWorkflow(req.scope).run({
    input: { lookbook_id: lookbookId, look_id: req.params.look_id, viewer_key: lookViewerKey(req), period_ms: PERIOD_MS },
  })
  res.status(result.counted ? 201 : 200).json({ look_id: result.id, views: result.view_count, counted: result.counted })
}
