import { z } from "@medusajs/framework/zod"
import { shopperLocationParams } from "../../../../utils/shopper-params"
import { MAX_VISUAL_SEARCH_LIMIT } from "../../../visual-search/validators"

/** GET /store/products/:id/similar */
export const StoreSimilarProductsParams = z
  .object({
    // Only products purchasable in this region (or the region selling to this country); one of the two is required.
    ...shopperLocationParams,
    limit: z.coerce
      .number({ error: "limit must be a whole number" })
      .int("limit must be a whole number")
      .min(1, "limit must be at least 1")
      .max(MAX_VISUAL_SEARCH_LIMIT, `limit must be at most ${MAX_VISUAL_SEARCH_LIMIT}`)
      .optional()
      .default(12),
  })
  .strict()
  .refine((p) => !!p.region_id || !!p.country_code, { message: "region_id or country_code is required", path: ["region_id"] })
export type StoreSimilarProductsParamsType = z.infer<typeof StoreSimilarProductsParams>
