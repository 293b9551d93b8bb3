import { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * The field holding the caller's document as it was written. Hits are read
 * from it so they come back exactly as written (dates as given, arrays of
 * objects with their shape), while the flattened, typed copy next to it is
 * what Meilisearch filters, sorts and facets on.
 */
export const SOURCE_FIELD = "_source"

/**
 * `untyped` is for a filter on an index whose definition this process has not
 * seen (a delete arriving before any write or search): values are then taken
 * at their own type.
 */
export type IndexedFieldKind = "text" | "keyword" | "number" | "boolean" | "untyped"

/** A leaf field of an index definition, flattened to its dotted path. */
export type IndexedField = {
  path: string
  kind: IndexedFieldKind
  is_array: boolean
  is_date: boolean
  definition: SearchTypes.SearchFieldDefinition
}

/** What the provider needs to know about an index definition. */
export type IndexedFieldMap = {
  primary_key: string
  fields: Map<string, IndexedField>
  /** Vector fields, which this provider reports and leaves out of the index. */
  ignored_vectors: string[]
  /** Set when the definition is unknown: any path is accepted and typed by its values. */
  untyped?: boolean
}

export function failNotAllowed(message: string): never {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
}

export function isSearchable(field: SearchTypes.SearchFieldDefinition): boolean {
  return field.searchable === true || typeof field.searchable === "object"
}

export function isFacetable(field: SearchTypes.SearchFieldDefinition): boolean {
  return field.facetable === true || typeof field.facetable === "object"
}

export function searchWeight(field: SearchTypes.SearchFieldDefinition): number {
  return typeof field.searchable === "object" && field.searchable.weight !== undefined ? field.searchable.weight : 1
}

function kindOf(path: string, field: SearchTypes.SearchFieldDefinition): IndexedFieldKind {
  switch (field.type) {
    case "text":
      return "text"
    case "keyword":
      return "keyword"
    case "integer":
    case "float":
    case "date":
      // Meilisearch has no date type: dates are stored, filtered and sorted as epoch milliseconds.
      return "number"
    case "boolean":
      return "boolean"
    case "geo":
      // Meilisearch only geo-indexes one top-level `_geo` field, which an arbitrary definition cannot map onto.
      return failNotAllowed(`The Meilisearch search provider does not support geo fields ("${path}")`)
    default:
      return failNotAllowed(`The Meilisearch search provider does not support fields of type "${field.type}" ("${path}")`)
  }
}

/**
 * Flattens a definition's fields into dotted leaf paths. Arrays of objects
 * collapse to per-leaf arrays, which is also how Meilisearch flattens nested
 * documents, so `variants.sku` filters the same way on both.
 */
export function buildIndexedFieldMap(definition: Pick<SearchTypes.ResolvedSearchIndexDefinition, "fields" | "primary_key">): IndexedFieldMap {
  const fields = new Map<string, IndexedField>()
  const ignored_vectors: string[] = []

  const walk = (group: Record<string, SearchTypes.SearchFieldDefinition>, prefix: string, inArray: boolean) => {
    for (const [name, field] of Object.entries(group)) {
      const path = prefix ? `${prefix}.${name}` : name
      const isArray = inArray || field.array === true
      if (field.type === "object") {
        walk(field.fields ?? {}, path, isArray)
        continue
      }
      if (field.type === "vector") {
        ignored_vectors.push(path)
        continue
      }
      fields.set(path, {
        path,
        kind: kindOf(path, field),
        is_array: isArray,
        is_date: field.type === "date",
        definition: field,
      })
    }
  }
  walk(definition.fields, "", false)

  return { primary_key: definition.primary_key, fields, ignored_vectors }
}

/** Paths the engine may return on hits: retrievable leaves (vectors never are here). */
export function retrievablePaths(map: IndexedFieldMap): string[] {
  return [...map.fields.values()].filter((field) => field.definition.retrievable !== false).map((field) => field.path)
}

/** Looks a path up, failing with a message that names the index. */
export function requireField(map: IndexedFieldMap, path: string, usage: string): IndexedField {
  if (map.untyped) {
    return { path, kind: "untyped", is_array: false, is_date: false, definition: { type: "keyword" } }
  }
  const field = map.fields.get(path)
  if (!field) {
    failNotAllowed(`Unknown field "${path}" used in ${usage} on the Meilisearch search provider`)
  }
  return field
}

/** A field map for an index known only by its primary key. */
export function untypedFieldMap(primaryKey: string): IndexedFieldMap {
  return { primary_key: primaryKey, fields: new Map(), ignored_vectors: [], untyped: true }
}
