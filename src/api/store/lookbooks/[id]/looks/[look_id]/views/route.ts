import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordLookViewWorkflow } from "../../../../../../../workflows/lookbook/analytics"
import { publishedLookbookId } from "../../../../helpers"

/**
 * Records that a shopper saw a look (the storefront calls this when a look comes into view; a
 * GET of the lookbook counts nothing, so caches and crawlers do not inflate the numbers).
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const lookbookId = await publishedLookbookId(req.scope, req.params.id)
  const { result } = await recordLookViewWorkflow(req.scope).run({ input: { lookbook_id: lookbookId, look_id: req.params.look_id } })
  res.status(201).json({ look_id: result.id, views: result.view_count })
}
