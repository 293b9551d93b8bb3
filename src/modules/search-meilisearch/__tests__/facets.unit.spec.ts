import { buildIndexedFieldMap } from "../fields"
import {
  facetAttributes,
  normalizeFacetRequests,
  rangeFilter,
  RangeFacetRequest,
  shapeRangeFacet,
  shapeStatsFacet,
  shapeValueFacet,
  ValueFacetRequest,
} from "../facets"
import { productIndex } from "./fixtures"

const map = buildIndexedFieldMap(productIndex())

const valueRequest = (overrides: Partial<ValueFacetRequest> = {}): ValueFacetRequest => ({
  type: "value",
  field: map.fields.get("colours")!,
  limit: 10,
  sort: "count",
  ...overrides,
})

describe("normalizeFacetRequests", () => {
  it("expands shorthands and fills defaults", () => {
    const [brand, price] = normalizeFacetRequests(["brand", { field: "price", type: "range", ranges: [{ from: 10 }, { key: "cheap", to: 10 }] }], map)
    expect(brand).toMatchObject({ type: "value", limit: 10, sort: "count" })
    expect((price as RangeFacetRequest).ranges).toEqual([
      { key: "10-*", from: 10, to: undefined },
      { key: "cheap", from: undefined, to: 10 },
    ])
  })

  it("rejects fields that are not facetable and numeric facets on text", () => {
    expect(() => normalizeFacetRequests(["title"], map)).toThrow(/not facetable/)
    expect(() => normalizeFacetRequests([{ field: "brand", type: "stats" }], map)).toThrow(/Stats facets need a numeric/)
    expect(() => normalizeFacetRequests([{ field: "colours", type: "range", ranges: [] }], map)).toThrow(/Range facets need a numeric/)
    expect(() => normalizeFacetRequests(["nope"], map)).toThrow(/Unknown field "nope"/)
  })

  it("asks Meilisearch for value and stats attributes once each, never for ranges", () => {
    const requests = normalizeFacetRequests(
      ["brand", { field: "price", type: "stats" }, { field: "price", type: "range", ranges: [{ to: 5 }] }, "brand"],
      map
    )
    expect(facetAttributes(requests)).toEqual(["brand", "price"])
  })
})

describe("rangeFilter", () => {
  it("includes the lower bound and excludes the upper one", () => {
    const price = map.fields.get("price")!
    expect(rangeFilter(price, { key: "mid", from: 80, to: 150 })).toBe('price >= "80" AND price < "150"')
    expect(rangeFilter(price, { key: "all" })).toBe("price EXISTS")
  })

  it("converts date bounds to epoch milliseconds and rejects non-numbers", () => {
    const createdAt = map.fields.get("created_at")!
    expect(rangeFilter(createdAt, { key: "2026", from: "2026-01-01T00:00:00Z" })).toBe(`created_at >= "${Date.UTC(2026, 0, 1)}"`)
    expect(() => rangeFilter(map.fields.get("price")!, { key: "x", from: "cheap" })).toThrow(/not a number/)
  })
})

describe("shapeValueFacet", () => {
  const distribution = { white: 3, black: 2, blue: 2, red: 1 }

  it("orders by count, then value, and applies the limit", () => {
    expect(shapeValueFacet(valueRequest({ limit: 3 }), distribution, 100)).toEqual({
      type: "value",
      values: [
        { value: "white", count: 3 },
        { value: "black", count: 2 },
        { value: "blue", count: 2 },
      ],
    })
  })

  it("orders alphabetically and filters by prefix on request", () => {
    expect(shapeValueFacet(valueRequest({ sort: "alpha" }), distribution, 100).values).toEqual([
      { value: "black", count: 2 },
      { value: "blue", count: 2 },
      { value: "red", count: 1 },
      { value: "white", count: 3 },
    ])
    expect(shapeValueFacet(valueRequest({ query: "bl" }), distribution, 100).values.map((entry) => entry.value)).toEqual(["black", "blue"])
  })

  it("returns no values for a missing distribution", () => {
    expect(shapeValueFacet(valueRequest(), undefined, 100)).toEqual({ type: "value", values: [] })
  })

  it("fails instead of answering from a distribution cut at maxValuesPerFacet", () => {
    expect(() => shapeValueFacet(valueRequest({ sort: "alpha" }), distribution, 4)).toThrow(/more than 4 values.*alphabetically/)
    expect(() => shapeValueFacet(valueRequest({ query: "b" }), distribution, 4)).toThrow(/value prefix/)
    expect(() => shapeValueFacet(valueRequest({ limit: 10 }), distribution, 4)).toThrow(/with limit 10/)
    // The top values by count are still exact when fewer are asked for.
    expect(shapeValueFacet(valueRequest({ limit: 2 }), distribution, 4).values).toHaveLength(2)
  })
})

describe("shapeRangeFacet and shapeStatsFacet", () => {
  it("pairs each range with its count", () => {
    const [request] = normalizeFacetRequests([{ field: "price", type: "range", ranges: [{ key: "low", to: 50 }, { from: 50 }] }], map)
    expect(shapeRangeFacet(request as RangeFacetRequest, [4, 1])).toEqual({
      type: "range",
      ranges: [
        { key: "low", from: undefined, to: 50, count: 4 },
        { key: "50-*", from: 50, to: undefined, count: 1 },
      ],
    })
  })

  it("reports min and max, zero when nothing matched", () => {
    expect(shapeStatsFacet({ min: 5, max: 90 }, 7)).toEqual({ type: "stats", min: 5, max: 90, count: 7 })
    expect(shapeStatsFacet(undefined, 0)).toEqual({ type: "stats", min: 0, max: 0, count: 0 })
  })
})
