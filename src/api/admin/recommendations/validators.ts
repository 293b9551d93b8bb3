import { z } from "@medusajs/framework/zod"
import { analyticsDaysParam } from "../../utils/query-params"

export const AdminRecommendationStatsParams = z
  .object({
    days: analyticsDaysParam(),
  })
  .strict()
export type AdminRecommendationStatsParamsType = z.infer<typeof AdminRecommendationStatsParams>
