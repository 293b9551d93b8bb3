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

/** The variant (size and colour) the shopper chose for one piece (hotspot) of the look. */
const LookPiece = z
  .object({
    hotspot_id: z.string({ error: "each piece needs a hotspot_id" }).trim().min(1, "hotspot_id must not be empty").max(100),
    variant_id: z.string({ error: "each piece needs the variant_id the shopper chose" }).trim().min(1, "variant_id must not be empty").max(100),
  })
  .strict()

export const StoreAddLookToCart = z
  .object({
    cart_id: z.string({ error: "cart_id is required (the id of the shopper's cart)" }).trim().min(1, "cart_id must not be empty").max(100),
    /** One entry per piece the shopper chose a size for; one-size pieces may be left out. */
    pieces: z
      .array(LookPiece)
      .max(30, "a look holds at most 30 pieces")
      .refine((pieces) => new Set(pieces.map((p) => p.hotspot_id)).size === pieces.length, { message: "each piece (hotspot_id) may appear once" })
      .optional(),
  })
  .strict()
export type StoreAddLookToCartType = z.infer<typeof StoreAddLookToCart>
