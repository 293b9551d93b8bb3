import { z } from "@medusajs/framework/zod"

export const AdminRecommendationStatsParams = z
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
export type AdminRecommendationStatsParamsType = z.infer<typeof AdminRecommendationStatsParams>
