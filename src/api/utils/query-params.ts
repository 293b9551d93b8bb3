import { z } from "@medusajs/framework/zod"

/**
 * A list filter given once (`?colour=Navy`), repeated (`?colour=Navy&colour=White`) or
 * comma-separated (`?colour=Navy,White`), as storefront filters are; undefined when absent.
 */
export const multiValueQueryParam = () =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) =>
      value === undefined
        ? undefined
        : (Array.isArray(value) ? value : [value])
            .flatMap((v) => v.split(","))
            .map((v) => v.trim())
            .filter(Boolean)
    )

/** A yes/no filter as links write it (`?in_stock=true`, `=1`, `=false`, `=0`); undefined when absent. */
export const booleanQueryParam = (name: string) =>
  z
    .enum(["true", "false", "1", "0"], { error: `${name} must be true or false` })
    .optional()
    .transform((value) => (value === undefined ? undefined : value === "true" || value === "1"))

/** `limit`: a whole number from 1 to `max`, `defaultLimit` when absent. */
export const limitParam = (max: number, defaultLimit: number) =>
  z.coerce
    .number({ error: "limit must be a whole number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(max, `limit must be at most ${max}`)
    .optional()
    .default(defaultLimit)

/** `days` of an analytics period: a whole number from 1 to 365, 30 when absent. */
export const analyticsDaysParam = () =>
  z.coerce
    .number({ error: "days must be a whole number from 1 to 365" })
    .int("days must be a whole number from 1 to 365")
    .min(1, "days must be at least 1")
    .max(365, "days must be at most 365")
    .optional()
    .default(30)
