import { z } from "@medusajs/framework/zod"
import { CLIENT_INTERACTION_KINDS, MAX_INTERACTIONS_PER_CALL } from "../../../../modules/recommendation/constants"

const detail = z.union([z.string().max(200, "value entries must be at most 200 characters"), z.number().finite(), z.boolean(), z.null()])

const interaction = z
  .object({
    product_id: z.string({ error: "product_id is required" }).trim().min(1, "product_id must not be empty").max(100, "product_id is too long"),
    kind: z.enum(CLIENT_INTERACTION_KINDS, {
      error: `kind must be one of ${CLIENT_INTERACTION_KINDS.join(", ")} (purchases, likes, wardrobe items and feedback are recorded by the server)`,
    }),
    surface: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "surface must be a short lower-case name such as for_you or pdp")
      .optional(),
    value: z
      .record(z.string().regex(/^[a-z0-9_]{1,40}$/, "value keys must be short lower-case names"), detail)
      .refine((v) => Object.keys(v).length <= 10, "value may hold at most 10 entries")
      .optional(),
  })
  .strict()

/**
 * POST /store/recommendations/interactions: what the storefront saw happen (views, impressions,
 * clicks, add-to-cart, lookbook views and add-the-look), batched.
 */
export const StoreRecordInteractions = z
  .object({
    interactions: z
      .array(interaction, { error: "interactions must be a list" })
      .min(1, "interactions must hold at least one interaction")
      .max(MAX_INTERACTIONS_PER_CALL, `interactions may hold at most ${MAX_INTERACTIONS_PER_CALL} interactions`),
  })
  .strict()
export type StoreRecordInteractionsType = z.infer<typeof StoreRecordInteractions>
