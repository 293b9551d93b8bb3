import { z } from "@medusajs/framework/zod"
import { blankAsAbsent } from "../../utils/photo-suggestion-body"

/** POST /store/try-on: the multipart form's fields beside the `photo` file. */
export const StoreTryOnBody = z
  .object({
    variant_id: z.preprocess(
      blankAsAbsent,
      z
        .string({ error: "variant_id is required" })
        .trim()
        .min(1, "variant_id must not be empty")
        .max(100, "variant_id must be at most 100 characters")
    ),
    // The region the variant must be sold in (its price is calculated there).
    region_id: z.preprocess(
      blankAsAbsent,
      z.string({ error: "region_id is required" }).trim().min(1, "region_id must not be empty").max(100, "region_id must be at most 100 characters")
    ),
    // Another size of the same product and colour, to see how it sits.
    size: z.preprocess(blankAsAbsent, z.string().trim().min(1).max(40, "size must be at most 40 characters").optional()),
  })
  .strict()
export type StoreTryOnBodyType = z.infer<typeof StoreTryOnBody>
