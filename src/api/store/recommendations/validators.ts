import { z } from "@medusajs/framework/zod"
import { WARDROBE_SEASONS } from "../../../modules/wardrobe/constants"
import { QUIZ_LOOKS } from "../../../modules/recommendation/constants"
import { normalizeSize } from "../../../modules/recommendation/profile"
import { hasShopperRegion, shopperRegionRequired } from "../../utils/photo-suggestion-body"
import { limitParam } from "../../utils/query-params"
import { shopperLocationParams } from "../../utils/shopper-params"

export const MAX_RECOMMENDATIONS = 48
export const MAX_OUTFITS = 12
const MAX_AMOUNT = 1_000_000
const HANDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const amountParam = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a positive amount` })
    .positive(`${name} must be a positive amount`)
    .max(MAX_AMOUNT, `${name} must be at most ${MAX_AMOUNT}`)
    .optional()

/** `sizes=tops:M,trousers:32,shoes:39`: category handle → size, each checked as the style profile checks it. */
const sizesParam = z
  .string({ error: "sizes must be category:size pairs such as tops:M,shoes:39" })
  .max(500, "sizes is too long")
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined) return undefined
    const sizes: Record<string, string> = {}
    for (const pair of raw
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [handle, size, extra] = pair.split(":").map((s) => s.trim())
      if (!handle || !size || extra !== undefined || !HANDLE.test(handle)) {
        ctx.addIssue({
          code: "custom",
          message: `sizes must be category:size pairs such as tops:M,shoes:39; got ${JSON.stringify(pair.slice(0, 40))}`,
        })
        return z.NEVER
      }
      const checked = normalizeSize(handle, size)
      if ("issue" in checked) {
        ctx.addIssue({ code: "custom", message: checked.issue.message })
        return z.NEVER
      }
      sizes[handle] = checked.size
    }
    return sizes
  })

/** Parameters every recommendation surface takes: where the shopper is, and one request's overrides of their profile. */
export const recommendationParams = {
  ...shopperLocationParams,
  budget: amountParam("budget"),
  max_item_price: amountParam("max_item_price"),
  sizes: sizesParam,
  occasion: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z -]{0,39}$/, "occasion must be a word such as work, weekend or evening")
    .optional(),
  season: z.enum(WARDROBE_SEASONS, { error: `season must be one of ${WARDROBE_SEASONS.join(", ")}` }).optional(),
}

/** GET /store/recommendations: "for you". */
export const StoreGetRecommendationsParams = z
  .object({
    ...recommendationParams,
    category: z.string().trim().regex(HANDLE, "category must be a category handle such as trousers").optional(),
    limit: limitParam(MAX_RECOMMENDATIONS, 12),
  })
  .strict()
  .refine(hasShopperRegion, shopperRegionRequired)
export type StoreGetRecommendationsParamsType = z.infer<typeof StoreGetRecommendationsParams>

/** GET /store/recommendations/outfits, /store/products/:id/complete-the-look, /store/wardrobe/outfit-suggestions. */
export const StoreGetRecommendedOutfitsParams = z
  .object({ ...recommendationParams, limit: limitParam(MAX_OUTFITS, 6) })
  .strict()
  .refine(hasShopperRegion, shopperRegionRequired)
export type StoreGetRecommendedOutfitsParamsType = z.infer<typeof StoreGetRecommendedOutfitsParams>

/** GET /store/recommendations/quiz-looks: the style quiz's looks for the shopper's region. */
export const StoreGetQuizLooksParams = z
  .object({ ...shopperLocationParams, limit: limitParam(QUIZ_LOOKS.max, QUIZ_LOOKS.max) })
  .strict()
  .refine(hasShopperRegion, shopperRegionRequired)
export type StoreGetQuizLooksParamsType = z.infer<typeof StoreGetQuizLooksParams>

export const FEEDBACK_ACTIONS = ["like", "dismiss", "not_my_size", "too_expensive", "not_my_style"] as const

/** POST /store/recommendations/feedback */
export const StoreRecommendationFeedback = z
  .object({
    product_id: z.string({ error: "product_id is required" }).trim().min(1, "product_id must not be empty").max(100, "product_id is too long"),
    action: z.enum(FEEDBACK_ACTIONS, { error: `action must be one of ${FEEDBACK_ACTIONS.join(", ")}` }),
    surface: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "surface must be a short lower-case name such as for_you or pdp")
      .optional(),
  })
  .strict()
export type StoreRecommendationFeedbackType = z.infer<typeof StoreRecommendationFeedback>

/** POST /store/recommendations/outfits/cart: the outfit's catalog pieces, each in the variant the answer chose. */
export const StoreAddOutfitToCart = z
  .object({
    cart_id: z.string({ error: "cart_id is required" }).trim().min(1, "cart_id must not be empty").max(100, "cart_id is too long"),
    variant_ids: z
      .array(z.string().trim().min(1, "variant_ids entries must not be empty").max(100, "variant_ids entries are too long"), {
        error: "variant_ids must be a list of variant ids",
      })
      .min(1, "variant_ids must name at least one variant")
      .max(8, "variant_ids may name at most 8 variants (one outfit)"),
    surface: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "surface must be a short lower-case name such as for_you or pdp")
      .optional(),
  })
  .strict()
export type StoreAddOutfitToCartType = z.infer<typeof StoreAddOutfitToCart>
