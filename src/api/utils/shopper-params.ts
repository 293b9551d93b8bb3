import { z } from "@medusajs/framework/zod"

/**
 * Where the shopper is, as Store routes that show products take it: prices and "in stock" are
 * for this region, or the region that sells to this country (src/shopper/context.ts reads them).
 */
export const shopperLocationParams = {
  region_id: z.string().trim().min(1, "region_id must not be empty").max(100).optional(),
  country_code: z
    .string()
    .regex(/^[a-zA-Z]{2}$/, "country_code must be a 2-letter ISO 3166 code such as fr")
    .transform((v) => v.toLowerCase())
    .optional(),
}
