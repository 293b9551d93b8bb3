import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { StoreSavedItemListResponse, StoreSavedItemResponse } from "../../../../../types/http/wishlist"
import { customerIdOf } from "../../../../identity"
import { listSavedItems, saveProducts, SavedItemsViewer } from "./saved-items"
import { StoreGetSavedItemsParamsType, StoreSaveItemType } from "./validators"

/** The signed-in customer, where they shop (req.shopper, from region_id or country_code) and the publishable key's sales channels. */
export const savedItemsViewer = (
  req: Pick<AuthenticatedMedusaRequest, "auth_context" | "shopper" | "publishable_key_context">
): SavedItemsViewer => ({
  customer_id: customerIdOf(req as AuthenticatedMedusaRequest),
  shopper: req.shopper ?? null,
  sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
})

/** GET /store/customers/me/saved-items: the customer's saved products as product cards, most recently saved first. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreGetSavedItemsParamsType>,
  res: MedusaResponse<StoreSavedItemListResponse>
) => {
  const { limit, offset } = req.validatedQuery as StoreGetSavedItemsParamsType
  const items = await listSavedItems(req.scope, savedItemsViewer(req))
  res.json({ saved_items: items.slice(offset, offset + limit), count: items.length, offset, limit })
}

/** POST /store/customers/me/saved-items { product_id }: saves a product; saving it again answers the same item. */
export const POST = async (req: AuthenticatedMedusaRequest<StoreSaveItemType>, res: MedusaResponse<StoreSavedItemResponse>) => {
  const { product_id } = req.validatedBody
  const { saved_items, not_found } = await saveProducts(req.scope, savedItemsViewer(req), [product_id])
  if (not_found.length || !saved_items[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${product_id} was not found`)
  res.json({ saved_item: saved_items[0] })
}
