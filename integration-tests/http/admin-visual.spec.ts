import { medusaIntegrationTestRunner, TestEventUtils } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow, createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { seedPeople } from "../../src/scripts/demo-catalog/seed-people"
import { VISUAL_MODULE } from "../../src/modules/visual"
import VisualModuleService from "../../src/modules/visual/service"
import { apiCaller, signIn, signInDemoAdmin, signInDemoCustomer } from "../helpers/api"
import { settleIndexingRuns, unreachableSidecarUrl } from "../helpers/ml-sidecar"

jest.setTimeout(300_000)

type Who = "customer" | "moderator" | "admin"

const MODERATOR = { email: "visual-moderator@curator.local", password: "moderator-pw-1" }

/**
 * The visual search Admin API: the index state (counts per model version, the sidecar's health,
 * recent failures with product titles), re-indexing one product or the whole catalog, search
 * analytics, and who may call them. The sidecar is down throughout: the index page must still
 * answer, saying so.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let visual: VisualModuleService
    const tokens: Record<Who, string> = { customer: "", moderator: "", admin: "" }
    const call = apiCaller<Who>(api, () => store.publishableKey, tokens)
    /** Two products with images: "Index tee" (three images) and "Index coat" (two). */
    const products: Record<"tee" | "coat", { id: string; imageIds: string[] }> = { tee: { id: "", imageIds: [] }, coat: { id: "", imageIds: [] } }

    const rowsOf = async (productId?: string) => visual.listVisualImages(productId ? { product_id: productId } : {}, { order: { image_id: "ASC" } })
    const statusesOf = async (productId: string) => (await rowsOf(productId)).map((row) => row.status)

    beforeAll(async () => {
      // The ML sidecar is down for this whole file.
      process.env.ML_SIDECAR_URL = await unreachableSidecarUrl()
      const container = getContainer()
      store = await seedStore(container)
      await seedPeople(container)
      visual = container.resolve<VisualModuleService>(VISUAL_MODULE)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)

      // A second admin user, made a moderator through the role route.
      const { authIdentity } = await container.resolve(Modules.AUTH).register("emailpass", { body: MODERATOR } as any)
      await createUserAccountWorkflow(container).run({
        input: { authIdentityId: authIdentity!.id, userData: { email: MODERATOR.email, first_name: "Vera", last_name: "Moderator" } },
      })
      const { data: users } = await query.graph({ entity: "user", fields: ["id"], filters: { email: MODERATOR.email } })

      // Whatever indexes new products reacts to product.created; it has run (and failed: the sidecar is down) before the rows are set below.
      const eventBus = container.resolve(Modules.EVENT_BUS)
      const indexed = TestEventUtils.waitSubscribersExecution("product.created", eventBus)
      const product = (title: string, images: number) => ({
        title,
        status: "published" as const,
        images: Array.from({ length: images }, (_, i) => ({ url: `http://127.0.0.1:9/${title.replace(/\W+/g, "-")}-${i}.jpg` })),
        options: [{ title: "Size", values: ["M"] }],
        variants: [{ title: "M", options: { Size: "M" }, prices: [] }],
      })
      const { result } = await createProductsWorkflow(container).run({ input: { products: [product("Index tee", 3), product("Index coat", 2)] } })
      await indexed
      // Product and variant events each start an indexing run, each failing with the sidecar down: wait until none changes the rows.
      await settleIndexingRuns(
        container,
        result.map((p) => p.id),
        5
      )
      for (const [key, created] of [
        ["tee", result[0]],
        ["coat", result[1]],
      ] as const) {
        const { data } = await query.graph({ entity: "product", fields: ["id", "images.id", "images.url"], filters: { id: created.id } })
        const images = data[0].images!.map((image: any) => ({ image_id: image.id as string, url: image.url as string }))
        // The rows the indexer keeps for these images (created here where it has not run).
        await visual.syncProductImages(created.id, images)
        products[key] = { id: created.id, imageIds: images.map((image) => image.image_id).sort() }
      }

      // Known states: tee indexed ×2 by model 2 and failed ×1; coat indexed by model 1 and pending.
      const rowId = async (imageId: string) => (await visual.listVisualImages({ image_id: imageId }))[0].id
      const [tee0, tee1, tee2] = products.tee.imageIds
      const [coat0, coat1] = products.coat.imageIds
      const indexedAt = new Date()
      await visual.updateVisualImages([
        { id: await rowId(tee0), status: "indexed", model_version: "test-model@2", attempts: 0, last_error: null, indexed_at: indexedAt },
        { id: await rowId(tee1), status: "indexed", model_version: "test-model@2", attempts: 0, last_error: null, indexed_at: indexedAt },
        {
          id: await rowId(tee2),
          status: "failed",
          model_version: null,
          attempts: 8,
          last_error: "The image could not be decoded.",
          next_attempt_at: null,
        },
        { id: await rowId(coat0), status: "indexed", model_version: "test-model@1", attempts: 0, last_error: null, indexed_at: indexedAt },
        // A pending image waiting for a retry far ahead: no indexer picks it up during this test.
        {
          id: await rowId(coat1),
          status: "pending",
          model_version: null,
          attempts: 2,
          last_error: "The image service cannot be reached right now.",
          next_attempt_at: new Date(Date.now() + 3_600_000),
        },
      ])

      tokens.admin = await signInDemoAdmin(api)
      tokens.customer = await signInDemoCustomer(api, 0)
      tokens.moderator = await signIn(api, "user", MODERATOR.email, MODERATOR.password)
      const made = await call("post", `/admin/users/${users[0].id}/role`, "admin", { role: "moderator" })
      expect(made.status).toBe(200)
    })

    it("lets administrators only in: customers and anonymous callers 401, moderators 403", async () => {
      const routes: [string, string, unknown?][] = [
        ["get", "/admin/visual/index"],
        ["post", "/admin/visual/reindex", {}],
        ["post", "/admin/visual/reindex", { product_id: products.tee.id }],
        ["get", "/admin/visual/analytics?days=7"],
        ["get", `/admin/products/${products.tee.id}/visual-index`],
      ]
      for (const [method, url, body] of routes) {
        expect([url, (await call(method, url, undefined, body)).status]).toEqual([url, 401])
        expect([url, (await call(method, url, "customer", body)).status]).toEqual([url, 401])
        const moderator = await call(method, url, "moderator", body)
        expect([url, moderator.status, moderator.data.type]).toEqual([url, 403, "not_allowed"])
      }
      // Nothing was queued by the refused calls.
      expect(await statusesOf(products.tee.id)).toEqual(["indexed", "indexed", "failed"])
    })

    it("reads the index per model version, the sidecar down (no error of its own) and the failures with their products", async () => {
      const started = Date.now()
      const res = await call("get", "/admin/visual/index", "admin")
      expect(res.status).toBe(200)
      // Far below the client's timeouts: it never waited on the absent sidecar.
      expect(Date.now() - started).toBeLessThan(8_000)
      expect(res.data.sidecar).toEqual({ reachable: false, error: expect.stringMatching(/cannot be reached|did not answer/) })

      const mine = new Set([...products.tee.imageIds, ...products.coat.imageIds])
      const others = (await rowsOf()).filter((row) => !mine.has(row.image_id))
      // Other products (the seed's) may have rows too: compare with the rows themselves.
      const expected = new Map<string | null, { indexed: number; pending: number; failed: number }>([
        ["test-model@1", { indexed: 1, pending: 0, failed: 0 }],
        ["test-model@2", { indexed: 2, pending: 0, failed: 0 }],
        [null, { indexed: 0, pending: 1, failed: 1 }],
      ])
      for (const row of others) {
        const counts = expected.get(row.model_version) ?? { indexed: 0, pending: 0, failed: 0 }
        counts[row.status] += 1
        expected.set(row.model_version, counts)
      }
      const byVersion = new Map(res.data.model_versions.map((row: any) => [row.model_version, row]))
      for (const [modelVersion, counts] of expected) expect(byVersion.get(modelVersion)).toEqual({ model_version: modelVersion, ...counts })
      expect(res.data.model_versions).toHaveLength(expected.size)
      const sum = (key: "indexed" | "pending" | "failed") => [...expected.values()].reduce((n, c) => n + c[key], 0)
      expect(res.data.totals).toEqual({ indexed: sum("indexed"), pending: sum("pending"), failed: sum("failed") })

      const failure = (imageId: string) => res.data.failures.find((f: any) => f.image_id === imageId)
      expect(failure(products.tee.imageIds[2])).toEqual({
        image_id: products.tee.imageIds[2],
        product_id: products.tee.id,
        product_title: "Index tee",
        attempts: 8,
        last_error: "The image could not be decoded.",
        updated_at: expect.any(String),
      })
      expect(failure(products.coat.imageIds[1])).toMatchObject({ product_title: "Index coat", attempts: 2 })
      expect(failure(products.tee.imageIds[0])).toBeUndefined()

      // The product page's widget: the product's images with their state.
      const widget = await call("get", `/admin/products/${products.tee.id}/visual-index`, "admin")
      expect(widget.status).toBe(200)
      expect(widget.data.images.map((i: any) => [i.image_id, i.status, i.model_version]).sort()).toEqual([
        [products.tee.imageIds[0], "indexed", "test-model@2"],
        [products.tee.imageIds[1], "indexed", "test-model@2"],
        [products.tee.imageIds[2], "failed", null],
      ])
      expect(widget.data.images.find((i: any) => i.status === "failed")).toMatchObject({ attempts: 8, last_error: "The image could not be decoded." })
    })

    it("re-indexes one product (202, its images pending, others untouched), refuses unknown products and bad bodies", async () => {
      const res = await call("post", "/admin/visual/reindex", "admin", { product_id: products.tee.id })
      expect([res.status, res.data]).toEqual([202, { queued: 3 }])
      expect(await statusesOf(products.tee.id)).toEqual(["pending", "pending", "pending"])
      for (const row of await rowsOf(products.tee.id)) expect(row.next_attempt_at === null || row.attempts > 0).toBe(true)
      expect(await statusesOf(products.coat.id)).toEqual(["indexed", "pending"])

      const unknown = await call("post", "/admin/visual/reindex", "admin", { product_id: "prod_missing" })
      expect([unknown.status, unknown.data]).toEqual([404, { type: "not_found", message: "Product with id: prod_missing was not found" }])
      for (const body of [{ product_id: 42 }, { product_id: "" }, { product: products.tee.id }]) {
        const bad = await call("post", "/admin/visual/reindex", "admin", body)
        expect([JSON.stringify(body), bad.status, bad.data.type]).toEqual([JSON.stringify(body), 400, "invalid_data"])
      }
      const text = await call("post", "/admin/visual/reindex", "admin", "product_id=x", { "content-type": "text/plain" })
      expect(text.status).toBe(400)
      expect(await statusesOf(products.coat.id)).toEqual(["indexed", "pending"])
    })

    it("re-indexes the whole catalog: every image pending, and the index page says so", async () => {
      const before = await rowsOf()
      const res = await call("post", "/admin/visual/reindex", "admin")
      expect([res.status, res.data]).toEqual([202, { queued: before.length }])
      expect((await rowsOf()).map((row) => row.status)).toEqual(before.map(() => "pending"))

      const index = await call("get", "/admin/visual/index", "admin")
      expect(index.data.totals).toEqual({ indexed: 0, pending: before.length, failed: 0 })
      // The old errors are cleared (an error listed now comes from a try after the re-index: the sidecar is still down).
      expect(index.data.failures.filter((f: any) => f.last_error === "The image could not be decoded.")).toEqual([])
    })

    it("counts searches per day: no garment found, nothing purchasable, clicks and click-through", async () => {
      const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000)
      const search = (garment_found: boolean, purchasable_count: number, created_at: Date) => ({
        kind: "photo" as const,
        item_count: garment_found ? 1 : 0,
        garment_found,
        result_count: purchasable_count + 2,
        purchasable_count,
        latency_ms: 120,
        created_at,
      })
      const today = day(0)
      const searches = await visual.createVisualSearches([
        search(true, 5, today),
        search(true, 3, today),
        search(false, 0, today),
        search(true, 0, today),
        search(true, 4, day(2)),
        search(true, 4, day(45)),
      ])
      await visual.createVisualSearchClicks([
        { search_id: searches[0].id, product_id: products.tee.id, position: 0 },
        { search_id: searches[0].id, product_id: products.coat.id, position: 2 },
        { search_id: searches[1].id, product_id: products.tee.id, position: 1 },
        { search_id: searches[5].id, product_id: products.tee.id, position: 0 },
      ])
      const isoDay = (date: Date) => date.toISOString().slice(0, 10)

      const month = await call("get", "/admin/visual/analytics", "admin")
      expect(month.status).toBe(200)
      expect(month.data.days).toHaveLength(30)
      expect(month.data.days.at(-1)).toEqual({ date: isoDay(today), searches: 4, no_garment: 1, no_purchasable: 1, clicks: 3, clicked_searches: 2 })
      expect(month.data.days.find((d: any) => d.date === isoDay(day(2)))).toMatchObject({ searches: 1, no_garment: 0, no_purchasable: 0, clicks: 0 })
      expect(month.data.totals).toEqual({ searches: 5, no_garment: 1, no_purchasable: 1, clicks: 3, clicked_searches: 2, click_through_rate: 0.4 })

      // The older search counts once the span reaches back to it.
      const quarter = await call("get", "/admin/visual/analytics?days=90", "admin")
      expect(quarter.data.days).toHaveLength(90)
      expect(quarter.data.totals).toMatchObject({ searches: 6, clicks: 4, clicked_searches: 3, click_through_rate: 0.5 })
      const week = await call("get", "/admin/visual/analytics?days=1", "admin")
      expect(week.data.days).toEqual([{ date: isoDay(today), searches: 4, no_garment: 1, no_purchasable: 1, clicks: 3, clicked_searches: 2 }])

      for (const days of ["0", "366", "abc", "2.5"]) {
        const bad = await call("get", `/admin/visual/analytics?days=${days}`, "admin")
        expect([days, bad.status, bad.data.type]).toEqual([days, 400, "invalid_data"])
      }
      expect((await call("get", "/admin/visual/analytics?days=365", "admin")).data.days).toHaveLength(365)
      expect((await call("get", "/admin/visual/analytics?since=1", "admin")).status).toBe(400)
    })
  },
})
