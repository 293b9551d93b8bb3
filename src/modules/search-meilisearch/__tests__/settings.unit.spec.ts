import { buildIndexedFieldMap } from "../fields"
import { assertIndexSupported, RANKING_RULES, toMeilisearchSettings } from "../settings"
import { productIndex } from "./fixtures"

const settingsOf = (overrides: Parameters<typeof productIndex>[0] = {}) => {
  const index = productIndex(overrides)
  return toMeilisearchSettings(index, buildIndexedFieldMap(index))
}

const assertSupported = (overrides: Parameters<typeof productIndex>[0]) => {
  const index = productIndex(overrides)
  assertIndexSupported(index, buildIndexedFieldMap(index))
}

describe("toMeilisearchSettings", () => {
  it("orders searchable attributes by weight, keeping declaration order for equal weights", () => {
    expect(settingsOf().searchableAttributes).toEqual(["handle", "title", "description", "variants.sku"])
  })

  it("makes filterable and facetable fields, the primary key and the distinct attribute filterable", () => {
    expect(settingsOf({ settings: { distinct_attribute: "handle" } }).filterableAttributes).toEqual([
      "id",
      "handle",
      "brand",
      "colours",
      "price",
      "in_stock",
      "created_at",
      "variants.sku",
      "variants.size",
    ])
  })

  it("makes sortable fields and the primary key sortable", () => {
    expect(settingsOf().sortableAttributes).toEqual(["id", "brand", "price", "created_at"])
  })

  it("puts the sort rule first, so an explicit order wins over relevance", () => {
    expect(settingsOf().rankingRules).toEqual(RANKING_RULES)
    expect(RANKING_RULES[0]).toBe("sort")
  })

  it("maps typo tolerance and distinct", () => {
    const settings = settingsOf({
      settings: {
        distinct_attribute: "handle",
        typo_tolerance: { enabled: true, min_word_size_for_one_typo: 4, min_word_size_for_two_typos: 8, disabled_on_attributes: ["handle"] },
      },
    })
    expect(settings.typoTolerance).toEqual({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
      disableOnAttributes: ["handle"],
    })
    expect(settings.distinctAttribute).toBe("handle")
    expect(settingsOf({ settings: { typo_tolerance: { enabled: false } } }).typoTolerance).toEqual({ enabled: false, disableOnAttributes: [] })
    expect(settingsOf().distinctAttribute).toBeNull()
  })

  it("sorts facet values by count, and lets provider_options override any setting", () => {
    expect(settingsOf().faceting).toEqual({ maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "count" } })
    const settings = settingsOf({
      settings: { provider_options: { "search-meilisearch": { faceting: { maxValuesPerFacet: 500 }, pagination: { maxTotalHits: 5000 } } } },
    })
    expect(settings.faceting).toEqual({ maxValuesPerFacet: 500 })
    expect(settings.pagination).toEqual({ maxTotalHits: 5000 })
  })

  it("keeps the stored source out of the searchable attributes even with nothing searchable", () => {
    expect(settingsOf({ fields: { id: { type: "keyword" } } }).searchableAttributes).toEqual(["id"])
  })
})

describe("assertIndexSupported", () => {
  it("accepts the product definition", () => {
    expect(() => assertSupported({})).not.toThrow()
  })

  it("rejects what Meilisearch cannot hold", () => {
    expect(() => assertSupported({ primary_key: "variant.id" })).toThrow(/top-level primary key/)
    expect(() => assertSupported({ fields: { _source: { type: "keyword" } } })).toThrow(/cannot declare a field with that name/)
    expect(() => assertSupported({ settings: { typo_tolerance: { min_word_size_for_one_typo: 6, min_word_size_for_two_typos: 5 } } })).toThrow(
      /cannot be lower than min_word_size_for_one_typo/
    )
    expect(() => assertSupported({ settings: { typo_tolerance: { min_word_size_for_one_typo: 2.5 } } })).toThrow(/integer between 0 and 255/)
    expect(() => assertSupported({ settings: { typo_tolerance: { disabled_on_attributes: ["brand"] } } })).toThrow(/not a searchable field/)
    expect(() => assertSupported({ settings: { distinct_attribute: "colours" } })).toThrow(/array field "colours"/)
    expect(() => assertSupported({ settings: { distinct_attribute: "nope" } })).toThrow(/not a field/)
    expect(() => buildIndexedFieldMap(productIndex({ fields: { location: { type: "geo" } } }))).toThrow(/does not support geo fields/)
  })

  it("leaves vector fields out of the index and reports them", () => {
    const map = buildIndexedFieldMap(productIndex())
    expect(map.ignored_vectors).toEqual(["embedding"])
    expect(map.fields.has("embedding")).toBe(false)
  })
})
