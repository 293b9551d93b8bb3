import { z } from "@medusajs/framework/zod"

/** A measurement in the query string: a number within what a human body can measure. */
const measurement = (name: string, min: number, max: number, unit = "cm") =>
  z.coerce
    .number({ error: `${name} must be a number (${unit})` })
    .min(min, `${name} must be a number from ${min} to ${max} (${unit})`)
    .max(max, `${name} must be a number from ${min} to ${max} (${unit})`)
    .optional()

export const StoreGetSizeAdviceParams = z
  .object({
    region_id: z.string({ error: "region_id is required (the id of the shopper's region)" }).trim().min(1, "region_id must not be empty").max(100),
    /** The colour whose variant to answer; the product's first colour when absent. */
    colour: z.string().trim().min(1, "colour must not be empty").max(60).optional(),
    height: measurement("height", 100, 230),
    chest: measurement("chest", 50, 200),
    waist: measurement("waist", 40, 200),
    hips: measurement("hips", 50, 200),
    inseam: measurement("inseam", 40, 120),
    foot_length: measurement("foot_length", 10, 35),
    shoe_size: measurement("shoe_size", 15, 55, "EU size"),
  })
  .strict()
export type StoreGetSizeAdviceParamsType = z.infer<typeof StoreGetSizeAdviceParams>
