import { z } from "@medusajs/framework/zod"
import { normalizePatch, StyleProfilePatch, StyleProfileValidationError } from "../../../../../modules/recommendation/profile"

/**
 * POST /store/customers/me/style-profile and POST /store/style-profile: a patch of the profile
 * (fields left out stay; `sizes`, `budget` and `measurements` change key by key, null removes a
 * key; lists are replaced). The values are checked by the module's own rules (profile.ts), so the
 * route and the module refuse the same things, each with a message naming the field
 * ("sizes.tops must be one of XS, S, M, L, XL, XXL; got \"Q\"").
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
  })
  .strict()
  .superRefine((body, ctx) => {
    try {
      normalizePatch(body)
    } catch (error) {
      if (!(error instanceof StyleProfileValidationError)) throw error
      for (const issue of error.issues) ctx.addIssue({ code: "custom", path: issue.field.split("."), message: issue.message })
    }
  })
  .transform((body): StyleProfilePatch => normalizePatch(body))
export type StoreUpsertStyleProfileType = z.infer<typeof StoreUpsertStyleProfile>

/** POST /store/customers/me/style-profile/merge: no body; the guest profile is the one of the request's guest cookie. */
export const StoreMergeStyleProfile = z.object({}).strict()
