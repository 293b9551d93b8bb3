import { buildPostListSql, decodeCursor, encodeCursor } from "../feed"

describe("social feed cursors", () => {
  const cursor = { kind: "for_you" as const, scope: null, as_of: "2026-11-22T10:00:00.000Z", score: "0.123456789012", id: "spost_1" }

  it("round-trips an opaque cursor and checks it belongs to the list", () => {
    const raw = encodeCursor(cursor)
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/) // URL-safe, nothing readable to tamper with casually
    expect(decodeCursor(raw, { kind: "for_you", scope: null })).toEqual(cursor)
    expect(() => decodeCursor(raw, { kind: "popular", scope: null })).toThrow("cursor is not valid: it belongs to another feed or tab")
    const product = encodeCursor({ ...cursor, kind: "product", scope: "prod_1" })
    expect(() => decodeCursor(product, { kind: "product", scope: "prod_2" })).toThrow(/another feed/)
  })

  it("refuses cursors that are not ours or were edited", () => {
    const forged = (patch: object) =>
      Buffer.from(JSON.stringify({ v: 1, k: "for_you", x: null, a: cursor.as_of, s: "1", i: "x", ...patch })).toString("base64url")
    expect(() => decodeCursor("%%%", { kind: "for_you", scope: null })).toThrow(/cursor is not valid/)
    expect(() => decodeCursor(forged({ s: "1; DROP TABLE social_post" }), { kind: "for_you", scope: null })).toThrow(/bad position/)
    expect(() => decodeCursor(forged({ a: "yesterday" }), { kind: "for_you", scope: null })).toThrow(/bad time/)
    expect(() => decodeCursor(forged({ v: 2 }), { kind: "for_you", scope: null })).toThrow(/cursor is not valid/)
  })

  it("refuses crafted cursors of every kind before they reach SQL", () => {
    const now = new Date("2026-12-01T12:00:00.000Z")
    const expected = { kind: "for_you" as const, scope: null }
    const fields = { v: 1, k: "for_you", x: null, a: cursor.as_of, s: "1", i: "spost_1" }
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")
    const decode = (raw: string) => () => decodeCursor(raw, expected, now)
    expect(decodeCursor(encode(fields), expected, now)).toMatchObject({ as_of: cursor.as_of, score: "1", id: "spost_1" })

    // the time: out of range, not a time, not as encodeCursor writes it
    for (const a of ["+275760-09-13T00:00:00.000Z", "-271821-04-20T00:00:00.000Z", "1970-01-01T00:00:00.000Z", "2026-12-01T12:06:00.000Z"]) {
      expect(decode(encode({ ...fields, a }))).toThrow(/cursor is not valid: (bad time|its time is out of range)/)
    }
    for (const a of ["NaN", "", "2026-02-30T00:00:00.000Z", "2026-11-22", "2026-11-22T10:00:00Z", 1764000000000, null]) {
      expect(decode(encode({ ...fields, a }))).toThrow(/cursor is not valid: bad time/)
    }
    // the position: negative, NaN, exponent, huge, not a string; ids with control characters
    for (const s of ["-1", "NaN", "Infinity", "1e5", "1".repeat(21), "", 1]) {
      expect(decode(encode({ ...fields, s }))).toThrow(/cursor is not valid: bad position/)
    }
    for (const i of ["", "spost\u0000", "a b", "x".repeat(101), 7]) {
      expect(decode(encode({ ...fields, i }))).toThrow(/cursor is not valid: bad position/)
    }
    // the shape: garbage base64, JSON that is not an object, missing or extra keys, a foreign scope
    for (const raw of [
      "!!!",
      "a".repeat(1001),
      encode([fields]),
      encode("x"),
      encode(null),
      encode(1),
      Buffer.from('{"v":1').toString("base64url"),
    ]) {
      expect(decode(raw)).toThrow(/cursor is not valid/)
    }
    const { x: _x, ...withoutScope } = fields
    expect(decode(encode(withoutScope))).toThrow(/cursor is not valid/)
    expect(decode(encode({ ...fields, extra: 1 }))).toThrow(/cursor is not valid/)
    expect(decode(encode({ ...fields, x: "cus_1" }))).toThrow(/another feed/)
  })

  it("binds every value as a parameter, in the order the SQL text uses them", () => {
    const { sql, bindings } = buildPostListSql({ kind: "for_you", viewer_id: "cus_'x", scope: null, limit: 5, cursor })
    expect(sql).not.toContain("cus_'x")
    expect(sql.split("?").length - 1).toBe(bindings.length)
    expect(bindings[bindings.length - 1]).toBe(6) // limit + 1: one more row tells whether a next page exists
    expect(bindings.slice(-4, -1)).toEqual([cursor.score, cursor.score, cursor.id])
  })
})
