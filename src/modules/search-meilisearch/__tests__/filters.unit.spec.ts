import { buildIndexedFieldMap, untypedFieldMap } from "../fields"
import { compileFilters, quoteFilterValue } from "../filters"
import { productIndex } from "./fixtures"

const map = buildIndexedFieldMap(productIndex())
const compile = (filters: Parameters<typeof compileFilters>[0]) => compileFilters(filters, map)

describe("quoteFilterValue", () => {
  it("doubles backslashes before escaping quotes", () => {
    expect(quoteFilterValue('Rivet \\ "Co"')).toBe('"Rivet \\\\ \\"Co\\""')
    expect(quoteFilterValue("a\\")).toBe('"a\\\\"')
  })

  it("keeps filter keywords inside the quotes", () => {
    expect(quoteFilterValue("red OR brand EXISTS")).toBe('"red OR brand EXISTS"')
  })
})

describe("compileFilters", () => {
  it("returns nothing for no filters and ignores q", () => {
    expect(compile(undefined)).toBeUndefined()
    expect(compile({ q: "dress" })).toBeUndefined()
  })

  it("compiles equality, shorthand lists and null", () => {
    expect(compile({ brand: "Aurora" })).toBe('brand = "Aurora"')
    expect(compile({ brand: ["Aurora", "Nord"] })).toBe('brand IN ["Aurora", "Nord"]')
    expect(compile({ brand: { $eq: null } })).toBe("brand NOT EXISTS")
    expect(compile({ brand: { $ne: "Nord" } })).toBe('NOT brand = "Nord"')
    expect(compile({ brand: { $ne: null } })).toBe("brand EXISTS")
  })

  it("compiles membership, with null meaning absent and an empty list matching nothing", () => {
    expect(compile({ brand: { $in: ["Aurora", null] } })).toBe('(brand = "Aurora" OR brand NOT EXISTS)')
    expect(compile({ brand: { $nin: ["Aurora", "Nord"] } })).toBe('NOT (brand IN ["Aurora", "Nord"])')
    expect(compile({ brand: { $in: [] } })).toBe("id NOT EXISTS")
    expect(compile({ brand: { $nin: [] } })).toBe("id EXISTS")
  })

  it("compiles numeric and date ranges, dates as epoch milliseconds", () => {
    expect(compile({ price: { $gte: 10, $lt: 99.5 } })).toBe('(price >= "10" AND price < "99.5")')
    expect(compile({ price: { $gt: "20" } })).toBe('price > "20"')
    expect(compile({ created_at: { $gte: "2026-01-01T00:00:00.000Z" } })).toBe(`created_at >= "${Date.UTC(2026, 0, 1)}"`)
    expect(compile({ created_at: { $lt: new Date(Date.UTC(2026, 5, 1)) } })).toBe(`created_at < "${Date.UTC(2026, 5, 1)}"`)
  })

  it("compiles booleans and existence", () => {
    expect(compile({ in_stock: true })).toBe('in_stock = "true"')
    expect(compile({ in_stock: { $eq: "false" } })).toBe('in_stock = "false"')
    expect(compile({ brand: { $exists: true }, colours: { $exists: false } })).toBe("brand EXISTS AND colours NOT EXISTS")
  })

  it("compiles array contains-all and overlaps, including nested array paths", () => {
    expect(compile({ colours: { $contains: ["black", "white"] } })).toBe('(colours = "black" AND colours = "white")')
    expect(compile({ colours: { $contains: "black" } })).toBe('colours = "black"')
    expect(compile({ colours: { $overlaps: ["red", "green"] } })).toBe('colours IN ["red", "green"]')
    expect(compile({ "variants.size": "M" })).toBe('variants.size = "M"')
  })

  it("compiles nested $and, $or and $not with explicit grouping", () => {
    expect(
      compile({
        $or: [{ brand: "Aurora" }, { $and: [{ in_stock: true }, { price: { $lt: 60 } }] }],
        $not: { colours: "red" },
      })
    ).toBe('(brand = "Aurora" OR (in_stock = "true" AND price < "60")) AND NOT (colours = "red")')
    expect(compile({ $not: { $or: [{ brand: "Nord" }, { colours: "red" }] } })).toBe('NOT ((brand = "Nord" OR colours = "red"))')
    expect(compile({ $and: [], $or: [{}] })).toBeUndefined()
  })

  it("escapes values that try to break out of the expression", () => {
    expect(compile({ brand: 'x" OR id EXISTS OR brand = "y' })).toBe('brand = "x\\" OR id EXISTS OR brand = \\"y"')
  })

  it("rejects what Meilisearch cannot express rather than approximating it", () => {
    expect(() => compile({ brand: { $like: "%ora%" } })).toThrow(/does not support the "\$like" filter operator/)
    expect(() => compile({ brand: { $prefix: "Aur" } })).toThrow(/does not support the "\$prefix" filter operator/)
    expect(() => compile({ brand: { $gt: "A" } })).toThrow(/can only compare numeric and date fields/)
    expect(() => compile({ colours: { $gt: 1 } })).toThrow(/not supported on array field "colours"/)
    expect(() => compile({ brand: { $contains: ["x"] } })).toThrow(/needs an array field/)
    expect(() => compile({ price: { $gt: "cheap" } })).toThrow(/as a number/)
    expect(() => compile({ unknown: 1 })).toThrow(/Unknown field "unknown"/)
    expect(() => compile({ brand: {} as any })).toThrow(/Empty operator map/)
    expect(() => compile({ $nor: [] } as any)).toThrow(/logical operator "\$nor"/)
  })

  it("refuses field paths it would have to quote", () => {
    const odd = buildIndexedFieldMap(productIndex({ fields: { "size label": { type: "keyword", filterable: true } } }))
    expect(() => compileFilters({ "size label": "M" }, odd)).toThrow(/cannot filter on "size label"/)
  })

  it("types values by themselves when the definition is unknown", () => {
    const untyped = untypedFieldMap("handle")
    expect(compileFilters({ store_id: "store_1" }, untyped)).toBe('store_id = "store_1"')
    expect(compileFilters({ updated_at: { $lt: new Date(5) } }, untyped)).toBe('updated_at < "5"')
    expect(compileFilters({ tags: { $contains: ["a", "b"] } }, untyped)).toBe('(tags = "a" AND tags = "b")')
    expect(compileFilters({ brand: { $in: [] } }, untyped)).toBe("handle NOT EXISTS")
    expect(() => compileFilters({ title: { $gt: "m" } }, untyped)).toThrow(/can only compare/)
  })
})
