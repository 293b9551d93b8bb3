import { z } from "@medusajs/framework/zod"
import { shopperLocationParams } from "../../utils/shopper-params"

const pagination = {
  limit: z.coerce.number().int().min(1, "limit must be at least 1").max(100, "limit must be at most 100").optional().default(20),
  offset: z.coerce.number().int().min(0, "offset must be 0 or more").optional().default(0),
}

/** Response fields to return (`title,looks.hotspots.variant.in_stock`, `+x`, `-x`), as on Medusa's routes. */
const fields = { fields: z.string().max(2000).optional() }

export const StoreGetLookbooksParams = z.object({ ...pagination, ...fields, season: z.string().trim().min(1).max(60).optional() }).strict()
export type StoreGetLookbooksParamsType = z.infer<typeof StoreGetLookbooksParams>

export const StoreGetLookbookParams = z.object({ ...shopperLocationParams, ...fields }).strict()
export type StoreGetLookbookParamsType = z.infer<typeof StoreGetLookbookParams>

export const StoreRecordLookView = z.object({}).strict()

export const StoreAddLookToCart = z
  .object({ cart_id: z.string({ error: "cart_id is required (the id of the shopper's cart)" }).trim().min(1, "cart_id must not be empty").max(100) })
  .strict()
export type StoreAddLookToCartType = z.infer<typeof StoreAddLookToCart>
