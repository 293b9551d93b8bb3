import { SearchTypes } from "@medusajs/framework/types"
import { searchValueToBoolean, searchValueToNumber } from "@medusajs/framework/utils"
import { failNotAllowed, IndexedField, IndexedFieldMap, requireField } from "./fields"

type FilterValue = SearchTypes.SearchFilterValue
type OperatorMap = SearchTypes.SearchOperatorMap<FilterValue>

/** Field paths Meilisearch accepts unquoted in a filter expression. */
const ATTRIBUTE_PATTERN = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/

/**
 * Quotes a value for a Meilisearch filter expression. Every value is quoted:
 * Meilisearch still compares a quoted number numerically, and quoting keeps
 * spaces, operators and keywords (`AND`, `TO`, `EXISTS`) inside a value from
 * being parsed as syntax. Backslashes are doubled first (Meilisearch ≥ 1.4
 * unescapes them), then quotes escaped.
 */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`
}

function attribute(field: IndexedField): string {
  if (!ATTRIBUTE_PATTERN.test(field.path)) {
    failNotAllowed(`The Meilisearch search provider cannot filter on "${field.path}": field paths may only hold letters, digits, "_", "-" and "."`)
  }
  return field.path
}

/** Converts a filter value to the representation the document holds for this field. */
function formatValue(field: IndexedField, value: Exclude<FilterValue, null>): string {
  switch (field.kind) {
    case "number": {
      const number = searchValueToNumber(value, field.is_date)
      if (number === undefined || !Number.isFinite(number)) {
        failNotAllowed(`Cannot use ${JSON.stringify(value)} as a number in a filter on "${field.path}"`)
      }
      return quoteFilterValue(String(number))
    }
    case "boolean":
      return quoteFilterValue(String(searchValueToBoolean(value)))
    case "untyped":
      return quoteFilterValue(value instanceof Date ? String(value.getTime()) : String(value))
    default:
      return quoteFilterValue(value instanceof Date ? value.toISOString() : String(value))
  }
}

/**
 * Compiles Medusa's filter tree into a Meilisearch filter expression.
 *
 * Documents are written without null or empty values (see `toMeilisearchDocument`),
 * so "is null" and "is absent" are the same `NOT EXISTS` test, as on the
 * PostgreSQL provider. An array field equals a value when one of its elements
 * does, which is Meilisearch's own array semantics.
 */
export class MeilisearchFilterCompiler {
  constructor(protected readonly map: IndexedFieldMap) {}

  /** Always true / always false: every document holds its primary key. */
  protected get alwaysTrue(): string {
    return `${this.map.primary_key} EXISTS`
  }

  protected get alwaysFalse(): string {
    return `${this.map.primary_key} NOT EXISTS`
  }

  compile(filters: SearchTypes.SearchFilters | undefined): string | undefined {
    if (!filters) {
      return undefined
    }
    return this.compileBranch(filters) || undefined
  }

  protected compileBranch(branch: SearchTypes.SearchFilters): string {
    const parts: string[] = []
    for (const [key, value] of Object.entries(branch)) {
      if (key === "q" || value === undefined) {
        continue
      }
      if (key === "$and" || key === "$or") {
        if (!Array.isArray(value)) {
          failNotAllowed(`"${key}" takes an array of filters`)
        }
        const nested = (value as SearchTypes.SearchFilters[]).map((entry) => this.compileBranch(entry)).filter(Boolean)
        if (nested.length) {
          parts.push(nested.length === 1 ? nested[0] : `(${nested.join(key === "$and" ? " AND " : " OR ")})`)
        }
        continue
      }
      if (key === "$not") {
        const nested = this.compileBranch(value as SearchTypes.SearchFilters)
        if (nested) {
          parts.push(`NOT (${nested})`)
        }
        continue
      }
      if (key.startsWith("$")) {
        failNotAllowed(`The Meilisearch search provider does not support the logical operator "${key}"`)
      }
      parts.push(this.fieldPredicate(key, value as FilterValue | FilterValue[] | OperatorMap))
    }
    return parts.length > 1 ? parts.join(" AND ") : (parts[0] ?? "")
  }

  protected fieldPredicate(path: string, raw: FilterValue | FilterValue[] | OperatorMap): string {
    const field = requireField(this.map, path, "filters")

    // Shorthand: a value or a list of values means "equals one of".
    if (raw === null || typeof raw !== "object" || raw instanceof Date || Array.isArray(raw)) {
      return this.anyOf(field, Array.isArray(raw) ? raw : [raw])
    }

    const operators = Object.entries(raw).filter(([operator, value]) => operator.startsWith("$") && value !== undefined)
    if (!operators.length) {
      failNotAllowed(`Empty operator map on filter field "${path}"`)
    }

    const parts = operators.map(([operator, value]) => this.operatorPredicate(field, operator, value))
    return parts.length === 1 ? parts[0] : `(${parts.join(" AND ")})`
  }

  protected operatorPredicate(field: IndexedField, operator: string, value: unknown): string {
    const list = (input: unknown): FilterValue[] => (Array.isArray(input) ? input : [input as FilterValue])
    switch (operator) {
      case "$eq":
        return this.equals(field, value as FilterValue)
      case "$ne":
        // Documents without the field satisfy "not equal", as with SQL's `NOT (... @> ...)`.
        return value === null ? `${attribute(field)} EXISTS` : `NOT ${this.equals(field, value as FilterValue)}`
      case "$in":
        return this.anyOf(field, list(value))
      case "$nin":
        return this.negate(this.anyOf(field, list(value)))
      case "$gt":
        return this.comparison(field, ">", value as FilterValue)
      case "$gte":
        return this.comparison(field, ">=", value as FilterValue)
      case "$lt":
        return this.comparison(field, "<", value as FilterValue)
      case "$lte":
        return this.comparison(field, "<=", value as FilterValue)
      case "$exists":
        return `${attribute(field)} ${value ? "EXISTS" : "NOT EXISTS"}`
      case "$contains":
        return this.containsAll(field, list(value))
      case "$overlaps":
        this.assertArrayField(field, operator)
        return this.anyOf(field, list(value))
      case "$prefix":
      case "$like":
        // Meilisearch has no substring filter, and its `STARTS WITH` is an experimental feature a server may not enable.
        return failNotAllowed(
          `The Meilisearch search provider does not support the "${operator}" filter operator (on "${field.path}"); use a free-text query instead`
        )
      default:
        return failNotAllowed(`The Meilisearch search provider does not support the filter operator "${operator}" (on "${field.path}")`)
    }
  }

  protected equals(field: IndexedField, value: FilterValue): string {
    if (value === null) {
      return `${attribute(field)} NOT EXISTS`
    }
    return `${attribute(field)} = ${formatValue(field, value)}`
  }

  /** The field equals (on arrays: contains) one of the values. An empty list matches nothing. */
  protected anyOf(field: IndexedField, values: FilterValue[]): string {
    const present = values.filter((value): value is Exclude<FilterValue, null> => value !== null)
    const parts: string[] = []
    if (present.length === 1) {
      parts.push(this.equals(field, present[0]))
    } else if (present.length > 1) {
      parts.push(`${attribute(field)} IN [${present.map((value) => formatValue(field, value)).join(", ")}]`)
    }
    if (present.length < values.length) {
      parts.push(this.equals(field, null))
    }
    if (!parts.length) {
      return this.alwaysFalse
    }
    return parts.length === 1 ? parts[0] : `(${parts.join(" OR ")})`
  }

  protected containsAll(field: IndexedField, values: FilterValue[]): string {
    this.assertArrayField(field, "$contains")
    if (values.some((value) => value === null)) {
      failNotAllowed(`"$contains" on "${field.path}" cannot hold null`)
    }
    if (!values.length) {
      return this.alwaysTrue
    }
    const parts = values.map((value) => this.equals(field, value))
    return parts.length === 1 ? parts[0] : `(${parts.join(" AND ")})`
  }

  protected comparison(field: IndexedField, operator: string, value: FilterValue): string {
    if (field.is_array) {
      failNotAllowed(`Operator "${operator}" is not supported on array field "${field.path}"`)
    }
    // Meilisearch orders only numbers (dates are stored as numbers); a string range would be silently different.
    const numeric = field.kind === "number" || (field.kind === "untyped" && (typeof value === "number" || value instanceof Date))
    if (!numeric) {
      failNotAllowed(`The Meilisearch search provider can only compare numeric and date fields, not "${field.path}" (${field.definition.type})`)
    }
    if (value === null) {
      failNotAllowed(`Cannot compare "${field.path}" with null`)
    }
    return `${attribute(field)} ${operator} ${formatValue(field, value)}`
  }

  protected negate(expression: string): string {
    if (expression === this.alwaysFalse) {
      return this.alwaysTrue
    }
    return `NOT ${expression.startsWith("(") ? expression : `(${expression})`}`
  }

  protected assertArrayField(field: IndexedField, operator: string): void {
    if (!field.is_array && field.kind !== "untyped") {
      failNotAllowed(`Operator ${operator} on "${field.path}" needs an array field`)
    }
  }
}

export function compileFilters(filters: SearchTypes.SearchFilters | undefined, map: IndexedFieldMap): string | undefined {
  return new MeilisearchFilterCompiler(map).compile(filters)
}
