import { SearchTypes } from "@medusajs/framework/types"
import { toMeilisearchDocument } from "../documents"
import { buildIndexedFieldMap } from "../fields"
import { buildSort, planSearch } from "../query"
import { productIndex } from "./fixtures"

const index = productIndex({ settings: { typo_tolerance: { enabled: true } } })
const map = buildIndexedFieldMap(index)

const input = (overrides: Partial<SearchTypes.ProviderSearchQuery> = {}): SearchTypes.ProviderSearchQuery => ({
  index,
  attributes_to_retrieve: ["id", "title", "variants.sku"],
  pagination: { skip: 0, take: 20 },
  ...overrides,
})

describe("toMeilisearchDocument", () => {
  it("stores typed leaves for the engine and the original document for hits", () => {
    const stored = toMeilisearchDocument(
      {
        id: "prod_1",
        title: "Dress",
        description: null,
        price: "89.5",
        in_stock: "false",
        created_at: "2026-01-01T00:00:00.000Z",
        colours: [],
        variants: [
          { sku: "D-S", size: "S" },
          { sku: "D-M", size: null },
        ],
        internal_note: "not declared",
      },
      map
    )
    expect(stored).toEqual({
      id: "prod_1",
      title: "Dress",
      price: 89.5,
      in_stock: false,
      created_at: Date.UTC(2026, 0, 1),
      variants: { sku: ["D-S", "D-M"], size: ["S"] },
      _source: {
        id: "prod_1",
        title: "Dress",
        price: "89.5",
        in_stock: "false",
        created_at: "2026-01-01T00:00:00.000Z",
        colours: [],
        variants: [
          { sku: "D-S", size: "S" },
          { sku: "D-M", size: null },
        ],
      },
    })
  })

  it("rejects a missing or invalid primary key at once", () => {
    expect(() => toMeilisearchDocument({ title: "x" } as any, map)).toThrow(/missing its primary key "id"/)
    expect(() => toMeilisearchDocument({ id: "prod/1" }, map)).toThrow(/document ids may only hold/)
  })
})

describe("buildSort", () => {
  it("maps field order and lets relevance break ties", () => {
    expect(buildSort({ price: "ASC", _score: "DESC" }, map, true)).toEqual(["price:asc"])
    expect(buildSort({ created_at: "DESC" }, map, false)).toEqual(["created_at:desc"])
    expect(buildSort({ _score: "DESC" }, map, true)).toBeUndefined()
  })

  it("sorts a placeholder search by primary key, as PostgreSQL does", () => {
    expect(buildSort(undefined, map, false)).toEqual(["id:asc"])
  })

  it("rejects orders Meilisearch cannot produce", () => {
    expect(() => buildSort({ _score: "DESC", price: "ASC" }, map, true)).toThrow(/after every other sort field/)
    expect(() => buildSort({ _score: "ASC" }, map, true)).toThrow(/descending/)
    expect(() => buildSort({ colours: "ASC" }, map, true)).toThrow(/array field "colours"/)
  })
})

