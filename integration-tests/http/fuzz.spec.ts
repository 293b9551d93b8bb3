import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import { Readable } from "node:stream"
import sharp from "sharp"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { seedCatalog } from "../../src/scripts/demo-catalog/seed-catalog"
import { seedPeople } from "../../src/scripts/demo-catalog/seed-people"
import { signInDemoAdmin, signInDemoCustomer } from "../helpers/api"
import { solidJpeg } from "../helpers/images"

// The corpus generator is plain CommonJS shared with the ML sidecar's fuzz suite.
const corpus = require("../fuzz/malformed-files.js") as {
  generateMalformedFiles(options: { sharp: typeof sharp }): Promise<MalformedFile[]>
  oversizedFiles(): BigFile[]
  buildMultipart(parts: MultipartPart[], options?: { boundary?: string }): { body: Buffer; contentType: string }
  multipartStream(file: BigFile, options: { fieldName: string }): { stream: Readable; contentType: string; length: number }
  brokenMultipartCases(options: { fieldName: string; file: Buffer }): Array<{ name: string; contentType: string; body: Buffer }>
}
type MalformedFile = { name: string; bytes: Buffer; filename: string; contentType: string; acceptable: boolean }
type BigFile = { name: string; size: number; filename: string; contentType: string; createStream(): Readable }
type MultipartPart = { name: string; filename?: string; contentType?: string; bytes?: Buffer; value?: string }

jest.setTimeout(600_000)

/** Every request must be answered within this; a request that is not is a hang. */
const REQUEST_TIMEOUT_MS = 30_000
/** Requests in flight at once: enough to keep the server busy on two cores, not a load test. */
const CONCURRENCY = 4

// Counted in the app's own upload folders (the runner's file module writes there; a test run is
// one process at a time, so only this suite's requests change them while it runs).
const UPLOAD_DIRS = [path.resolve(process.env.FILE_UPLOAD_DIR || "static"), path.resolve(process.env.FILE_PRIVATE_UPLOAD_DIR || "private")]
const SUITE_ENV: Record<string, string> = {
  // The corpus is sent from one shopper and one address; the limits have their own tests.
  RATE_LIMIT_ENABLED: "false",
}
const envBefore = Object.fromEntries(Object.keys(SUITE_ENV).map((key) => [key, process.env[key]]))
Object.assign(process.env, SUITE_ENV)
afterAll(() => {
  for (const [key, value] of Object.entries(envBefore)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})
const filesStored = () =>
  UPLOAD_DIRS.reduce(
    (sum, dir) =>
      sum + (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, String(f))).isFile()).length : 0),
    0
  )

type Who = "a" | "b" | "admin" | undefined
type Answer = { status: number; body: any; headers: http.IncomingHttpHeaders } | { status: "hang" | "no answer"; error: string }
type Sent = { label: string; method: string; url: string; answer: Answer; expectInvalidData?: string }

/** Runs tasks with at most `limit` in flight. */
async function pool<T>(tasks: Array<() => Promise<T>>, limit = CONCURRENCY): Promise<T[]> {
  const results: T[] = new Array(tasks.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const index = next++
        results[index] = await tasks[index]()
      }
    })
  )
  return results
}

