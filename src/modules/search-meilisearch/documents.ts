import { SearchTypes } from "@medusajs/framework/types"
import { projectDocument, readDocumentPath, searchValueToBoolean, searchValueToNumber, setDocumentPath } from "@medusajs/framework/utils"
import { failNotAllowed, IndexedField, IndexedFieldMap, retrievablePaths, SOURCE_FIELD } from "./fields"

/** Meilisearch's rule for document ids; checked here so a bad id fails the write at once, not in a task later. */
const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,511}$/

export type MeilisearchDocument = Record<string, unknown>

function coerce(field: IndexedField, value: unknown): unknown {
  switch (field.kind) {
    case "number":
      return searchValueToNumber(value, field.is_date)
    case "boolean":
      return searchValueToBoolean(value)
    default:
      return value instanceof Date ? value.toISOString() : typeof value === "string" ? value : String(value)
  }
}

/**
 * Builds the document Meilisearch stores: every declared leaf coerced to its
 * type (dates as epoch milliseconds, so they filter and sort as numbers),
 * nulls and empty arrays left out (so `EXISTS` means "has a value"), the
 * primary key as a string, and the retrievable part of the original document
 * under `_source` for hits.
 */
export function toMeilisearchDocument(document: SearchTypes.SearchDocument, map: IndexedFieldMap): MeilisearchDocument {
  const primaryKey = document[map.primary_key]
  if (primaryKey === undefined || primaryKey === null || primaryKey === "") {
    failNotAllowed(`A document written to the Meilisearch search provider is missing its primary key "${map.primary_key}"`)
  }
  const id = String(primaryKey)
  if (!DOCUMENT_ID_PATTERN.test(id)) {
    failNotAllowed(`Meilisearch document ids may only hold letters, digits, "-" and "_" (at most 511 bytes); got "${id}"`)
  }

  const stored: MeilisearchDocument = {}
  for (const field of map.fields.values()) {
    const values = readDocumentPath(document, field.path.split("."))
      .map((value) => coerce(field, value))
      .filter((value) => value !== undefined)
    if (!values.length) {
      continue
    }
    setDocumentPath(stored, field.path, field.is_array ? values : values[0])
  }
  stored[map.primary_key] = id
  stored[SOURCE_FIELD] = projectDocument(document, retrievablePaths(map))
  return stored
}

/** Reads back what the caller wrote, narrowed to the requested paths. */
export function fromMeilisearchHit(hit: Record<string, unknown>, attributesToRetrieve: string[]): Record<string, unknown> {
  const source = (hit[SOURCE_FIELD] ?? {}) as Record<string, unknown>
  return projectDocument(source, attributesToRetrieve)
}

/**
 * Collects the highlighted fragments of `_formatted`, keyed by path. A field
 * without a match is left out, rather than echoed back unmarked.
 */
export function readHighlights(
  formatted: Record<string, unknown> | undefined,
  paths: string[],
  preTag: string
): Record<string, string[]> | undefined {
  if (!formatted || !paths.length) {
    return undefined
  }
  const highlights: Record<string, string[]> = {}
  for (const path of paths) {
    const fragments = readDocumentPath(formatted, path.split(".")).filter(
      (value): value is string => typeof value === "string" && value.includes(preTag)
    )
    if (fragments.length) {
      highlights[path] = fragments
    }
  }
  return highlights
}
