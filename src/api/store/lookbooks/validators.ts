import { z } from "@medusajs/framework/zod"

const pagination = {
  limit: z.coerce.number().int().min(1, "limit must be at least 1").max(100, "limit must be at most 100").optional().default(20),
  offset: z.coerce.number().int().min(0, "offset must be 0 or more").optional().default(0),
}

/** Where the shopper is: prices are calculated for this region (or the region of this country). */
const pricingParams = {
  region_id: z.string().trim().min(1).max(100).optional(),
  country_code: z
    .string()
    .regex(/^[a-zA-Z]{2}$/, "country_code must be a 2-letter ISO 3166 code such as fr")
    .transform((v) => v.toLowerCase())
    .optional(),
}

export const StoreGetLookbooksParams = z
  .object({ ...pagination, season: z.string().trim().min(1).max(60).optional() })
  .strict()
export type StoreGetLookbooksParamsType = z.infer<typeof StoreGetLookbooksParams>

export const StoreGetLookbookParams = z.object(pricingParams).strict()
export type StoreGetLookbookParamsType = z.infer<typeof StoreGetLookbookParams>

export const StoreRecordLookView = z.object({}).strict()

export const StoreAddLookToCart = z
  .object({ cart_id: z.string({ error: "cart_id is required (the id of the shopper's cart)" }).trim().min(1, "cart_id must not be empty").max(100) })
  .strict()
export type StoreAddLookToCartType = z.infer<typeof StoreAddLookToCart>
