import { z } from "@medusajs/framework/zod"

export const StoreGetProductAvailabilityParams = z
  .object({
    region_id: z.string({ error: "region_id is required (the id of the shopper's region)" }).trim().min(1, "region_id must not be empty").max(100),
  })
  .strict()
export type StoreGetProductAvailabilityParamsType = z.infer<typeof StoreGetProductAvailabilityParams>
