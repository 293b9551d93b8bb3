import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { apiCaller, signInDemoAdmin, signInDemoCustomer } from "../helpers/api"
import { seedDemoShop } from "../helpers/demo-shop"
import type { SeededStore } from "../../src/scripts/demo-catalog/seed-store"

jest.setTimeout(300_000)

/**
 * Saved items (wishlist) through the Store API: signed-in customers only, priced product cards,
 * saving twice changes nothing, unknown products are named in a 404, removal, the batch save the
 * storefront uses at sign-in, and one customer never sees another's.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const tokens: Record<"a" | "b" | "admin", string> = { a: "", b: "", admin: "" }
    let productIds: string[] = []
    const call = apiCaller(api, () => store.publishableKey, tokens)
    const BASE = "/store/customers/me/saved-items"

    beforeAll(async () => {
      const container = getContainer()
      store = (await seedDemoShop(container, { productsPerCategory: 1 })).store
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { status: "published" } })
      productIds = data.map((p) => p.id)
      tokens.a = await signInDemoCustomer(api, 0)
      tokens.b = await signInDemoCustomer(api, 1)
      tokens.admin = await signInDemoAdmin(api)
    })

    it("answers 401 without a signed-in customer, an admin's token included", async () => {
      for (const [method, url, body] of [
        ["get", BASE, undefined],
        ["post", BASE, { product_id: productIds[0] }],
        ["post", `${BASE}/batch`, { product_ids: [productIds[0]] }],
        ["delete", `${BASE}/${productIds[0]}`, undefined],
      ] as const) {
        expect([method, url, (await call(method, url, undefined, body)).status]).toEqual([method, url, 401])
        expect([method, url, (await call(method, url, "admin", body)).status]).toEqual([method, url, 401])
      }
    })

    it("saves, lists with prices for the region, is idempotent, and deletes", async () => {
      const [first, second] = productIds
      const saved = await call("post", BASE, "a", { product_id: first })
      expect(saved.status).toBe(200)
      expect(saved.data.saved_item).toMatchObject({ product_id: first, product: { id: first } })

      const again = await call("post", BASE, "a", { product_id: first })
      expect(again.status).toBe(200)
      expect(again.data.saved_item.id).toBe(saved.data.saved_item.id)

      await call("post", BASE, "a", { product_id: second })
      const list = await call("get", `${BASE}?country_code=fr`, "a")
      expect(list.status).toBe(200)
      expect(list.data.count).toBe(2)
      // Most recently saved first, each a product card priced in the region's currency.
      expect(list.data.saved_items.map((i: { product_id: string }) => i.product_id)).toEqual([second, first])
      for (const item of list.data.saved_items) {
        expect(item.product).toMatchObject({
          id: item.product_id,
          handle: expect.any(String),
          title: expect.any(String),
          in_stock: expect.any(Boolean),
        })
        expect(item.product.calculated_price).toMatchObject({ currency_code: "eur", calculated_amount: expect.any(Number) })
      }
      const usd = await call("get", `${BASE}?country_code=us`, "a")
      expect(usd.data.saved_items[0].product.calculated_price.currency_code).toBe("usd")
      // Without a region: cards without prices.
      expect((await call("get", BASE, "a")).data.saved_items[0].product.calculated_price).toBeNull()

      const paged = await call("get", `${BASE}?limit=1&offset=1`, "a")
      expect([paged.data.count, paged.data.limit, paged.data.offset, paged.data.saved_items.length]).toEqual([2, 1, 1, 1])
      expect(paged.data.saved_items[0].product_id).toBe(first)

      const removed = await call("delete", `${BASE}/${first}`, "a")
      expect(removed.status).toBe(200)
      expect(removed.data).toEqual({ id: first, object: "saved_item", deleted: true })
      const after = await call("get", BASE, "a")
      expect(after.data.saved_items.map((i: { product_id: string }) => i.product_id)).toEqual([second])

      const removedAgain = await call("delete", `${BASE}/${first}`, "a")
      expect(removedAgain.status).toBe(404)
      expect(removedAgain.data.message).toContain(first)
      // Saved again after removal.
      expect((await call("post", BASE, "a", { product_id: first })).status).toBe(200)
      await call("delete", `${BASE}/${first}`, "a")
      await call("delete", `${BASE}/${second}`, "a")
    })

    it("answers 404 naming a product that does not exist, and 400 for a bad body", async () => {
      const res = await call("post", BASE, "a", { product_id: "prod_does_not_exist" })
      expect(res.status).toBe(404)
      expect(res.data.message).toContain("prod_does_not_exist")
      const missing = await call("post", BASE, "a", {})
      expect(missing.status).toBe(400)
      expect(missing.data.message).toMatch(/product_id/)
      const extra = await call("post", BASE, "a", { product_id: productIds[0], note: "x" })
      expect(extra.status).toBe(400)
      expect((await call("get", `${BASE}?limit=0`, "a")).status).toBe(400)
      expect((await call("get", `${BASE}?country_code=zz`, "a")).status).toBe(400)
      expect((await call("get", BASE, "a")).data.count).toBe(0)
    })

    it("saves a batch, skipping and naming products that do not exist", async () => {
      const ids = productIds.slice(0, 3)
      const res = await call("post", `${BASE}/batch`, "a", { product_ids: [...ids, ids[0], "prod_gone"] })
      expect(res.status).toBe(200)
      expect(res.data.not_found).toEqual(["prod_gone"])
      expect(res.data.saved_items.map((i: { product_id: string }) => i.product_id)).toEqual(ids)
      const again = await call("post", `${BASE}/batch`, "a", { product_ids: ids })
      expect(again.data.saved_items.map((i: { id: string }) => i.id)).toEqual(res.data.saved_items.map((i: { id: string }) => i.id))
      expect((await call("get", BASE, "a")).data.count).toBe(3)
      expect((await call("post", `${BASE}/batch`, "a", { product_ids: [] })).status).toBe(400)
      for (const id of ids) await call("delete", `${BASE}/${id}`, "a")
    })

    it("keeps each customer's saved items to themselves", async () => {
      const [first, second] = productIds
      await call("post", BASE, "a", { product_id: first })
      await call("post", BASE, "b", { product_id: second })
      expect((await call("get", BASE, "a")).data.saved_items.map((i: { product_id: string }) => i.product_id)).toEqual([first])
      expect((await call("get", BASE, "b")).data.saved_items.map((i: { product_id: string }) => i.product_id)).toEqual([second])
      // b cannot remove a's item: it is not in b's saved items.
      expect((await call("delete", `${BASE}/${first}`, "b")).status).toBe(404)
      expect((await call("get", BASE, "a")).data.count).toBe(1)
    })
  },
})
