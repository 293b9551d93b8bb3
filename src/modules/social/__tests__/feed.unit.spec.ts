import { buildPostListSql, decodeCursor, encodeCursor } from "../feed"
import { displayNameOf } from "../constants"

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
    const forged = (patch: object) => Buffer.from(JSON.stringify({ v: 1, k: "for_you", x: null, a: cursor.as_of, s: "1", i: "x", ...patch })).toString("base64url")
    expect(() => decodeCursor("%%%", { kind: "for_you", scope: null })).toThrow(/cursor is not valid/)
    expect(() => decodeCursor(forged({ s: "1; DROP TABLE social_post" }), { kind: "for_you", scope: null })).toThrow(/bad position/)
    expect(() => decodeCursor(forged({ a: "yesterday" }), { kind: "for_you", scope: null })).toThrow(/bad time/)
    expect(() => decodeCursor(forged({ v: 2 }), { kind: "for_you", scope: null })).toThrow(/cursor is not valid/)
  })

  it("binds every value as a parameter, in the order the SQL text uses them", () => {
    const { sql, bindings } = buildPostListSql({ kind: "for_you", viewer_id: "cus_'x", scope: null, limit: 5, cursor })
    expect(sql).not.toContain("cus_'x")
    expect(sql.split("?").length - 1).toBe(bindings.length)
    expect(bindings[bindings.length - 1]).toBe(6) // limit + 1: one more row tells whether a next page exists
    expect(bindings.slice(-4, -1)).toEqual([cursor.score, cursor.score, cursor.id])
  })
})

describe("display names", () => {
  it("shows first name and last initial, never more", () => {
    expect(displayNameOf({ first_name: "Ines", last_name: "moreau" })).toBe("Ines M.")
    expect(displayNameOf({ first_name: " Jonas ", last_name: null })).toBe("Jonas")
    expect(displayNameOf({ first_name: null, last_name: null })).toBe("Curator member")
  })
})
