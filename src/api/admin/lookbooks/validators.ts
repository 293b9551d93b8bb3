import { z } from "@medusajs/framework/zod"
import { HANDLE_PATTERN, LOOKBOOK_STATUSES } from "../../../modules/lookbook/constants"

/*
 * Look bodies arrive as multipart form fields (with the image), where every value is a string:
 * the preprocessors accept both spellings (hotspots as a JSON string or an array, numbers as text).
 */

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value)

const optionalText = (field: string, max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max, `${field} must be at most ${max} characters`).nullish())

const handle = z
  .string()
  .trim()
  .max(100, "handle must be at most 100 characters")
  .regex(HANDLE_PATTERN, "handle may hold only lower-case letters, digits and single dashes, such as autumn-layers")

const position = (field: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
    z
      .number({ error: `${field} must be a whole number` })
      .int(`${field} must be a whole number`)
      .min(0, `${field} must be 0 or more`)
      .max(100_000)
      .optional()
  )

const lookbookFields = {
  description: optionalText("description", 5000),
  season: optionalText("season", 60),
  position: position("position"),
  status: z.enum(LOOKBOOK_STATUSES, { error: `status must be one of: ${LOOKBOOK_STATUSES.join(", ")}` }).optional(),
}

export const AdminCreateLookbook = z
  .object({
    title: z.string({ error: "title is required (text)" }).trim().min(1, "title must not be empty").max(200, "title must be at most 200 characters"),
    handle: handle.optional(),
    ...lookbookFields,
  })
  .strict()
export type AdminCreateLookbookType = z.infer<typeof AdminCreateLookbook>

export const AdminUpdateLookbook = z
  .object({
    title: z.string().trim().min(1, "title must not be empty").max(200, "title must be at most 200 characters").optional(),
    handle: handle.optional(),
    ...lookbookFields,
  })
  .strict()
export type AdminUpdateLookbookType = z.infer<typeof AdminUpdateLookbook>

const coordinate = (axis: "x" | "y") =>
  z
    .number({ error: `${axis} must be a number between 0 and 1 (a fraction of the image's ${axis === "x" ? "width" : "height"})` })
    .min(0, `${axis} must be between 0 and 1`)
    .max(1, `${axis} must be between 0 and 1`)

export const Hotspot = z
  .object({
    x: coordinate("x"),
    y: coordinate("y"),
    variant_id: z.string({ error: "each hotspot needs a variant_id" }).trim().min(1, "variant_id must not be empty").max(100),
    product_id: z.string().trim().min(1).max(100).nullish(),
  })
  .strict()

const hotspotList = z.array(Hotspot).max(30, "a look holds at most 30 hotspots")

/** Hotspots as a JSON string (multipart) or an array (JSON); unparseable JSON is a clear 400. */
const hotspotsField = z.preprocess((value, ctx) => {
  if (typeof value !== "string") return value
  if (value.trim() === "") return []
  try {
    return JSON.parse(value)
  } catch {
    ctx.addIssue({ code: "custom", message: 'hotspots must be a JSON array such as [{"x":0.4,"y":0.3,"variant_id":"variant_..."}]' })
    return z.NEVER
  }
}, hotspotList.optional())

export const AdminCreateLook = z.object({ notes: optionalText("notes", 2000), position: position("position"), hotspots: hotspotsField }).strict()
export type AdminCreateLookType = z.infer<typeof AdminCreateLook>

export const AdminUpdateLook = z.object({ notes: optionalText("notes", 2000) }).strict()
export type AdminUpdateLookType = z.infer<typeof AdminUpdateLook>

export const AdminReplaceHotspots = z
  .object({ hotspots: hotspotList.refine((v) => Array.isArray(v), { message: "hotspots is required (an array, empty to remove all)" }) })
  .strict()
export type AdminReplaceHotspotsType = z.infer<typeof AdminReplaceHotspots>

export const AdminReorderLooks = z
  .object({
    look_ids: z.array(z.string().min(1), { error: "look_ids is required (the lookbook's look ids in their new order)" }).max(500),
  })
  .strict()
export type AdminReorderLooksType = z.infer<typeof AdminReorderLooks>

export const AdminGetLookbooksParams = z
  .object({
    q: z.string().trim().max(200, "q must be at most 200 characters").optional(),
    status: z.enum(LOOKBOOK_STATUSES, { error: `status must be one of: ${LOOKBOOK_STATUSES.join(", ")}` }).optional(),
    season: z.string().trim().min(1).max(60).optional(),
    limit: z.coerce.number().int().min(1, "limit must be at least 1").max(100, "limit must be at most 100").optional().default(20),
    offset: z.coerce.number().int().min(0, "offset must be 0 or more").optional().default(0),
  })
  .strict()
export type AdminGetLookbooksParamsType = z.infer<typeof AdminGetLookbooksParams>

export const AdminEmptyParams = z.object({}).strict()
