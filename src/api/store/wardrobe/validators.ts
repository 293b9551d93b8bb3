import { z } from "@medusajs/framework/zod"
import { createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { multiValueQueryParam } from "../../utils/query-params"
import { photoSuggestionBody } from "../../utils/photo-suggestion-body"
import { shopperLocationParams } from "../../utils/shopper-params"
import { WARDROBE_SEASONS } from "../../../modules/wardrobe/constants"

/*
 * Item bodies arrive as JSON or as multipart form fields (with a photo), where every value is a
 * string; the preprocessors below accept both spellings of a value.
 */

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value)

const optionalText = (field: string, max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max, `${field} must be at most ${max} characters`).nullish())

/** A list given as a JSON array, repeated form fields, or one comma-separated string. */
const stringList = (field: string, maxItems: number) =>
  z.preprocess(
    (value) => {
      if (value === undefined || value === null) return value
      const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : value
      return Array.isArray(list) ? list.map((v) => (typeof v === "string" ? v.trim() : v)).filter((v) => v !== "") : list
    },
    z
      .array(z.string().max(40, `each of ${field} must be at most 40 characters`))
      .max(maxItems, `${field} may hold at most ${maxItems} values`)
      .optional()
  )

const price = z.preprocess(
  (value) => {
    const v = blankToNull(value)
    return typeof v === "string" ? Number(v) : v
  },
  z
    .number({ error: "price_paid must be a number" })
    .nonnegative("price_paid must be 0 or more")
    .max(1_000_000_000, "price_paid is too large")
    .nullish()
)

const calendarDay = (field: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${field} must be a date as YYYY-MM-DD`)
    .refine((v) => !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
      message: `${field} must be a real calendar date`,
    })

const booleanFlag = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean().optional())

const season = z.preprocess(blankToNull, z.enum(WARDROBE_SEASONS).nullish())

const itemFields = {
  category: optionalText("category", 60),
  colours: stringList("colours", 10),
  brand: optionalText("brand", 120),
  size: optionalText("size", 20),
  price_paid: price,
  currency_code: z.preprocess(
    blankToNull,
    z
      .string()
      .regex(/^[a-zA-Z]{3}$/, "currency_code must be a 3-letter ISO 4217 code such as eur")
      .nullish()
  ),
  material: optionalText("material", 120),
  season,
  notes: optionalText("notes", 2000),
  acquired_on: z.preprocess(blankToNull, calendarDay("acquired_on").nullish()),
  variant_id: z.preprocess(blankToNull, z.string().max(100).nullish()),
}

const priceNeedsCurrency = (body: { price_paid?: number | null; currency_code?: string | null }) =>
  body.price_paid === undefined || body.price_paid === null || !!body.currency_code

export const StoreCreateWardrobeItem = z
  .object({ name: z.string({ error: "name is required (text)" }).trim().min(1, "name must not be empty").max(200), ...itemFields })
  .strict()
  .refine(priceNeedsCurrency, { message: "currency_code is required with price_paid", path: ["currency_code"] })
export type StoreCreateWardrobeItemType = z.infer<typeof StoreCreateWardrobeItem>

export const StoreUpdateWardrobeItem = z
  .object({
    name: z.string().trim().min(1, "name must not be empty").max(200).optional(),
    ...itemFields,
    remove_photo: booleanFlag,
  })
  .strict()
  .refine((b) => b.price_paid === undefined || priceNeedsCurrency(b), {
    message: "currency_code is required with price_paid",
    path: ["currency_code"],
  })
export type StoreUpdateWardrobeItemType = z.infer<typeof StoreUpdateWardrobeItem>

export const StoreLogWear = z
  .object({ worn_on: calendarDay("worn_on").optional() })
  .strict()
  .refine((b) => !b.worn_on || b.worn_on <= new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10), {
    message: "worn_on must not be in the future",
    path: ["worn_on"],
  })
export type StoreLogWearType = z.infer<typeof StoreLogWear>

const outfitProduct = z
  .object({ product_id: z.string().min(1).optional(), variant_id: z.string().min(1).nullish() })
  .strict()
  .refine((p) => p.product_id || p.variant_id, { message: "each product needs product_id or variant_id" })

const outfitFields = {
  occasion: optionalText("occasion", 60),
  season,
  notes: optionalText("notes", 2000),
  item_ids: z.array(z.string().min(1)).max(30, "an outfit holds at most 30 items").optional(),
  products: z.array(outfitProduct).max(20, "an outfit suggests at most 20 products").optional(),
}

export const StoreCreateOutfit = z
  .object({ name: z.string({ error: "name is required (text)" }).trim().min(1, "name must not be empty").max(200), ...outfitFields })
  .strict()
  .refine((b) => (b.item_ids?.length ?? 0) + (b.products?.length ?? 0) > 0, {
    message: "an outfit needs at least one item_id or product",
    path: ["item_ids"],
  })
export type StoreCreateOutfitType = z.infer<typeof StoreCreateOutfit>

export const StoreUpdateOutfit = z.object({ name: z.string().trim().min(1, "name must not be empty").max(200).optional(), ...outfitFields }).strict()
export type StoreUpdateOutfitType = z.infer<typeof StoreUpdateOutfit>

const multiValue = multiValueQueryParam()

const listParams = {
  ...createSelectParams().shape,
  q: z.string().trim().max(200, "q must be at most 200 characters").optional(),
  limit: z.coerce.number().int().min(1, "limit must be at least 1").max(100, "limit must be at most 100").optional().default(20),
  offset: z.coerce.number().int().min(0, "offset must be 0 or more").optional().default(0),
}

export const StoreGetWardrobeItemsParams = z
  .object({
    ...listParams,
    category: multiValue,
    colour: multiValue,
    brand: multiValue,
    season: multiValue.pipe(z.array(z.enum(WARDROBE_SEASONS)).optional()),
    source: z.enum(["manual", "order"]).optional(),
    order: z.enum(["created_at", "-created_at", "name", "-name", "acquired_on", "-acquired_on", "price_paid", "-price_paid"]).optional(),
  })
  .strict()
export type StoreGetWardrobeItemsParamsType = z.infer<typeof StoreGetWardrobeItemsParams>

export const StoreGetOutfitsParams = z
  .object({
    ...listParams,
    occasion: multiValue,
    season: multiValue.pipe(z.array(z.enum(WARDROBE_SEASONS)).optional()),
    order: z.enum(["created_at", "-created_at", "name", "-name"]).optional(),
    // Where the shopper is: the outfits' product cards show prices and stock for this region.
    ...shopperLocationParams,
  })
  .strict()
export type StoreGetOutfitsParamsType = z.infer<typeof StoreGetOutfitsParams>

export const StoreGetWardrobeItemParams = createSelectParams().strict()

/** One outfit: `fields`, and where the shopper is for its product cards. */
export const StoreGetOutfitParams = z.object({ ...createSelectParams().shape, ...shopperLocationParams }).strict()

/** POST /store/wardrobe/photo-suggestions: multipart `image` with the region the product cards are for. */
export const StoreWardrobePhotoSuggestionsBody = photoSuggestionBody({ defaultLimit: 6, maxLimit: 24 })
export type StoreWardrobePhotoSuggestionsBodyType = z.infer<typeof StoreWardrobePhotoSuggestionsBody>
