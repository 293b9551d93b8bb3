import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/*
 * `fields` may only pick from a route's own list: anything else (a relation such as
 * `product_variant.product.*`, which would reach draft products, the owner's customer record, a
 * wildcard) is a 400 naming it. Medusa's own `allowed` option drops such fields silently instead,
 * which leaves a shopper wondering why a field they asked for is missing.
 */

/** `*photos` and `photos.*` name the relation `photos`; `+x` and `-x` name `x`. */
const fieldName = (field: string) => field.replace(/^[+-]/, "").replace(/^\*/, "").replace(/\.\*$/, "")

/** The requested fields outside `allowed`, as the shopper wrote them. */
export function fieldsNotAllowed(fields: unknown, allowed: readonly string[]): string[] {
  if (fields === undefined || fields === null || fields === "") return []
  const list = (Array.isArray(fields) ? fields : [fields]).flatMap((f) => String(f).split(","))
  const allowedSet = new Set(allowed)
  return list
    .map((f) => f.trim())
    .filter((f) => f !== "")
    .filter((f) => !allowedSet.has(fieldName(f)))
}

/** Answers 400 when `fields` asks for anything outside the route's allowed list. */
export function allowOnlyFields(allowed: readonly string[]) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const rejected = fieldsNotAllowed(req.query.fields, allowed)
    if (!rejected.length) return next()
    next(
      new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `fields: ${rejected.map((f) => `"${f}"`).join(", ")} ${rejected.length === 1 ? "is" : "are"} not allowed here; allowed fields are ${allowed.join(", ")}`
      )
    )
  }
}

/**
 * Every path of a response shape and each relation on the way (`tags`, `tags.product`), so that
 * `fields=*tags` or `fields=tags.product.title` may name any of them.
 */
export function withRelationPaths(fields: readonly string[]): string[] {
  const paths = new Set<string>()
  for (const field of fields) {
    const parts = field.split(".")
    for (let i = 1; i <= parts.length; i++) paths.add(parts.slice(0, i).join("."))
  }
  return [...paths]
}

/**
 * A shaped response record cut down to the requested fields (req.queryConfig.fields: `caption`,
 * `tags.product.title`, `photos.*`), for routes whose responses are built rather than read
 * straight from query.graph. A relation named whole keeps all of it; a null relation stays null.
 * Typed as the full shape, as Medusa's HttpTypes are: with the default fields it is the full shape.
 */
export function pickFields<T extends object>(record: T, fields: readonly string[]): T {
  const wanted = fields.map((f) => f.replace(/\.\*$/, "").replace(/^\*/, ""))
  return pickPaths(record, wanted) as T
}

function pickPaths(value: unknown, paths: string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => pickPaths(v, paths))
  if (!value || typeof value !== "object" || value instanceof Date) return value
  const out: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) {
    if (paths.includes(key)) {
      out[key] = child
      continue
    }
    const nested = paths.filter((p) => p.startsWith(`${key}.`)).map((p) => p.slice(key.length + 1))
    if (nested.length) out[key] = pickPaths(child, nested)
  }
  return out
}

/** Whether a response cut to `fields` shows this part (`tags.product`): the part, a field inside it, or a relation around it. */
export const asksFor = (fields: readonly string[], path: string): boolean =>
  fields.some((f) => {
    const name = f.replace(/\.\*$/, "").replace(/^\*/, "")
    return name === path || name.startsWith(`${path}.`) || path.startsWith(`${name}.`)
  })
