import { z } from "@medusajs/framework/zod"
import { shopperLocationParams } from "./shopper-params"

// Form fields arrive as text, and a browser form sends an empty field for one left blank: absent.
const blankAsAbsent = (value: unknown) => (value === "" ? undefined : value)

/**
 * The multipart form fields beside the `image` file of the routes that suggest products from a
 * shopper's own photo (post tags, wardrobe items): the region the product cards are priced and
 * stocked for (one of the two is required), and how many products to suggest.
 */
export const photoSuggestionBody = ({ defaultLimit, maxLimit }: { defaultLimit: number; maxLimit: number }) =>
  z
    .object({
      region_id: z.preprocess(blankAsAbsent, shopperLocationParams.region_id),
      country_code: z.preprocess(blankAsAbsent, shopperLocationParams.country_code),
      limit: z.preprocess(
        blankAsAbsent,
        z.coerce
          .number({ error: "limit must be a whole number" })
          .int("limit must be a whole number")
          .min(1, "limit must be at least 1")
          .max(maxLimit, `limit must be at most ${maxLimit}`)
          .optional()
          .default(defaultLimit)
      ),
    })
    .strict()
    .refine((b) => !!b.region_id || !!b.country_code, { message: "region_id or country_code is required", path: ["region_id"] })

export type PhotoSuggestionBody = z.infer<ReturnType<typeof photoSuggestionBody>>
