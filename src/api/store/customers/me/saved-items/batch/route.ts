import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreSavedItemBatchResponse } from "../../../../../../types/http/wishlist"
import { savedItemsViewer } from "../route"
import { saveProducts } from "../saved-items"
import { StoreSaveItemsBatchType } from "../validators"

/**
 * POST /store/customers/me/saved-items/batch { product_ids }: saves several products at once (the
 * storefront merges a signed-out shopper's saved items this way at sign-in). Products that no
 * longer exist are skipped and named in not_found, so one stale id does not lose the others.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreSaveItemsBatchType>, res: MedusaResponse<StoreSavedItemBatchResponse>) => {
  res.json(await saveProducts(req.scope, savedItemsViewer(req), req.validatedBody.product_ids))
}
