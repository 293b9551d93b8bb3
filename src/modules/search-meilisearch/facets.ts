import { SearchTypes } from "@medusajs/framework/types"
import { searchValueToNumber } from "@medusajs/framework/utils"
import { failNotAllowed, IndexedField, IndexedFieldMap, isFacetable, requireField } from "./fields"
import { quoteFilterValue } from "./filters"

/** PostgreSQL's default, so both providers return the same number of values when no limit is given. */
export const DEFAULT_FACET_LIMIT = 10

export type ValueFacetRequest = {
  type: "value"
  field: IndexedField
  limit: number
  sort: "count" | "alpha"
  query?: string
}

export type RangeFacetRequest = {
  type: "range"
  field: IndexedField
  ranges: { key: string; from?: number | string; to?: number | string }[]
}

export type StatsFacetRequest = { type: "stats"; field: IndexedField }

export type FacetRequest = ValueFacetRequest | RangeFacetRequest | StatsFacetRequest

type FacetResultOf<Type extends SearchTypes.SearchFacetResult["type"]> = Extract<SearchTypes.SearchFacetResult, { type: Type }>

/** Validates the requested facets against the definition and fills in their defaults. */
export function normalizeFacetRequests(requests: (string | SearchTypes.SearchFacetRequest)[] | undefined, map: IndexedFieldMap): FacetRequest[] {
  return (requests ?? []).map((raw) => {
    const request: SearchTypes.SearchFacetRequest = typeof raw === "string" ? { field: raw, type: "value" } : raw
    const field = requireField(map, request.field, "search_options.facets")
    if (!isFacetable(field.definition)) {
      failNotAllowed(`Field "${field.path}" is not facetable on the Meilisearch search provider`)
    }
    if (request.type === "range" || request.type === "stats") {
      if (field.kind !== "number" || field.is_array) {
        failNotAllowed(`${request.type === "range" ? "Range" : "Stats"} facets need a numeric or date field ("${field.path}")`)
      }
      if (request.type === "stats") {
        return { type: "stats", field }
      }
      return {
        type: "range",
        field,
        ranges: request.ranges.map((range) => ({
          key: range.key ?? `${range.from ?? "*"}-${range.to ?? "*"}`,
          from: range.from,
          to: range.to,
        })),
      }
    }
    return {
      type: "value",
      field,
      limit: request.limit ?? DEFAULT_FACET_LIMIT,
      sort: request.sort ?? "count",
      query: request.query,
    }
  })
}

/** The attributes to put in Meilisearch's `facets` parameter: value facets, and stats facets for `facetStats`. */
export function facetAttributes(requests: FacetRequest[]): string[] {
  return [...new Set(requests.filter((request) => request.type !== "range").map((request) => request.field.path))]
}

function rangeBound(field: IndexedField, bound: number | string, name: string): string {
  const value = searchValueToNumber(bound, field.is_date)
  if (value === undefined || !Number.isFinite(value)) {
    failNotAllowed(`Range facet on "${field.path}" has a "${name}" that is not a number: ${JSON.stringify(bound)}`)
  }
  return quoteFilterValue(String(value))
}

/**
 * The filter selecting one range: `from` inclusive, `to` exclusive. Meilisearch
 * has no range facets, so each range is counted by its own query.
 */
export function rangeFilter(field: IndexedField, range: RangeFacetRequest["ranges"][number]): string {
  const parts: string[] = []
  if (range.from !== undefined) {
    parts.push(`${field.path} >= ${rangeBound(field, range.from, "from")}`)
  }
  if (range.to !== undefined) {
    parts.push(`${field.path} < ${rangeBound(field, range.to, "to")}`)
  }
  return parts.length ? parts.join(" AND ") : `${field.path} EXISTS`
}

/**
 * Shapes Meilisearch's `facetDistribution` for one field. The index returns
 * values by count, up to `maxValuesPerFacet`; when the distribution is cut
 * at that cap, an alphabetical order, a value prefix or a larger limit would
 * be computed over an incomplete list, so it fails instead.
 */
export function shapeValueFacet(
  request: ValueFacetRequest,
  distribution: Record<string, number> | undefined,
  maxValuesPerFacet: number
): FacetResultOf<"value"> {
  const entries = Object.entries(distribution ?? {})
  const truncated = entries.length >= maxValuesPerFacet
  if (truncated && (request.sort === "alpha" || request.query !== undefined || request.limit > entries.length)) {
    failNotAllowed(
      `Facet "${request.field.path}" has more than ${maxValuesPerFacet} values, so Meilisearch cannot return it ${
        request.sort === "alpha" ? "alphabetically" : request.query !== undefined ? "filtered by a value prefix" : `with limit ${request.limit}`
      }; raise faceting.maxValuesPerFacet in the index's settings.provider_options["search-meilisearch"]`
    )
  }

  const values = entries
    .filter(([value]) => request.query === undefined || value.startsWith(request.query))
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => (request.sort === "alpha" ? compareValues(a.value, b.value) : b.count - a.count || compareValues(a.value, b.value)))
    .slice(0, request.limit)
  return { type: "value", values }
}

function compareValues(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function shapeRangeFacet(request: RangeFacetRequest, counts: number[]): FacetResultOf<"range"> {
  return {
    type: "range",
    ranges: request.ranges.map((range, position) => ({
      key: range.key,
      from: range.from,
      to: range.to,
      count: counts[position] ?? 0,
    })),
  }
}

/** Meilisearch reports min and max only; `count` comes from a separate count of documents holding the field. */
export function shapeStatsFacet(stats: { min: number; max: number } | undefined, count: number): FacetResultOf<"stats"> {
  return { type: "stats", min: stats?.min ?? 0, max: stats?.max ?? 0, count }
}