/**
 * Malformed input against the running app, as an attacker or a careless client would send it:
 * control characters, invalid UTF-8 and out-of-range values in the path, query and JSON body of
 * every Curator route (found from src/api) and a sample of Medusa's, crafted feed cursors, and
 * the malformed-file corpus, broken multipart bodies and 25–70 MB bodies against every upload
 * route. No answer may be a 5xx, none may hang, nothing may be half-written, and the server
 * must serve a valid upload afterwards.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const tokens: Record<"a" | "b" | "admin", string> = { a: "", b: "", admin: "" }
    /** Ids of real records, filled into route paths. */
    const ids: Record<string, string> = {}
    let port = 0

    /** One request over a plain socket: exact bytes (or a stream), a timeout, never a throw. */
    const send = (
      method: string,
      url: string,
      who: Who,
      body?: { bytes?: Buffer; stream?: Readable; length?: number; contentType?: string }
    ): Promise<Answer> =>
      new Promise((resolve) => {
        const headers: Record<string, string | number> = {}
        if (url.startsWith("/store")) headers["x-publishable-api-key"] = store.publishableKey
        if (who) headers.authorization = `Bearer ${tokens[who]}`
        if (body?.contentType) headers["content-type"] = body.contentType
        if (body?.bytes) headers["content-length"] = body.bytes.length
        else if (body?.length !== undefined) headers["content-length"] = body.length
        let settled = false
        const finish = (answer: Answer) => {
          if (settled) return
          settled = true
          clearTimeout(timer)
          resolve(answer)
        }
        const req = http.request({ host: "127.0.0.1", port, method, path: url, headers }, (res) => {
          const chunks: Buffer[] = []
          res.on("data", (c: Buffer) => chunks.push(c))
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8")
            let parsed: unknown = text
            try {
              parsed = JSON.parse(text)
            } catch {}
            finish({ status: res.statusCode ?? 0, body: parsed, headers: res.headers })
          })
          res.on("error", (e) => finish({ status: "no answer", error: e.message }))
        })
        const timer = setTimeout(() => {
          finish({ status: "hang", error: `no answer within ${REQUEST_TIMEOUT_MS} ms` })
          req.destroy()
        }, REQUEST_TIMEOUT_MS)
        // A server may answer an oversized upload before reading it all, then close the socket:
        // the answer counts, the broken pipe on our side does not.
        req.on("error", (e) => setTimeout(() => finish({ status: "no answer", error: e.message }), 200))
        if (body?.stream) {
          body.stream.on("error", () => req.destroy())
          body.stream.pipe(req)
        } else req.end(body?.bytes)
      })

    const json = (value: unknown) => ({
      bytes: Buffer.from(typeof value === "string" ? value : JSON.stringify(value), "utf8"),
      contentType: "application/json",
    })
    const rawJson = (bytes: Buffer) => ({ bytes, contentType: "application/json" })
    const jpeg = (width = 64, height = 48) => solidJpeg(width, height)

    /** Problems found, as lines a reader can act on. */
    const problemsOf = (sent: Sent[]) =>
      sent.flatMap(({ label, method, url, answer, expectInvalidData }) => {
        const where = `${method} ${url.length > 120 ? url.slice(0, 120) + "…" : url} [${label}]`
        if (typeof answer.status !== "number") return [`${where}: ${answer.status} (${answer.error})`]
        if (answer.status >= 500) return [`${where}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`]
        if (expectInvalidData !== undefined) {
          const ok = answer.status === 400 && answer.body?.type === "invalid_data" && String(answer.body?.message).includes(expectInvalidData)
          if (!ok)
            return [
              `${where}: expected 400 invalid_data naming ${expectInvalidData}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`,
            ]
        }
        return []
      })
    const tally = (sent: Sent[]) => {
      const byClass: Record<string, number> = {}
      for (const { answer } of sent) {
        const key = typeof answer.status === "number" ? `${Math.floor(answer.status / 100)}xx` : answer.status
        byClass[key] = (byClass[key] ?? 0) + 1
      }
      return byClass
    }

    /** Rows that uploads write; with the stored files, what "nothing half-written" compares. */
    const counts = async () => {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const count = async (table: string) => Number((await pg.raw(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`)).rows[0].n)
      return {
        wardrobe_items: await count("wardrobe_item"),
        posts: await count("social_post"),
        post_images: await count("social_post_image"),
        looks: await count("lookbook_look"),
        files: filesStored(),
      }
    }

    beforeAll(async () => {
      port = Number(new URL(api.defaults.baseURL!).port)
      const container = getContainer()
      store = await seedStore(container)
      await seedCatalog(container, store, { productsPerCategory: 1 })
      await seedPeople(container)
      tokens.a = await signInDemoCustomer(api, 0)
      tokens.b = await signInDemoCustomer(api, 1)
      tokens.admin = await signInDemoAdmin(api)

      const ok = async (answer: Promise<Answer>, key: string, pick: (body: any) => string) => {
        const a = await answer
        if (typeof a.status !== "number" || a.status >= 300)
          throw new Error(`fixture ${key}: ${a.status} ${JSON.stringify((a as any).body ?? (a as any).error)}`)
        ids[key] = pick(a.body)
      }
      const photo = await jpeg()
      const multipart = (fields: Record<string, string>, field: string) =>
        corpus.buildMultipart([
          ...Object.entries(fields).map(([name, value]) => ({ name, value })),
          { name: field, filename: "fixture.jpg", contentType: "image/jpeg", bytes: photo },
        ])
      const form = (fields: Record<string, string>, field: string) => {
        const { body, contentType } = multipart(fields, field)
        return { bytes: body, contentType }
      }

      await ok(send("GET", "/store/products?limit=1&fields=id", "a"), "product", (b) => b.products[0].id)
      await ok(send("GET", "/store/customers/me", "a"), "customer_a", (b) => b.customer.id)
      await ok(send("GET", "/store/customers/me", "b"), "customer_b", (b) => b.customer.id)
      await ok(send("GET", "/admin/users/me", "admin"), "user", (b) => b.user.id)
      await ok(send("POST", "/store/wardrobe/items", "a", form({ name: "Fuzz fixture", category: "tops" }, "photo")), "item", (b) => b.item.id)
      await ok(send("POST", "/store/wardrobe/outfits", "a", json({ name: "Fuzz outfit", item_ids: [ids.item] })), "outfit", (b) => b.outfit.id)
      await ok(send("POST", "/store/social/posts", "a", form({ caption: "Fuzz fixture", visibility: "public" }, "photos")), "post", (b) => b.post.id)
      await ok(send("POST", `/store/social/posts/${ids.post}/comments`, "b", json({ body: "Nice" })), "comment", (b) => b.comment.id)
      await ok(send("POST", "/admin/lookbooks", "admin", json({ title: "Fuzz lookbook", status: "published" })), "lookbook", (b) => b.lookbook.id)
      await ok(send("POST", `/admin/lookbooks/${ids.lookbook}/cover`, "admin", form({}, "image")), "cover", (b) => b.lookbook.id)
      await ok(send("POST", `/admin/lookbooks/${ids.lookbook}/looks`, "admin", form({ hotspots: "[]" }, "image")), "look", (b) => b.look.id)
      await ok(send("POST", "/store/carts", "a", json({ region_id: store.regionIdsByCurrency.eur })), "cart", (b) => b.cart.id)
    })

    // ------------------------------------------------------------------ routes

    /** Every Curator route and method, from the route files under src/api. */
    const curatorRoutes = (): Array<{ method: string; template: string }> => {
      const root = path.join(process.cwd(), "src", "api")
      const found: Array<{ method: string; template: string }> = []
      const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, entry.name)
          if (entry.isDirectory() && entry.name !== "__tests__") walk(full)
          else if (entry.name === "route.ts") {
            const template = "/" + path.relative(root, dir).split(path.sep).join("/")
            for (const [, method] of fs.readFileSync(full, "utf8").matchAll(/^export const (GET|POST|PUT|PATCH|DELETE)\b/gm))
              found.push({ method, template })
          }
        }
      }
      walk(root)
      return found
    }

    /** A sample of Medusa's own routes, read and write, store, admin and auth. */
    const medusaRoutes = (): Array<{ method: string; template: string }> => [
      { method: "GET", template: "/store/products" },
      { method: "GET", template: "/store/products/[id]" },
      { method: "GET", template: "/store/product-categories" },
      { method: "GET", template: "/store/collections" },
      { method: "GET", template: "/store/regions" },
      { method: "POST", template: "/store/search" },
      { method: "POST", template: "/store/carts" },
      { method: "GET", template: "/store/carts/[cart_id]" },
      { method: "POST", template: "/store/carts/[cart_id]" },
      { method: "POST", template: "/store/carts/[cart_id]/line-items" },
      { method: "POST", template: "/store/customers" },
      { method: "GET", template: "/store/customers/me" },
      { method: "POST", template: "/store/customers/me/addresses" },
      { method: "GET", template: "/store/orders" },
      { method: "POST", template: "/auth/customer/emailpass" },
      { method: "GET", template: "/admin/products" },
      { method: "GET", template: "/admin/products/[id]" },
      { method: "POST", template: "/admin/products" },
      { method: "POST", template: "/admin/products/[id]" },
      { method: "GET", template: "/admin/orders" },
      { method: "GET", template: "/admin/customers" },
      { method: "POST", template: "/admin/uploads" },
    ]

    /** A real id for a path parameter, by what the route is about. */
    const paramValue = (template: string, param: string): string => {
      if (param === "look_id") return ids.look
      if (param === "cart_id") return ids.cart
      if (template.includes("/wardrobe/items/")) return ids.item
      if (template.includes("/wardrobe/outfits/")) return ids.outfit
      if (template.includes("/social/posts/")) return ids.post
      if (template.includes("/social/comments/")) return ids.comment
      if (template.includes("/social/customers/")) return ids.customer_b
      if (template.includes("/products/")) return ids.product
      if (template.includes("/lookbooks/")) return ids.lookbook
      if (template.includes("/users/")) return ids.user
      return "fuzz_unknown"
    }
    const fill = (template: string, override?: { index: number; value: string }) => {
      let index = -1
      return template.replace(/\[([^\]]+)\]/g, (_, param: string) => {
        index++
        return override && override.index === index ? override.value : paramValue(template, param)
      })
    }
    const paramCount = (template: string) => (template.match(/\[/g) ?? []).length
    const whoFor = (template: string): Who => (template.startsWith("/admin") ? "admin" : template.startsWith("/store") ? "a" : undefined)

    /** Text no route accepts: 400 invalid_data naming where it was, whatever the route. */
    const queryTextCases: Array<[string, string, string]> = [
      ["NUL in q", "q=%00", '"q"'],
      ["escape character in limit", "limit=1%1B", '"limit"'],
      ["invalid UTF-8 (%ff)", "fields=%ff", '"fields"'],
      ["invalid UTF-8 (%c3%28)", "order=%c3%28", '"order"'],
      ["NUL in a parameter name", "a%00b=1", "query parameter name"],
    ]
    const pathTextCases: Array<[string, string]> = [
      ["NUL id", "prod%00x"],
      ["invalid UTF-8 id (%ff)", "%ff"],
      ["invalid UTF-8 id (%c3%28)", "abc%c3%28"],
      ["malformed escape in id", "%E0%A4%A"],
    ]
    const bodyTextCases: Array<[string, { bytes: Buffer; contentType: string }, string]> = [
      ["NUL in strings", json({ name: "a\u0000b", title: "a\u0000b", email: "x\u0000@example.com" }), "contains a NUL byte"],
      ["NUL in a key deep inside", json({ metadata: { nested: [{ "key\u0000": 1 }] } }), 'field name in "metadata.nested[0]"'],
      [
        "raw invalid UTF-8 bytes",
        rawJson(Buffer.concat([Buffer.from('{"caption":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')])),
        '"caption"',
      ],
      ["lone surrogate", rawJson(Buffer.from('{"notes":"\\ud800"}')), '"notes"'],
      ["number out of range", rawJson(Buffer.from('{"limit":1e400}')), '"limit"'],
    ]
    /** Values out of range or of the wrong kind: any clear answer but a 5xx. */
    const queryRangeCases: Array<[string, string, string?]> = [
      ["negative limit", "limit=-1", '"limit"'],
      ["negative offset", "offset=-5", '"offset"'],
      ["huge offset", "offset=99999999999999999999", '"offset"'],
      ["NaN limit and fractional offset", "limit=NaN&offset=1.5"],
      ["array and object paging", "limit[]=1&limit[]=2&offset[gt]=1"],
      ["deep nesting and many values", `a[b][c][d][e][f][g][h][i]=1&${Array.from({ length: 200 }, (_, i) => `id=${i}`).join("&")}`],
      ["long q", `q=${"a".repeat(6000)}`],
      ["unknown fields", "fields=nonexistent_field,*nothing.*"],
      ["order injection", "order=id%3B%20DROP%20TABLE%20product"],
      ["order on an unknown column", "order=-no_such_column"],
      ["date filters out of range", "created_at[$gt]=99999-01-01&updated_at[$lt]=yesterday"],
      ["bad enums and cursor", "tab=nope&status=nope&visibility=nope&cursor=%7B%22v%22%3A1%7D"],
    ]
    const deep = (levels: number) => "[".repeat(levels) + "]".repeat(levels)
    const bodyRangeCases: Array<[string, { bytes: Buffer; contentType: string }]> = [
      ["empty object", json({})],
      ["array, string and null bodies", json([1, "x", null])],
      ["malformed JSON", json('{"name": ')],
      ["deep nesting", json(deep(5000))],
      ["wrong types", json({ name: 12, title: [], quantity: "x", limit: {}, tags: "not json", hotspots: 5, item_ids: "x", photo_index: "x" })],
      ["negative and huge numbers", json({ quantity: -1, position: -1, price_paid: 1e308, x: -5, y: 99, limit: 1e21, offset: -1 })],
      ["dates out of range", json({ acquired_on: "+275760-09-13", worn_on: "0000-00-00", published_at: "99999-12-31T00:00:00Z" })],
      ["prototype keys", rawJson(Buffer.from('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}'))],
      ["long strings", json({ name: "n".repeat(20_000), title: "t".repeat(20_000), caption: "c".repeat(20_000), body: "b".repeat(20_000) })],
      ["over the body limit", json({ name: "x".repeat(200 * 1024) })],
    ]

    // One test for all of the JSON and query checks: each test restores the database first, which
    // costs more than the checks themselves.
    it("answers bad text, out-of-range values and crafted cursors on every route with a 4xx naming the problem, never a 5xx", async () => {
      const started = Date.now()
      const before = await counts()
      await checkNamedAnswers()
      await checkCraftedCursors()
      await checkResponseHeaders()
      const routes = [...curatorRoutes().map((r) => ({ ...r, curator: true })), ...medusaRoutes().map((r) => ({ ...r, curator: false }))]
      expect(routes.filter((r) => r.curator).length).toBeGreaterThanOrEqual(45)
      const tasks: Array<() => Promise<Sent>> = []
      const add = (label: string, method: string, url: string, who: Who, body?: { bytes: Buffer; contentType: string }, expectInvalidData?: string) =>
        tasks.push(async () => ({ label, method, url, answer: await send(method, url, who, body), expectInvalidData }))

      for (const { method, template } of routes) {
        const who = whoFor(template)
        const url = fill(template)
        const destructive = method === "DELETE"
        const writes = method !== "GET"
        for (const [label, query, names] of queryTextCases) add(label, method, `${url}?${query}`, who, writes ? json({}) : undefined, names)
        for (let index = 0; index < paramCount(template); index++) {
          for (const [label, value] of pathTextCases)
            add(`${label} (param ${index + 1})`, method, fill(template, { index, value }), who, undefined, "URL path segment")
          add(`unknown id (param ${index + 1})`, method, fill(template, { index, value: "does_not_exist_01" }), who)
        }
        if (writes) for (const [label, body, names] of bodyTextCases) add(label, method, url, who, body, names)
        if (destructive) continue
        for (const [label, query, names] of queryRangeCases) add(label, method, `${url}?${query}`, who, undefined, names)
        if (writes) for (const [label, body] of bodyRangeCases) add(label, method, url, who, body)
      }
      // Routes without any sign-in, too: the checks come before authentication answers.
      add("anonymous NUL in q", "GET", "/store/products?q=%00", undefined, undefined, '"q"')
      add(
        "anonymous NUL in a sign-in e-mail",
        "POST",
        "/auth/customer/emailpass",
        undefined,
        json({ email: "a\u0000@example.com", password: "x" }),
        '"email"'
      )

      const sent = await pool(tasks)
      const summary = tally(sent)
      // Figures for the closing note.
      console.log(
        `fuzz: ${routes.length} route+method pairs (${routes.filter((r) => r.curator).length} Curator), ${sent.length} requests: ` +
          `${JSON.stringify(summary)} in ${((Date.now() - started) / 1000).toFixed(0)} s`
      )
      expect(problemsOf(sent)).toEqual([])
      expect(summary["5xx"] ?? 0).toBe(0)
      expect(await counts()).toEqual(before)
      expect((await send("GET", "/health", undefined)).status).toBe(200)
    })

    /** The 400 names the parameter, as Medusa's validation errors do. */
    const checkNamedAnswers = async () => {
      const answer = (await send("GET", "/store/products?q=%00", "a")) as { status: number; body: any }
      expect([answer.status, answer.body]).toEqual([
        400,
        { type: "invalid_data", message: 'Invalid request: query parameter "q" contains a NUL byte (U+0000)' },
      ])
      const id = (await send("GET", `/store/wardrobe/items/%ff`, "a")) as { status: number; body: any }
      expect(id.status).toBe(400)
      expect(id.body.message).toBe('Invalid request: the URL path segment "%ff" (after "items") is not valid UTF-8 percent-encoding')
      const body = (await send(
        "POST",
        `/store/social/posts/${ids.post}/comments`,
        "b",
        json({ body: "hi", extra: { list: ["ok", "x\u0000"] } })
      )) as { status: number; body: any }
      expect([body.status, body.body.message]).toEqual([400, 'Invalid request: body field "extra.list[1]" contains a NUL byte (U+0000)'])
      const field = corpus.buildMultipart([
        { name: "name", value: "Shirt\u0000" },
        { name: "photo", filename: "a.jpg", contentType: "image/jpeg", bytes: await jpeg() },
      ])
      const form = (await send("POST", "/store/wardrobe/items", "a", { bytes: field.body, contentType: field.contentType })) as {
        status: number
        body: any
      }
      expect([form.status, form.body.message]).toEqual([400, 'Invalid request: form field "name" contains a NUL byte (U+0000)'])
    }

    /** Crafted feed cursors get a 400 naming the cursor; a cursor the server gave still works. */
    const checkCraftedCursors = async () => {
      const encode = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url")
      const valid = { v: 1, k: "popular", x: null, a: "2026-01-01T00:00:00.000Z", s: "1", i: "spost_1" }
      const cursors: Array<[string, string]> = [
        ["date out of range", encode({ ...valid, a: "+275760-09-13T00:00:00.000Z" })],
        ["date before the epoch", encode({ ...valid, a: "-000001-01-01T00:00:00.000Z" })],
        ["date in the future", encode({ ...valid, a: "2999-01-01T00:00:00.000Z" })],
        ["NaN date", encode({ ...valid, a: "NaN" })],
        ["negative position", encode({ ...valid, s: "-1" })],
        ["NaN position", encode({ ...valid, s: "NaN" })],
        ["NUL in the id", encode({ ...valid, i: "spost\u0000" })],
        ["garbage base64", "!!not*base64!!"],
        ["base64 of garbage", encode("\u00ff\u00fe garbage")],
        ["wrong JSON shape", encode([valid])],
        ["missing fields", encode({ v: 1, k: "popular" })],
        ["another tab's cursor", encode({ ...valid, k: "following" })],
      ]
      const sent: Sent[] = []
      for (const who of [undefined, "a"] as const) {
        for (const [label, cursor] of cursors) {
          const url = `/store/social/feed?tab=popular&cursor=${encodeURIComponent(cursor)}`
          sent.push({
            label: `${label} (${who ?? "anonymous"})`,
            method: "GET",
            url,
            answer: await send("GET", url, who),
            expectInvalidData: "cursor",
          })
        }
        for (const list of [`/store/social/customers/${ids.customer_a}/posts`, `/store/social/products/${ids.product}/posts`]) {
          const url = `${list}?cursor=${encode({ ...valid, a: "+275760-09-13T00:00:00.000Z" })}`
          sent.push({ label: "date out of range", method: "GET", url, answer: await send("GET", url, who), expectInvalidData: "cursor" })
        }
      }
      expect(problemsOf(sent)).toEqual([])
      // A cursor the server gave still pages on.
      const first = (await send("GET", "/store/social/feed?tab=popular&limit=1", undefined)) as { status: number; body: any }
      expect(first.status).toBe(200)
      if (first.body.next_cursor) {
        const next = await send("GET", `/store/social/feed?tab=popular&limit=1&cursor=${first.body.next_cursor}`, undefined)
        expect(next.status).toBe(200)
      }
    }

    // ------------------------------------------------------------------ uploads

    /** Every Curator route that takes a file, with the fields it needs besides. */
    const uploadRoutes = () => [
      {
        name: "wardrobe item",
        who: "a" as Who,
        url: "/store/wardrobe/items",
        field: "photo",
        fields: { name: "Fuzzed item", category: "tops" },
        creates: { wardrobe_items: 1, files: 1 },
      },
      { name: "wardrobe photo replacement", who: "a" as Who, url: `/store/wardrobe/items/${ids.item}`, field: "photo", fields: {}, creates: {} },
      {
        name: "social post",
        who: "a" as Who,
        url: "/store/social/posts",
        field: "photos",
        fields: { caption: "Fuzzed", visibility: "public" },
        creates: { posts: 1, post_images: 1, files: 1 },
      },
      { name: "lookbook cover", who: "admin" as Who, url: `/admin/lookbooks/${ids.lookbook}/cover`, field: "image", fields: {}, creates: {} },
      {
        name: "new look",
        who: "admin" as Who,
        url: `/admin/lookbooks/${ids.lookbook}/looks`,
        field: "image",
        fields: { hotspots: "[]" },
        creates: { looks: 1, files: 1 },
      },
      {
        name: "look image replacement",
        who: "admin" as Who,
        url: `/admin/lookbooks/${ids.lookbook}/looks/${ids.look}`,
        field: "image",
        fields: {},
        creates: {},
      },
    ]

    it("answers the malformed-file corpus, broken multipart and huge bodies on every upload route with a 4xx, and writes nothing", async () => {
      const files = await corpus.generateMalformedFiles({ sharp })
      const big = corpus.oversizedFiles()
      const routes = uploadRoutes()
      const before = await counts()
      const expected = { ...before }
      const sent: Sent[] = []
      const accepted: Record<string, number> = {}
      const acceptedMalformed = new Set<string>()
      let rejectedDecodable = 0
      let brokenCount = 0
      const started = Date.now()

      // One request at a time per route, the routes in parallel: concurrent replacements of one
      // photo are a different test (and a different bug) from malformed input.
      const tasksByRoute: Array<Array<() => Promise<void>>> = []
      const decodable = files.filter((f) => f.acceptable)
      routes.forEach((route, routeIndex) => {
        const tasks: Array<() => Promise<void>> = []
        tasksByRoute.push(tasks)
        const fields = Object.entries(route.fields).map(([name, value]) => ({ name, value }))
        // Every malformed file goes to every route; the decodable ones (a full decode and re-encode
        // each, the slow part) are shared out among the routes, which all take them the same way.
        const sentHere = files.filter((f) => !f.acceptable || decodable.indexOf(f) % routes.length === routeIndex)
        for (const file of sentHere) {
          tasks.push(async () => {
            const { body, contentType } = corpus.buildMultipart([
              ...fields,
              { name: route.field, filename: file.filename, contentType: file.contentType, bytes: file.bytes },
            ])
            const answer = await send("POST", route.url, route.who, { bytes: body, contentType })
            sent.push({ label: `${route.name}: ${file.name}`, method: "POST", url: route.url, answer })
            const ok = typeof answer.status === "number" && answer.status < 300
            if (!ok) {
              if (file.acceptable) rejectedDecodable++
              return
            }
            accepted[route.name] = (accepted[route.name] ?? 0) + 1
            for (const [key, n] of Object.entries(route.creates)) expected[key as keyof typeof expected] += n
            // A file the corpus calls malformed may still be a whole image (libjpeg reads arithmetic
            // coding and supplies missing Huffman tables): accepted is right only if it decodes
            // strictly, as the server's own check does.
            if (!file.acceptable) {
              acceptedMalformed.add(file.name)
              const whole = await sharp(file.bytes, { failOn: "warning" })
                .toBuffer()
                .then(
                  () => true,
                  () => false
                )
              if (!whole)
                sent.push({
                  label: `${route.name}: ${file.name}`,
                  method: "POST",
                  url: route.url,
                  answer: { status: "no answer", error: "a file that does not decode was stored" },
                })
            }
          })
        }
        const brokenBodies = corpus.brokenMultipartCases({ fieldName: route.field, file: decodable[0]?.bytes ?? Buffer.alloc(8) })
        brokenCount = brokenBodies.length
        for (const broken of brokenBodies) {
          tasks.push(async () => {
            const answer = await send("POST", route.url, route.who, { bytes: broken.body, contentType: broken.contentType })
            sent.push({ label: `${route.name}: broken multipart ${broken.name}`, method: "POST", url: route.url, answer })
            // A body that is still readable (LF line endings, the boundary inside the data) may be accepted.
            if (typeof answer.status === "number" && answer.status < 300) {
              accepted[route.name] = (accepted[route.name] ?? 0) + 1
              for (const [key, n] of Object.entries(route.creates)) expected[key as keyof typeof expected] += n
            }
          })
        }
      })
      await Promise.all(tasksByRoute.map((tasks) => pool(tasks, 1)))
      const corpusSeconds = (Date.now() - started) / 1000
      // Huge bodies one at a time, streamed: each must be refused without being buffered whole.
      for (const route of routes) {
        for (const file of big) {
          const { stream, contentType, length } = corpus.multipartStream(file, { fieldName: route.field })
          const answer = await send("POST", route.url, route.who, { stream, length, contentType })
          sent.push({ label: `${route.name}: ${file.name}`, method: "POST", url: route.url, answer })
          if (typeof answer.status === "number" && answer.status < 400) {
            sent.push({
              label: `${route.name}: ${file.name} was accepted`,
              method: "POST",
              url: route.url,
              answer: { status: "no answer", error: "a huge body was stored" },
            })
          }
        }
      }

      const summary = tally(sent)
      console.log(
        `fuzz uploads: ${files.length} corpus files (${decodable.length} decodable, shared out) + ${brokenCount} broken multipart bodies + ${big.length} huge bodies` +
          ` × ${routes.length} upload routes, ${sent.length} requests: ${JSON.stringify(summary)}; accepted per route ${JSON.stringify(accepted)};` +
          ` decodable files refused ${rejectedDecodable}; files the corpus calls malformed that decode strictly and were accepted: ${[...acceptedMalformed].join(", ") || "none"};` +
          ` corpus ${corpusSeconds.toFixed(0)} s, huge bodies ${((Date.now() - started) / 1000 - corpusSeconds).toFixed(0)} s`
      )
      expect(files.length).toBeGreaterThanOrEqual(300)
      expect(problemsOf(sent)).toEqual([])
      expect(await counts()).toEqual(expected)

      // Healthy afterwards: a valid upload works and writes exactly one item and one file.
      expect((await send("GET", "/health", undefined)).status).toBe(200)
      const { body, contentType } = corpus.buildMultipart([
        { name: "name", value: "After the fuzz" },
        { name: "photo", filename: "ok.jpg", contentType: "image/jpeg", bytes: await jpeg(320, 240) },
      ])
      const valid = (await send("POST", "/store/wardrobe/items", "a", { bytes: body, contentType })) as { status: number; body: any }
      expect([valid.status, valid.body.item?.name]).toEqual([201, "After the fuzz"])
      expect(await counts()).toEqual({ ...expected, wardrobe_items: expected.wardrobe_items + 1, files: expected.files + 1 })
    })

    // ------------------------------------------------------------------ headers

    /** No X-Powered-By, and nosniff on every response, static files included. */
    const checkResponseHeaders = async () => {
      const apiAnswer = (await send("GET", "/store/products?limit=1", "a")) as { status: number; headers: http.IncomingHttpHeaders }
      expect(apiAnswer.headers["x-powered-by"]).toBeUndefined()
      expect(apiAnswer.headers["x-content-type-options"]).toBe("nosniff")
      const error = (await send("GET", "/store/products?q=%00", undefined)) as { status: number; headers: http.IncomingHttpHeaders }
      expect([error.headers["x-powered-by"], error.headers["x-content-type-options"]]).toEqual([undefined, "nosniff"])

      // Medusa serves ./static itself, before any project middleware.
      const staticDir = path.join(process.cwd(), "static")
      fs.mkdirSync(staticDir, { recursive: true })
      const name = `fuzz-nosniff-${process.pid}.txt`
      fs.writeFileSync(path.join(staticDir, name), "<script>alert(1)</script>")
      try {
        const file = (await send("GET", `/static/${name}`, undefined)) as { status: number; headers: http.IncomingHttpHeaders }
        expect(file.status).toBe(200)
        expect(file.headers["x-powered-by"]).toBeUndefined()
        expect(file.headers["x-content-type-options"]).toBe("nosniff")
      } finally {
        fs.rmSync(path.join(staticDir, name), { force: true })
      }
    }
  },
})
