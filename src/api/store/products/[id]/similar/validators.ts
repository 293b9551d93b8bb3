import { z } from "@medusajs/framework/zod"
import { hasShopperRegion, shopperRegionRequired } from "../../../../utils/photo-suggestion-body"
import { limitParam } from "../../../../utils/query-params"
import { shopperLocationParams } from "../../../../utils/shopper-params"
import { MAX_VISUAL_SEARCH_LIMIT } from "../../../visual-search/validators"

/** GET /store/products/:id/similar */
export const StoreSimilarProductsParams = z
  .object({
    // Only products purchasable in this region (or the region selling to this country); one of the two is required.
    ...shopperLocationParams,
    limit: limitParam(MAX_VISUAL_SEARCH_LIMIT, 12),
  })
  .strict()
  .refine(hasShopperRegion, shopperRegionRequired)
export type StoreSimilarProductsParamsType = z.infer<typeof StoreSimilarProductsParams>
