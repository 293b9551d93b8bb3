import { SearchTypes } from "@medusajs/framework/types"
import { failNotAllowed, IndexedFieldMap, isFacetable, isSearchable, searchWeight, SOURCE_FIELD } from "./fields"

/** The provider's identifier, also the key of its entry in `provider_options`. */
export const MEILISEARCH_PROVIDER_ID = "search-meilisearch"

/** How many values Meilisearch returns per facet unless `provider_options` says otherwise. */
export const DEFAULT_MAX_VALUES_PER_FACET = 100

/**
 * `sort` first, so an explicit `pagination.order` decides the order and
 * relevance only breaks ties; with no sort the rule is a no-op and results
 * come back by relevance. Meilisearch's default puts `sort` after the
 * relevance rules, which would make "sort by price" mostly ignore price.
 */
export const RANKING_RULES = ["sort", "words", "typo", "proximity", "attribute", "exactness"]

/** The subset of Meilisearch's index settings this provider manages (kept structural so this file needs no SDK import). */
export type MeilisearchIndexSettings = {
  searchableAttributes: string[]
  filterableAttributes: string[]
  sortableAttributes: string[]
  displayedAttributes: string[]
  rankingRules: string[]
  distinctAttribute: string | null
  typoTolerance: {
    enabled: boolean
    minWordSizeForTypos?: { oneTypo?: number; twoTypos?: number }
    disableOnAttributes: string[]
  }
  faceting: { maxValuesPerFacet: number; sortFacetValuesBy: Record<string, "count" | "alpha"> }
  [setting: string]: unknown
}

/**
 * Groups of words that mean the same (e.g. Curator's src/search/synonyms.ts) as Meilisearch's
 * `synonyms` setting: every term, and its plain plural (Meilisearch does not stem), → the other
 * terms of its group, so the relation is mutual as Meilisearch wants it stated. An index passes
 * it through `settings.provider_options["search-meilisearch"].synonyms`.
 */
export function toMeilisearchSynonyms(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const withPlural = (term: string) => (term.endsWith("s") || term.includes(" ") ? [term] : [term, `${term}s`])
  const synonyms: Record<string, string[]> = {}
  for (const group of groups) {
    for (const term of group) {
      const others = group.filter((other) => other !== term).flatMap(withPlural)
      for (const form of withPlural(term)) synonyms[form] = [...new Set([...(synonyms[form] ?? []), ...others])]
    }
  }
  return synonyms
}

const PRIMARY_KEY_PATTERN = /^[A-Za-z0-9_-]+$/

function unique(values: string[]): string[] {
  return [...new Set(values)]
}

/**
 * Refuses a definition Meilisearch cannot hold, so that `db:migrate` fails
 * rather than queries answering differently later.
 */
export function assertIndexSupported(definition: SearchTypes.ResolvedSearchIndexDefinition, map: IndexedFieldMap): void {
  if (!PRIMARY_KEY_PATTERN.test(definition.primary_key)) {
    failNotAllowed(
      `Meilisearch needs a top-level primary key made of letters, digits, "-" and "_"; search index "${definition.name}" uses "${definition.primary_key}"`
    )
  }
  if (definition.fields[SOURCE_FIELD]) {
    failNotAllowed(
      `The Meilisearch search provider stores the original document under "${SOURCE_FIELD}", so search index "${definition.name}" cannot declare a field with that name`
    )
  }

  const typo = definition.settings?.typo_tolerance
  const one = typo?.min_word_size_for_one_typo
  const two = typo?.min_word_size_for_two_typos
  for (const [name, value] of [
    ["min_word_size_for_one_typo", one],
    ["min_word_size_for_two_typos", two],
  ] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > 255)) {
      failNotAllowed(`settings.typo_tolerance.${name} must be an integer between 0 and 255 on Meilisearch, got ${value}`)
    }
  }
  if (one !== undefined && two !== undefined && two < one) {
    failNotAllowed(`settings.typo_tolerance.min_word_size_for_two_typos (${two}) cannot be lower than min_word_size_for_one_typo (${one})`)
  }
  for (const path of typo?.disabled_on_attributes ?? []) {
    const field = map.fields.get(path)
    if (!field || !isSearchable(field.definition)) {
      failNotAllowed(
        `settings.typo_tolerance.disabled_on_attributes references "${path}", which is not a searchable field of search index "${definition.name}"`
      )
    }
  }

  const distinct = definition.settings?.distinct_attribute
  if (distinct) {
    const field = map.fields.get(distinct)
    if (!field) {
      failNotAllowed(`settings.distinct_attribute references "${distinct}", which is not a field of search index "${definition.name}"`)
    }
    if (field.is_array) {
      failNotAllowed(`The Meilisearch search provider cannot deduplicate by the array field "${distinct}"`)
    }
  }
}

