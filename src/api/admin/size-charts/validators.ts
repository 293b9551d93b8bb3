import { z } from "@medusajs/framework/zod"
import { MEASURES } from "../../../size-advice/recommend-size"

const MAX_SIZES = 40

const cm = (what: string) =>
  z
    .number({ error: `${what} must be a number of centimetres` })
    .positive(`${what} must be more than 0`)
    .max(300, `${what} must be at most 300 cm`)

/** One measurement's range in a size: min below max, both in cm; null or absent when the size does not list it. */
const measureRange = (measure: string) =>
  z
    .object({ min: cm(`${measure}.min`), max: cm(`${measure}.max`) })
    .strict()
    .refine((r) => r.min < r.max, `${measure}.min must be less than ${measure}.max`)
    .nullish()

const sizeRow = z
  .object({
    size: z.string({ error: "size is required (the size's name, as on the product's Size option)" }).trim().min(1, "size must not be empty").max(40),
    ...Object.fromEntries(MEASURES.map((m) => [m, measureRange(m)])),
  })
  .strict()

const sizes = z
  .array(sizeRow, { error: "sizes must be a list of sizes with their measurement ranges" })
  .min(1, "sizes must list at least one size")
  .max(MAX_SIZES, `sizes may list at most ${MAX_SIZES} sizes`)
  .refine((rows) => new Set(rows.map((r) => r.size.toLowerCase())).size === rows.length, "sizes must not list a size twice")

const brand = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  z.string().trim().max(100, "brand must be at most 100 characters").nullish()
)

export const AdminCreateSizeChart = z
  .object({
    name: z.string({ error: "name is required (text)" }).trim().min(1, "name must not be empty").max(200),
    category_id: z.string({ error: "category_id is required (a product category id)" }).trim().min(1).max(100),
    brand,
    sizes,
  })
  .strict()
export type AdminCreateSizeChartType = z.infer<typeof AdminCreateSizeChart>

export const AdminUpdateSizeChart = z
  .object({
    name: z.string().trim().min(1, "name must not be empty").max(200).optional(),
    category_id: z.string().trim().min(1).max(100).optional(),
    brand,
    sizes: sizes.optional(),
  })
  .strict()
export type AdminUpdateSizeChartType = z.infer<typeof AdminUpdateSizeChart>

export const AdminGetSizeChartsParams = z
  .object({
    category_id: z.string().trim().min(1).max(100).optional(),
    brand: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1, "limit must be at least 1").max(100, "limit must be at most 100").optional().default(50),
    offset: z.coerce.number().int().min(0, "offset must be 0 or more").optional().default(0),
  })
  .strict()
export type AdminGetSizeChartsParamsType = z.infer<typeof AdminGetSizeChartsParams>
