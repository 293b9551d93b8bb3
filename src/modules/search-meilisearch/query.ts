import type { MultiSearchQuery, SearchResponse } from "meilisearch" with { "resolution-mode": "import" }
import { SearchTypes } from "@medusajs/framework/types"
import { buildIndexedFieldMap, failNotAllowed, IndexedFieldMap, isSearchable, requireField, SOURCE_FIELD } from "./fields"
import { fromMeilisearchHit, readHighlights } from "./documents"
import { facetAttributes, FacetRequest, normalizeFacetRequests, rangeFilter, shapeRangeFacet, shapeStatsFacet, shapeValueFacet } from "./facets"
import { compileFilters } from "./filters"
import { DEFAULT_MAX_VALUES_PER_FACET, MEILISEARCH_PROVIDER_ID, toMeilisearchSettings } from "./settings"

const DEFAULT_TAKE = 20
const DEFAULT_PRE_TAG = "<mark>"
const DEFAULT_POST_TAG = "</mark>"

/**
 * One Medusa query as the Meilisearch queries that answer it: the main query
 * (hits, value facets, stats), then count-only queries for an exact total,
 * each range of a range facet, and the document count behind a stats facet.
 * They all travel in one multi-search request.
 */
export type PlannedSearch = {
  queries: MultiSearchQuery[]
  toResult(responses: SearchResponse[]): SearchTypes.SearchResult
}

/** A query that returns no hits, only the exhaustive `totalHits` (page 0 is Meilisearch's "count only"). */
function countQuery(base: MultiSearchQuery, filter: string | undefined): MultiSearchQuery {
  return {
    indexUid: base.indexUid,
    q: base.q,
    attributesToSearchOn: base.attributesToSearchOn,
    matchingStrategy: base.matchingStrategy,
    distinct: base.distinct,
    locales: base.locales,
    rankingScoreThreshold: base.rankingScoreThreshold,
    filter,
    page: 0,
    hitsPerPage: 1,
    attributesToRetrieve: [],
  }
}

function and(...filters: (string | undefined)[]): string | undefined {
  const present = filters.filter((filter): filter is string => !!filter)
  if (present.length <= 1) {
    return present[0]
  }
  return present.map((filter) => `(${filter})`).join(" AND ")
}

/** Refuses the options Meilisearch cannot honour as asked. */
function assertQuerySupported(input: SearchTypes.ProviderSearchQuery, q: string | undefined): void {
  const options = input.search_options ?? {}
  if (options.vector) {
    failNotAllowed("The Meilisearch search provider does not support vector search (search_options.vector)")
  }
  if (input.pagination?.cursor !== undefined) {
    failNotAllowed("The Meilisearch search provider does not support cursor pagination; use skip and take")
  }
  if (options.match_strategy === "any") {
    // Meilisearch's word-dropping strategies depend on the page size, so none of them is "at least one term".
    failNotAllowed(`The Meilisearch search provider does not support match_strategy "any"; use "all" or "last"`)
  }
  const indexTolerance = input.index.settings?.typo_tolerance?.enabled ?? true
  if (q && options.typo_tolerance === false && indexTolerance) {
    // Typo tolerance is an index setting on Meilisearch; one query cannot switch it off.
    failNotAllowed(
      `Search index "${input.index.name}" tolerates typos, and Meilisearch cannot turn that off for one query; set settings.typo_tolerance.enabled to false on the index instead`
    )
  }
  if (options.min_score !== undefined && (options.min_score < 0 || options.min_score > 1)) {
    failNotAllowed(`Meilisearch ranking scores lie between 0 and 1, so search_options.min_score must too (got ${options.min_score})`)
  }
}

/**
 * Translates `pagination.order`. The ranking rules put `sort` first, so the
 * listed fields decide and relevance breaks ties: `_score` can therefore only
 * come last, descending. A placeholder search with no order is sorted by
 * primary key, as on PostgreSQL.
 */
export function buildSort(order: SearchTypes.SearchPagination["order"], map: IndexedFieldMap, hasQuery: boolean): string[] | undefined {
  const entries = Object.entries(order ?? {})
  const sort: string[] = []
  entries.forEach(([path, direction], position) => {
    if (path === "_score") {
      if (direction !== "DESC" || position !== entries.length - 1) {
        failNotAllowed(`The Meilisearch search provider can only order by "_score" descending, after every other sort field`)
      }
      return
    }
    const field = requireField(map, path, "pagination.order")
    if (field.is_array) {
      failNotAllowed(`The Meilisearch search provider cannot sort by the array field "${path}"`)
    }
    sort.push(`${path}:${direction === "ASC" ? "asc" : "desc"}`)
  })
  if (sort.length) {
    return sort
  }
  return hasQuery ? undefined : [`${map.primary_key}:asc`]
}

