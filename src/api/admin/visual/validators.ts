import { z } from "@medusajs/framework/zod"
import { analyticsDaysParam } from "../../utils/query-params"

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
    days: analyticsDaysParam(),
  })
  .strict()
export type AdminVisualAnalyticsParamsType = z.infer<typeof AdminVisualAnalyticsParams>
