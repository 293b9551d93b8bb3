import { z } from "@medusajs/framework/zod"
import { limitParam } from "./query-params"
import { shopperLocationParams } from "./shopper-params"

// Form fields arrive as text, and a browser form sends an empty field for one left blank: absent.
export const blankAsAbsent = (value: unknown) => (value === "" ? undefined : value)

/**
 * The fields every photo form (visual search, post tags, wardrobe items) sends beside its `image`
 * file: the region the product cards are priced and stocked for (one of the two is required, see
 * hasShopperRegion), and how many products to answer.
 */
export const photoFormFields = ({ defaultLimit, maxLimit }: { defaultLimit: number; maxLimit: number }) => ({
  region_id: z.preprocess(blankAsAbsent, shopperLocationParams.region_id),
  country_code: z.preprocess(blankAsAbsent, shopperLocationParams.country_code),
  limit: z.preprocess(blankAsAbsent, limitParam(maxLimit, defaultLimit)),
})

/** For `.refine(hasShopperRegion, shopperRegionRequired)` on a body with photoFormFields. */
export const hasShopperRegion = (b: { region_id?: string; country_code?: string }) => !!b.region_id || !!b.country_code
export const shopperRegionRequired = { message: "region_id or country_code is required", path: ["region_id"] }

/**
 * The multipart form fields beside the `image` file of the routes that suggest products from a
 * shopper's own photo (post tags, wardrobe items).
 */
export const photoSuggestionBody = (limits: { defaultLimit: number; maxLimit: number }) =>
  z.object(photoFormFields(limits)).strict().refine(hasShopperRegion, shopperRegionRequired)

export type PhotoSuggestionBody = z.infer<ReturnType<typeof photoSuggestionBody>>
