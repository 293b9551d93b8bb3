import { z } from "@medusajs/framework/zod"
import { PRODUCT_SEARCH_SORTS } from "../../../search/product-search"
import { booleanQueryParam, limitParam, multiValueQueryParam } from "../../utils/query-params"
import { shopperLocationParams } from "../../utils/shopper-params"

const multiValue = multiValueQueryParam()

export const StoreProductSearchParams = z
  .object({
    q: z.string().trim().max(200, "q must be at most 200 characters").optional(),
    // Prices and "in stock" for this region, or the region selling to this country (src/shopper/context.ts).
    ...shopperLocationParams,
    category: multiValue,
    colour: multiValue,
    size: multiValue,
    brand: multiValue,
    material: multiValue,
    pattern: multiValue,
    season: multiValue,
    occasion: multiValue,
    collection: multiValue,
    min_price: z.coerce.number().nonnegative("min_price must be 0 or more").optional(),
    max_price: z.coerce.number().positive("max_price must be more than 0").optional(),
    // Only products the shopper can buy now: from the region's warehouses, or every warehouse of the key's sales channels without region_id.
    in_stock: booleanQueryParam("in_stock"),
    sort: z.enum(PRODUCT_SEARCH_SORTS).optional().default("relevance"),
    limit: z.coerce.number().int().min(1).max(100).optional().default(24),
    offset: z.coerce.number().int().min(0).optional().default(0),
  })
  .strict()
  .refine((p) => p.min_price === undefined || p.max_price === undefined || p.min_price <= p.max_price, {
    message: "min_price must not exceed max_price",
    path: ["min_price"],
  })

export type StoreProductSearchParamsType = z.infer<typeof StoreProductSearchParams>

export const StoreProductSearchSuggestionsParams = z
  .object({
    q: z.string({ error: "q is required: the text typed so far" }).trim().min(1, "q must not be empty").max(100, "q must be at most 100 characters"),
    limit: limitParam(20, 8),
  })
  .strict()

export type StoreProductSearchSuggestionsParamsType = z.infer<typeof StoreProductSearchSuggestionsParams>
