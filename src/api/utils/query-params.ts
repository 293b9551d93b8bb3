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
        : (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean)
    )
