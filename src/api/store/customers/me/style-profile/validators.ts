import { z } from "@medusajs/framework/zod"
import { QUIZ_LOOKS } from "../../../../../modules/recommendation/constants"
import { normalizePatch, StyleProfilePatch, StyleProfileValidationError } from "../../../../../modules/recommendation/profile"

/** The looks picked in the style quiz: product ids, each checked against the catalog by the route. */
const likedProductIds = z
  .array(
    z.string({ error: "liked_product_ids must be a list of product ids" }).trim().min(1, "liked_product_ids entries must not be empty").max(100),
    {
      error: "liked_product_ids must be a list of product ids",
    }
  )
  .max(QUIZ_LOOKS.max, `liked_product_ids may name at most ${QUIZ_LOOKS.max} products`)
  .optional()

/**
 * POST /store/customers/me/style-profile and POST /store/style-profile: a patch of the profile
 * (fields left out stay; `sizes`, `budget` and `measurements` change key by key, null removes a
 * key; lists are replaced). The values are checked by the module's own rules (profile.ts), so the
 * route and the module refuse the same things, each with a message naming the field
 * ("sizes.tops must be one of XS, S, M, L, XL, XXL; got \"Q\"").
 * `liked_product_ids` (the style quiz's looks) is not a profile field: it becomes the shopper's quiz
 * likes, and fills the lists they left empty (style-profile.ts saveStyleProfile).
 */
export const StoreUpsertStyleProfile = z
  .object({
    sizes: z.unknown().optional(),
    budget: z.unknown().optional(),
    colours_liked: z.unknown().optional(),
    colours_avoided: z.unknown().optional(),
    styles: z.unknown().optional(),
    brands: z.unknown().optional(),
    occasions: z.unknown().optional(),
    fit: z.unknown().optional(),
    measurements: z.unknown().optional(),
    liked_product_ids: likedProductIds,
  })
  .strict()
  .superRefine(({ liked_product_ids: _looks, ...body }, ctx) => {
    try {
      normalizePatch(body)
    } catch (error) {
      if (!(error instanceof StyleProfileValidationError)) throw error
      for (const issue of error.issues) ctx.addIssue({ code: "custom", path: issue.field.split("."), message: issue.message })
    }
  })
  .transform(({ liked_product_ids, ...body }): StyleProfileSave => ({
    patch: normalizePatch(body),
    ...(liked_product_ids ? { liked_product_ids: [...new Set(liked_product_ids)] } : {}),
  }))
/** A validated save: the profile patch, and the quiz's looks when the body names them. */
export type StyleProfileSave = { patch: StyleProfilePatch; liked_product_ids?: string[] }
export type StoreUpsertStyleProfileType = z.infer<typeof StoreUpsertStyleProfile>

/** POST /store/customers/me/style-profile/merge: no body; the guest profile is the one of the request's guest cookie. */
export const StoreMergeStyleProfile = z.object({}).strict()