/**
 * Maps a definition onto Meilisearch index settings:
 *
 * - searchable fields become `searchableAttributes`, heaviest first, since
 *   Meilisearch ranks by attribute order rather than by numeric weight
 *   (equal weights keep their declaration order);
 * - filterable and facetable fields, the primary key and the distinct
 *   attribute become `filterableAttributes` (Meilisearch facets and
 *   deduplicates only on filterable attributes);
 * - sortable fields and the primary key become `sortableAttributes` (the key
 *   gives placeholder searches the same stable order as PostgreSQL's);
 * - `settings.provider_options["search-meilisearch"]` is applied last, as raw
 *   Meilisearch settings, for what the definition cannot express.
 */
export function toMeilisearchSettings(definition: SearchTypes.ResolvedSearchIndexDefinition, map: IndexedFieldMap): MeilisearchIndexSettings {
  const fields = [...map.fields.values()]
  const primaryKey = definition.primary_key
  const searchable = fields
    .filter((field) => isSearchable(field.definition))
    .map((field, position) => ({ path: field.path, weight: searchWeight(field.definition), position }))
    .sort((a, b) => b.weight - a.weight || a.position - b.position)
    .map((entry) => entry.path)

  const distinct = definition.settings?.distinct_attribute ?? null
  const typo = definition.settings?.typo_tolerance
  const minWordSizeForTypos =
    typo?.min_word_size_for_one_typo !== undefined || typo?.min_word_size_for_two_typos !== undefined
      ? {
          ...(typo?.min_word_size_for_one_typo !== undefined ? { oneTypo: typo.min_word_size_for_one_typo } : {}),
          ...(typo?.min_word_size_for_two_typos !== undefined ? { twoTypos: typo.min_word_size_for_two_typos } : {}),
        }
      : undefined

  const settings: MeilisearchIndexSettings = {
    // With nothing searchable a text query is refused before it reaches Meilisearch; the key keeps `_source` out of the default "*".
    searchableAttributes: searchable.length ? searchable : [primaryKey],
    filterableAttributes: unique([
      primaryKey,
      ...fields.filter((field) => field.definition.filterable || isFacetable(field.definition)).map((field) => field.path),
      ...(distinct ? [distinct] : []),
    ]),
    sortableAttributes: unique([primaryKey, ...fields.filter((field) => field.definition.sortable).map((field) => field.path)]),
    displayedAttributes: ["*"],
    rankingRules: RANKING_RULES,
    distinctAttribute: distinct,
    typoTolerance: {
      enabled: typo?.enabled ?? true,
      ...(minWordSizeForTypos ? { minWordSizeForTypos } : {}),
      disableOnAttributes: typo?.disabled_on_attributes ?? [],
    },
    faceting: { maxValuesPerFacet: DEFAULT_MAX_VALUES_PER_FACET, sortFacetValuesBy: { "*": "count" } },
  }

  const overrides = definition.settings?.provider_options?.[MEILISEARCH_PROVIDER_ID] ?? {}
  return { ...settings, ...overrides } as MeilisearchIndexSettings
}
