import { z } from "@medusajs/framework/zod"
import { limitParam } from "../../../../utils/query-params"
import { shopperLocationParams } from "../../../../utils/shopper-params"

/** How many products one batch save (the storefront's merge at sign-in) may name. */
export const MAX_SAVED_ITEMS_BATCH = 100

const productId = z.string({ error: "product_id is required" }).trim().min(1, "product_id must not be empty").max(100, "product_id is too long")

/** GET /store/customers/me/saved-items: prices for region_id or country_code when given. */
export const StoreGetSavedItemsParams = z
  .object({
    ...shopperLocationParams,
    limit: limitParam(100, 50),
    offset: z.coerce
      .number({ error: "offset must be a whole number" })
      .int("offset must be a whole number")
      .min(0, "offset must be 0 or more")
      .optional()
      .default(0),
  })
  .strict()
export type StoreGetSavedItemsParamsType = z.infer<typeof StoreGetSavedItemsParams>

/** POST /store/customers/me/saved-items */
export const StoreSaveItem = z.object({ product_id: productId, ...shopperLocationParams }).strict()
export type StoreSaveItemType = z.infer<typeof StoreSaveItem>

/** POST /store/customers/me/saved-items/batch */
export const StoreSaveItemsBatch = z
  .object({
    product_ids: z
      .array(productId, { error: "product_ids must be a list of product ids" })
      .min(1, "product_ids must name at least one product")
      .max(MAX_SAVED_ITEMS_BATCH, `product_ids may name at most ${MAX_SAVED_ITEMS_BATCH} products`),
    ...shopperLocationParams,
  })
  .strict()
export type StoreSaveItemsBatchType = z.infer<typeof StoreSaveItemsBatch>