export function planSearch(input: SearchTypes.ProviderSearchQuery, indexUid: string): PlannedSearch {
  const q = input.q?.trim() || undefined
  assertQuerySupported(input, q)

  const options = input.search_options ?? {}
  const map = buildIndexedFieldMap(input.index)
  const settings = toMeilisearchSettings(input.index, map)
  const searchable = [...map.fields.values()].filter((field) => isSearchable(field.definition)).map((field) => field.path)
  if (q && !searchable.length) {
    failNotAllowed(`Search index "${input.index.name}" has no searchable fields, so it cannot be queried by text`)
  }
  for (const path of options.attributes_to_search_on ?? []) {
    if (!searchable.includes(path)) {
      failNotAllowed(`Field "${path}" is not searchable on search index "${input.index.name}"`)
    }
  }

  const skip = input.pagination?.skip ?? 0
  const take = input.pagination?.take ?? DEFAULT_TAKE
  const filter = compileFilters(input.filters, map)
  const facets = normalizeFacetRequests(options.facets, map)

  const highlight = q && options.highlight ? options.highlight : undefined
  const highlightFields = highlight === undefined ? [] : highlight === true ? (options.attributes_to_search_on ?? searchable) : highlight.fields
  const preTag = (typeof highlight === "object" && highlight.pre_tag) || DEFAULT_PRE_TAG
  const postTag = (typeof highlight === "object" && highlight.post_tag) || DEFAULT_POST_TAG
  const snippet = typeof highlight === "object" ? highlight.snippet : undefined

  const main: MultiSearchQuery = {
    indexUid,
    q: q ?? "",
    filter,
    sort: buildSort(input.pagination?.order, map, !!q),
    offset: skip,
    limit: take,
    // Medusa's "last" (typeahead) is Meilisearch's behaviour under "all": every term required, the last one as a prefix.
    matchingStrategy: "all",
    attributesToSearchOn: options.attributes_to_search_on,
    // `_formatted` only carries retrieved attributes, so the highlighted ones are retrieved too.
    attributesToRetrieve: [...new Set([map.primary_key, SOURCE_FIELD, ...highlightFields])],
    facets: facets.length ? facetAttributes(facets) : undefined,
    distinct: options.distinct,
    showRankingScore: options.include_score || undefined,
    rankingScoreThreshold: options.min_score,
    locales: options.locales,
    ...(highlightFields.length ? { attributesToHighlight: highlightFields, highlightPreTag: preTag, highlightPostTag: postTag } : {}),
    ...(highlightFields.length && snippet
      ? { attributesToCrop: highlightFields, ...(typeof snippet === "object" ? { cropLength: snippet.length } : {}) }
      : {}),
    ...(options.provider_options?.[MEILISEARCH_PROVIDER_ID] ?? {}),
  }

  const queries: MultiSearchQuery[] = [main]
  const exactCountAt = options.count === "exact" ? queries.push(countQuery(main, filter)) - 1 : -1
  const extraCounts = new Map<FacetRequest, number[]>()
  for (const request of facets) {
    if (request.type === "range") {
      extraCounts.set(
        request,
        request.ranges.map((range) => queries.push(countQuery(main, and(filter, rangeFilter(request.field, range)))) - 1)
      )
    } else if (request.type === "stats") {
      extraCounts.set(request, [queries.push(countQuery(main, and(filter, `${request.field.path} EXISTS`))) - 1])
    }
  }

  const maxValuesPerFacet = settings.faceting?.maxValuesPerFacet ?? DEFAULT_MAX_VALUES_PER_FACET

  return {
    queries,
    toResult(responses) {
      const response = responses[0]
      const totalOf = (position: number) => Number(responses[position]?.totalHits ?? 0)

      let count: number | null = null
      if (options.count !== "none") {
        count = exactCountAt >= 0 ? totalOf(exactCountAt) : Number(response.estimatedTotalHits ?? 0)
      }

      let facetResults: Record<string, SearchTypes.SearchFacetResult> | undefined
      if (facets.length) {
        facetResults = {}
        for (const request of facets) {
          const path = request.field.path
          if (request.type === "value") {
            facetResults[path] = shapeValueFacet(request, response.facetDistribution?.[path], maxValuesPerFacet)
          } else if (request.type === "range") {
            facetResults[path] = shapeRangeFacet(request, extraCounts.get(request)!.map(totalOf))
          } else {
            facetResults[path] = shapeStatsFacet(response.facetStats?.[path], totalOf(extraCounts.get(request)![0]))
          }
        }
      }

      return {
        hits: response.hits.map((hit) => ({
          id: String(hit[map.primary_key]),
          score: options.include_score ? hit._rankingScore : undefined,
          document: fromMeilisearchHit(hit, input.attributes_to_retrieve),
          highlights: readHighlights(hit._formatted as Record<string, unknown> | undefined, highlightFields, preTag),
        })),
        facets: facetResults,
        metadata: {
          skip,
          take,
          count,
          query: input.q,
          processing_time_ms: response.processingTimeMs,
        },
      }
    },
  }
}
