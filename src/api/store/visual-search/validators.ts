import { z } from "@medusajs/framework/zod"
import { booleanQueryParam } from "../../utils/query-params"
import { blankAsAbsent, hasShopperRegion, photoFormFields, shopperRegionRequired } from "../../utils/photo-suggestion-body"

/** The most products per garment a search answers. */
export const MAX_VISUAL_SEARCH_LIMIT = 48

const price = (name: string) =>
  z.preprocess(
    blankAsAbsent,
    z.coerce
      .number({ error: `${name} must be a number` })
      .refine(Number.isFinite, `${name} must be a number`)
      .nonnegative(`${name} must be 0 or more`)
      .optional()
  )

/** POST /store/visual-search: the multipart form's fields beside the `image` file. */
export const StoreVisualSearchBody = z
  .object({
    // Prices, stock and the currency are the region's (src/shopper/context.ts); one of the two is required.
    ...photoFormFields({ defaultLimit: 12, maxLimit: MAX_VISUAL_SEARCH_LIMIT }),
    // Search every garment in this category (a catalog category handle) instead of the predicted one.
    category: z.preprocess(blankAsAbsent, z.string().trim().min(1).max(100, "category must be at most 100 characters").optional()),
    min_price: price("min_price"),
    max_price: price("max_price"),
    size: z.preprocess(blankAsAbsent, z.string().trim().min(1).max(40, "size must be at most 40 characters").optional()),
    // Only products the shopper can buy now in their region, unless in_stock=false.
    in_stock: z.preprocess(blankAsAbsent, booleanQueryParam("in_stock")).transform((v) => v ?? true),
  })
  .strict()
  .refine(hasShopperRegion, shopperRegionRequired)
  .refine((b) => b.min_price === undefined || b.max_price === undefined || b.min_price <= b.max_price, {
    message: "min_price must not exceed max_price",
    path: ["min_price"],
  })
export type StoreVisualSearchBodyType = z.infer<typeof StoreVisualSearchBody>

/** POST /store/visual-search/:id/clicks: the shopper opened this result (position 0-based in the list shown). */
export const StoreVisualSearchClick = z
  .object({
    product_id: z.string({ error: "product_id is required" }).trim().min(1, "product_id must not be empty").max(100),
    position: z
      .number({ error: "position must be a whole number of 0 or more" })
      .int("position must be a whole number")
      .min(0, "position must be 0 or more")
      .max(1000, "position must be at most 1000"),
  })
  .strict()
export type StoreVisualSearchClickType = z.infer<typeof StoreVisualSearchClick>
