import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreSavedItemDeleteResponse } from "../../../../../../types/http/wishlist"
import { customerIdOf } from "../../../../../identity"
import { removeSavedProduct } from "../saved-items"

/** DELETE /store/customers/me/saved-items/:product_id: removes the product from the customer's saved items. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<StoreSavedItemDeleteResponse>) => {
  await removeSavedProduct(req.scope, customerIdOf(req), req.params.product_id)
  res.json({ id: req.params.product_id, object: "saved_item", deleted: true })
}
