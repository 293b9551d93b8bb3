import { z } from "@medusajs/framework/zod"

export const AdminVisualIndexParams = z.object({}).strict()

/** No product_id: every image of the catalog. */
export const AdminVisualReindex = z
  .object({
    product_id: z.string({ error: "product_id must be a product id (text)" }).trim().min(1, "product_id must not be empty").max(100).optional(),
  })
  .strict()
export type AdminVisualReindexType = z.infer<typeof AdminVisualReindex>

export const AdminVisualAnalyticsParams = z
  .object({
    days: z.coerce
      .number({ error: "days must be a whole number from 1 to 365" })
      .int("days must be a whole number from 1 to 365")
      .min(1, "days must be at least 1")
      .max(365, "days must be at most 365")
      .optional()
      .default(30),
  })
  .strict()
export type AdminVisualAnalyticsParamsType = z.infer<typeof AdminVisualAnalyticsParams>