describe("planSearch", () => {
  it("builds the main query", () => {
    const plan = planSearch(
      input({
        q: " dress ",
        filters: { brand: "Aurora" },
        pagination: { skip: 20, take: 10, order: { price: "DESC" } },
        search_options: {
          facets: [{ field: "brand", type: "value" }],
          include_score: true,
          min_score: 0.2,
          distinct: "handle",
          locales: ["en"],
          attributes_to_search_on: ["title"],
          match_strategy: "last",
          highlight: { fields: ["title"], pre_tag: "<b>", post_tag: "</b>", snippet: { length: 12 } },
          provider_options: { "search-meilisearch": { showRankingScoreDetails: true } },
        },
      }),
      "curator_product_v1"
    )
    expect(plan.queries).toHaveLength(1)
    expect(plan.queries[0]).toEqual({
      indexUid: "curator_product_v1",
      q: "dress",
      filter: 'brand = "Aurora"',
      sort: ["price:desc"],
      offset: 20,
      limit: 10,
      matchingStrategy: "all",
      attributesToSearchOn: ["title"],
      attributesToRetrieve: ["id", "_source", "title"],
      facets: ["brand"],
      distinct: "handle",
      showRankingScore: true,
      rankingScoreThreshold: 0.2,
      locales: ["en"],
      attributesToHighlight: ["title"],
      highlightPreTag: "<b>",
      highlightPostTag: "</b>",
      attributesToCrop: ["title"],
      cropLength: 12,
      showRankingScoreDetails: true,
    })
  })

  it("adds count-only queries for an exact total, each range and each stats facet", () => {
    const plan = planSearch(
      input({
        filters: { in_stock: true },
        search_options: {
          count: "exact",
          facets: [
            { field: "price", type: "range", ranges: [{ to: 50 }, { from: 50 }] },
            { field: "price", type: "stats" },
          ],
        },
      }),
      "product_v1"
    )
    const counts = plan.queries.slice(1)
    expect(counts.map((query) => query.filter)).toEqual([
      'in_stock = "true"',
      '(in_stock = "true") AND (price < "50")',
      '(in_stock = "true") AND (price >= "50")',
      '(in_stock = "true") AND (price EXISTS)',
    ])
    for (const query of counts) {
      expect(query).toMatchObject({ indexUid: "product_v1", page: 0, hitsPerPage: 1 })
    }
    expect(plan.queries[0].facets).toEqual(["price"])
  })

  it("shapes responses into a Medusa result", () => {
    const plan = planSearch(
      input({
        q: "dress",
        search_options: {
          count: "exact",
          include_score: true,
          highlight: true,
          facets: ["colours", { field: "price", type: "range", ranges: [{ key: "low", to: 100 }] }, { field: "price", type: "stats" }],
        },
      }),
      "product_v1"
    )
    const result = plan.toResult([
      {
        hits: [
          {
            id: "p1",
            _source: { id: "p1", title: "Summer Dress", variants: [{ sku: "D-S", size: "S" }], price: 89 },
            _rankingScore: 0.93,
            _formatted: { title: "Summer <mark>Dress</mark>", handle: "summer-dress", variants: { sku: ["D-S"] } },
          },
        ],
        processingTimeMs: 3,
        query: "dress",
        estimatedTotalHits: 40,
        facetDistribution: { colours: { white: 2, black: 5 } },
        facetStats: { price: { min: 20, max: 300 } },
      },
      { hits: [], processingTimeMs: 1, query: "dress", totalHits: 41 },
      { hits: [], processingTimeMs: 1, query: "dress", totalHits: 12 },
      { hits: [], processingTimeMs: 1, query: "dress", totalHits: 39 },
    ] as any)

    expect(result).toEqual({
      hits: [
        {
          id: "p1",
          score: 0.93,
          document: { id: "p1", title: "Summer Dress", variants: [{ sku: "D-S" }] },
          highlights: { title: ["Summer <mark>Dress</mark>"] },
        },
      ],
      facets: {
        colours: {
          type: "value",
          values: [
            { value: "black", count: 5 },
            { value: "white", count: 2 },
          ],
        },
        price: { type: "stats", min: 20, max: 300, count: 39 },
      },
      metadata: { skip: 0, take: 20, count: 41, query: "dress", processing_time_ms: 3 },
    })
  })

  it("reports the estimate by default and no count when asked for none", () => {
    const response = [{ hits: [], processingTimeMs: 0, query: "", estimatedTotalHits: 7 }] as any
    expect(planSearch(input(), "product_v1").toResult(response).metadata.count).toBe(7)
    expect(planSearch(input({ search_options: { count: "none" } }), "product_v1").toResult(response).metadata.count).toBeNull()
  })

  it("rejects what Meilisearch cannot answer as asked", () => {
    expect(() => planSearch(input({ search_options: { match_strategy: "any" } }), "x")).toThrow(/match_strategy "any"/)
    expect(() => planSearch(input({ q: "dress", search_options: { typo_tolerance: false } }), "x")).toThrow(/cannot turn that off for one query/)
    expect(() => planSearch(input({ search_options: { vector: { value: [1, 2, 3] } } }), "x")).toThrow(/vector search/)
    expect(() => planSearch(input({ pagination: { cursor: "abc" } }), "x")).toThrow(/cursor pagination/)
    expect(() => planSearch(input({ search_options: { min_score: 3 } }), "x")).toThrow(/between 0 and 1/)
    expect(() => planSearch(input({ q: "x", search_options: { attributes_to_search_on: ["brand"] } }), "x")).toThrow(/not searchable/)
    const unsearchable = productIndex({ fields: { id: { type: "keyword", filterable: true } } })
    expect(() => planSearch(input({ index: unsearchable, q: "dress" }), "x")).toThrow(/no searchable fields/)
  })

  it("allows switching typos off per query where the index has them off anyway", () => {
    const exact = productIndex({ settings: { typo_tolerance: { enabled: false } } })
    expect(() => planSearch(input({ index: exact, q: "dress", search_options: { typo_tolerance: false } }), "x")).not.toThrow()
  })
})
