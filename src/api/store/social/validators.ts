import { z } from "@medusajs/framework/zod"
import { createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { photoSuggestionBody } from "../../utils/photo-suggestion-body"
import { limitParam } from "../../utils/query-params"
import { shopperLocationParams } from "../../utils/shopper-params"
import { POST_VISIBILITIES, REPORT_REASONS } from "../../../modules/social/constants"

/*
 * Post bodies arrive as multipart form fields (with photos), where every value is a string and
 * tags are a JSON string, or as JSON (edits); the preprocessors accept both.
 */

const fraction = (field: "x" | "y") =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v),
    z
      .number({ error: `${field} must be a number from 0 to 1` })
      .min(0, `${field} must be from 0 to 1`)
      .max(1, `${field} must be from 0 to 1`)
      .nullish()
  )

const postTag = z
  .object({
    product_id: z.string().trim().min(1, "product_id must not be empty").max(100).optional(),
    variant_id: z.string().trim().min(1, "variant_id must not be empty").max(100).nullish(),
    x: fraction("x"),
    y: fraction("y"),
    photo_index: z
      .number({ error: "photo_index must be a whole number" })
      .int("photo_index must be a whole number")
      // Which photos exist, and how many tags a post takes, the social module checks (post-content.ts).
      .nullish(),
  })
  .strict()
  .refine((t) => t.product_id || t.variant_id, { message: "each tag needs a product_id or a variant_id" })
  .refine((t) => (t.x === undefined || t.x === null) === (t.y === undefined || t.y === null), {
    message: "a tag's position needs both x and y",
  })

/** Tags as a JSON array, or a JSON string holding one (multipart). */
const tags = z.preprocess((value, ctx) => {
  if (typeof value !== "string") return value
  if (value.trim() === "") return []
  try {
    return JSON.parse(value)
  } catch {
    ctx.addIssue({ code: "custom", message: "tags must be a JSON array of { product_id, variant_id?, x?, y?, photo_index? }" })
    return z.NEVER
  }
}, z.array(postTag).optional())

const caption = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  z.string({ error: "caption must be text" }).trim().max(2200, "caption must be at most 2200 characters").nullish()
)

const visibility = z.enum(POST_VISIBILITIES, { error: `visibility must be one of ${POST_VISIBILITIES.join(", ")}` })

export const StoreCreateSocialPost = z.object({ caption, visibility: visibility.optional().default("public"), tags }).strict()
export type StoreCreateSocialPostType = z.infer<typeof StoreCreateSocialPost>

export const StoreUpdateSocialPost = z.object({ caption, visibility: visibility.optional(), tags }).strict()
export type StoreUpdateSocialPostType = z.infer<typeof StoreUpdateSocialPost>

export const StoreCreateSocialComment = z
  .object({
    body: z.string({ error: "body is required (text)" }).trim().min(1, "body must not be empty").max(2000, "body must be at most 2000 characters"),
    parent_id: z.string().trim().min(1).max(100).nullish(),
  })
  .strict()
export type StoreCreateSocialCommentType = z.infer<typeof StoreCreateSocialComment>

export const StoreCreateSocialReport = z
  .object({
    reason: z.enum(REPORT_REASONS, { error: `reason must be one of ${REPORT_REASONS.join(", ")}` }),
    note: z.string().trim().max(1000, "note must be at most 1000 characters").nullish(),
  })
  .strict()
export type StoreCreateSocialReportType = z.infer<typeof StoreCreateSocialReport>

const limit = (max: number) => limitParam(max, 20)

const cursor = z.string().trim().max(1000, "cursor is too long").optional()

/** `fields` (response fields, see query-config.ts) and where the shopper is, for the tags' product cards. */
const postReadParams = { ...createSelectParams().shape, ...shopperLocationParams }

export const StoreGetSocialFeedParams = z
  .object({
    tab: z.enum(["for_you", "following", "popular"], { error: "tab must be one of for_you, following, popular" }).optional().default("for_you"),
    limit: limit(50),
    cursor,
    ...postReadParams,
  })
  .strict()
export type StoreGetSocialFeedParamsType = z.infer<typeof StoreGetSocialFeedParams>

export const StoreGetSocialPostListParams = z.object({ limit: limit(50), cursor, ...postReadParams }).strict()
export type StoreGetSocialPostListParamsType = z.infer<typeof StoreGetSocialPostListParams>

/** Routes that answer with one post (reads, and writes that return the post). */
export const StoreGetSocialPostParams = z.object(postReadParams).strict()
export type StoreGetSocialPostParamsType = z.infer<typeof StoreGetSocialPostParams>

export const StoreGetSocialCommentsParams = z
  .object({
    limit: limit(100),
    offset: z.coerce.number({ error: "offset must be a number" }).int().min(0, "offset must be 0 or more").optional().default(0),
    ...createSelectParams().shape,
  })
  .strict()
export type StoreGetSocialCommentsParamsType = z.infer<typeof StoreGetSocialCommentsParams>

export const StoreGetSocialProfileParams = createSelectParams().strict()

export const StoreSocialEmptyParams = z.object({}).strict()

/** POST /store/social/tag-suggestions: multipart `image` with the region the product cards are for. */
export const StoreSocialTagSuggestionsBody = photoSuggestionBody({ defaultLimit: 8, maxLimit: 20 })
export type StoreSocialTagSuggestionsBodyType = z.infer<typeof StoreSocialTagSuggestionsBody>
