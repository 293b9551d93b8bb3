import { MedusaError } from "@medusajs/framework/utils"
import { getHttpResponseFromError } from "@medusajs/framework/http"
import {
  clientErrorFor,
  findInvalidBodyText,
  findInvalidPathText,
  findInvalidQueryText,
  findInvalidRequestText,
  lockConflictFor,
} from "../edge-validation"

describe("edge validation of request text", () => {
  describe("query strings", () => {
    it("accepts ordinary, encoded and multi-line values", () => {
      expect(findInvalidQueryText("")).toBeNull()
      expect(findInvalidQueryText("q=linen+shirt&limit=20&fields=*variants,%2Bprice")).toBeNull()
      expect(findInvalidQueryText("q=caf%C3%A9&colour=Navy&colour=White&in_stock")).toBeNull()
      expect(findInvalidQueryText("q=100%25&note=line%0Aline%09tab&&")).toBeNull()
      expect(findInvalidQueryText("tags[0][name]=%F0%9F%91%97")).toBeNull()
    })

    it("refuses NUL and other control characters, naming the parameter", () => {
      expect(findInvalidQueryText("q=%00")).toBe('query parameter "q" contains a NUL byte (U+0000)')
      expect(findInvalidQueryText("limit=10&q=a%1Bb")).toBe('query parameter "q" contains a control character (U+001B)')
      expect(findInvalidQueryText("a%00b=1")).toBe('a query parameter name ("a%00b") contains a NUL byte (U+0000)')
      expect(findInvalidQueryText("na%0Ame=1")).toMatch(/query parameter name .* control character \(U\+000A\)/)
    })

    it("refuses malformed and non-UTF-8 percent-encoding", () => {
      expect(findInvalidQueryText("q=%ff")).toBe('query parameter "q" is not valid UTF-8 percent-encoding')
      expect(findInvalidQueryText("q=%c3%28")).toBe('query parameter "q" is not valid UTF-8 percent-encoding')
      expect(findInvalidQueryText("q=%ED%A0%80")).toMatch(/not valid UTF-8/) // an encoded surrogate
      expect(findInvalidQueryText("q=100%")).toMatch(/not valid UTF-8/)
      expect(findInvalidQueryText("%zz=1")).toMatch(/query parameter name \("%zz"\) is not valid UTF-8/)
    })
  })

  describe("paging parameters", () => {
    it("refuses a negative or unsafe limit or offset, which Medusa's list routes hand PostgreSQL unchecked", () => {
      expect(findInvalidQueryText("limit=-1")).toBe('query parameter "limit" must be 0 or more')
      expect(findInvalidQueryText("offset=-5&limit=10")).toBe('query parameter "offset" must be 0 or more')
      expect(findInvalidQueryText("offset=99999999999999999999")).toBe('query parameter "offset" must be at most 9007199254740991')
      expect(findInvalidQueryText("limit=0&offset=0")).toBeNull()
      expect(findInvalidQueryText("limit=50&offset=1000000")).toBeNull()
      expect(findInvalidQueryText("limit=abc")).toBeNull() // the route's validation names what it expects
      expect(findInvalidQueryText("filters[limit]=-1")).toBeNull() // only the top-level paging parameters
    })
  })

  describe("paths", () => {
    it("accepts ordinary and encoded ids", () => {
      expect(findInvalidPathText("/store/products/prod_01ABC")).toBeNull()
      expect(findInvalidPathText("/store/lookbooks/%C3%A9t%C3%A9-2026/")).toBeNull()
    })

    it("refuses control characters and invalid UTF-8 in any segment, naming it", () => {
      expect(findInvalidPathText("/store/products/%00")).toBe('the URL path segment "%00" (after "products") contains a NUL byte (U+0000)')
      expect(findInvalidPathText("/store/products/%ff/x")).toBe('the URL path segment "%ff" (after "products") is not valid UTF-8 percent-encoding')
      expect(findInvalidPathText("/store/wardrobe/items/abc%09")).toMatch(/control character \(U\+0009\)/) // no tab in an id
      expect(findInvalidPathText("/%c3%28")).toMatch(/^the URL path segment "%c3%28" is not valid UTF-8/)
    })
  })

  describe("bodies", () => {
    it("accepts ordinary JSON, multi-line text and non-string values", () => {
      expect(findInvalidBodyText(undefined)).toBeNull()
      expect(findInvalidBodyText({})).toBeNull()
      expect(findInvalidBodyText({ caption: "Sunday\r\nlook\t🌿", tags: [{ product_id: "prod_1", x: 0.5 }], ok: true, n: null })).toBeNull()
      expect(findInvalidBodyText(["a", 1, { é: "ü" }])).toBeNull()
    })

    it("refuses a bad string at any depth, naming the field", () => {
      expect(findInvalidBodyText({ name: "a\u0000b" })).toBe('body field "name" contains a NUL byte (U+0000)')
      expect(findInvalidBodyText({ tags: [{ product_id: "ok" }, { product_id: "x\u0007" }] })).toBe(
        'body field "tags[1].product_id" contains a control character (U+0007)'
      )
      expect(findInvalidBodyText({ metadata: { "my key": { deep: ["\ud800"] } } })).toBe(
        'body field "metadata["my key"].deep[0]" is not valid Unicode text (it holds a lone UTF-16 surrogate)'
      )
      expect(findInvalidBodyText({ note: "caf\ufffd" })).toBe(
        'body field "note" is not valid UTF-8 (it holds U+FFFD, which is what invalid bytes decode to)'
      )
      expect(findInvalidBodyText("text\u0000")).toBe("the body contains a NUL byte (U+0000)")
      expect(findInvalidBodyText({ price: Infinity })).toBe('body field "price" is a number out of range')
      expect(findInvalidBodyText({ caption: "x\u0001" }, "form field")).toBe('form field "caption" contains a control character (U+0001)')
    })

    it("refuses control characters in keys, even whitespace ones", () => {
      expect(findInvalidBodyText({ "a\u0000": 1 })).toBe("a body field name contains a NUL byte (U+0000)")
      expect(findInvalidBodyText({ metadata: { "line\nbreak": 1 } })).toBe('a body field name in "metadata" contains a control character (U+000A)')
    })

    it("reports the first problem in document order", () => {
      expect(findInvalidBodyText({ a: ["ok", "b\u0000"], b: "c\u0000" })).toBe('body field "a[1]" contains a NUL byte (U+0000)')
    })

    it("walks nesting of any depth without recursion", () => {
      let deep: unknown = "bottom\u0000"
      for (let i = 0; i < 100_000; i++) deep = [deep]
      expect(findInvalidBodyText(deep)).toMatch(/contains a NUL byte/)
    })
  })

  describe("exceptions caused by the client", () => {
    const url = "/admin/orders"
    it("answers a request with invalid text with the text's problem, whatever failed on it first", () => {
      const decodeError = Object.assign(new URIError("Failed to decode param '/products/%ff'"), { status: 400 })
      const error = clientErrorFor(decodeError, { url: "/admin/products/%ff" })
      expect(error).toBeInstanceOf(MedusaError)
      expect(error).toMatchObject({
        type: "invalid_data",
        message: 'Invalid request: the URL path segment "%ff" (after "products") is not valid UTF-8 percent-encoding',
      })
      expect(clientErrorFor(new Error("boom"), { url, body: { note: "\u0000" } })?.message).toMatch(/body field "note"/)
    })

    it("answers PostgreSQL data exceptions and unknown order fields as invalid data without naming internals", () => {
      const enumError = Object.assign(new Error('select … - invalid input value for enum order_status_enum: "nope"'), { code: "22P02" })
      expect(clientErrorFor(enumError, { url })).toMatchObject({
        type: "invalid_data",
        message: "Invalid request: a value in the request is out of range or not of the kind its field takes",
      })
      expect(clientErrorFor(Object.assign(new Error("x"), { code: "22008" }), { url })?.type).toBe("invalid_data")
      expect(clientErrorFor(new Error("Trying to order by not existing property Order.no_such_column"), { url })?.message).toBe(
        'Invalid request: query parameter "order" names a field that cannot be ordered by ("no_such_column")'
      )
    })

    it("leaves every other error to Medusa", () => {
      expect(clientErrorFor(new Error("connection terminated"), { url })).toBeNull()
      expect(clientErrorFor(Object.assign(new Error("deadlock"), { code: "40P01" }), { url })).toBeNull()
      expect(clientErrorFor(Object.assign(new Error("unique"), { code: "23505" }), { url })).toBeNull()
      expect(clientErrorFor(undefined, { url })).toBeNull()
    })
  })

  describe("locks held by another request", () => {
    it("answers the in-memory and PostgreSQL providers' lock timeouts as the 409 the Redis provider gives", () => {
      for (const message of ['Failed to acquire lock for key "cart_01ABC"', "Timed-out acquiring lock.", '"iitem_01ABC" is already locked.']) {
        const conflict = lockConflictFor(new Error(message))
        expect(conflict).toBeInstanceOf(MedusaError)
        expect(conflict).toMatchObject({ type: MedusaError.Types.CONFLICT, message })
        expect(getHttpResponseFromError(conflict).statusCode).toBe(409)
      }
      // What Medusa's workflow engine hands the route may be a serialised copy of the step's error.
      expect(lockConflictFor({ name: "Error", message: 'Failed to acquire lock for key "cart_01ABC"' })?.type).toBe("conflict")
    })

    it("leaves every other error alone", () => {
      expect(lockConflictFor(new Error("Some variant does not have the required inventory"))).toBeNull()
      expect(lockConflictFor(new Error('Failed to acquire lock for key "x" because the database is down'))).toBeNull()
      expect(lockConflictFor(new Error("boom"))).toBeNull()
      expect(lockConflictFor(undefined)).toBeNull()
      expect(lockConflictFor("Timed-out acquiring lock.")).toBeNull()
    })
  })

  it("checks a whole request: path, then query, then body", () => {
    expect(findInvalidRequestText({ url: "/store/products?q=shirt", body: { a: 1 } })).toBeNull()
    expect(findInvalidRequestText({ url: "/store/products/%00?q=%00" })).toMatch(/^the URL path segment/)
    expect(findInvalidRequestText({ url: "/store/products?q=%00", body: { a: "\u0000" } })).toMatch(/^query parameter "q"/)
    expect(findInvalidRequestText({ url: "/store/carts", body: { email: "a\u0000@x.io" } })).toMatch(/^body field "email"/)
  })
})
