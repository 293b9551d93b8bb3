import http from "node:http"
import { AddressInfo } from "node:net"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { createStockedProducts } from "../helpers/stocked-product"
import { seedPeople } from "../../src/scripts/demo-catalog/seed-people"
import { signInDemoAdmin } from "../helpers/api"

jest.setTimeout(300_000)

const SECRET = "revalidate-secret-for-tests"
/** Calls the stand-in storefront received: what Medusa asked to expire, and with which credential. */
const received: { authorization?: string; tags: string[]; at: number }[] = []
const storefront = http.createServer((req, res) => {
  let body = ""
  req.on("data", (chunk) => (body += chunk))
  req.on("end", () => {
    received.push({ authorization: req.headers.authorization, tags: JSON.parse(body).tags, at: Date.now() })
    res.writeHead(200, { "content-type": "application/json" }).end("{}")
  })
})

/** Waits until one call carried every tag of `tags`; answers the tags of all calls since `since`. */
async function receivedTags(since: number, tags: string[], timeoutMs = 5000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const calls = received.filter((r) => r.at >= since)
    if (calls.some((c) => tags.every((t) => c.tags.includes(t)))) return [...new Set(calls.flatMap((c) => c.tags))]
    if (Date.now() > deadline)
      throw new Error(`no call with ${tags.join(", ")} within ${timeoutMs} ms; received ${JSON.stringify(calls.map((c) => c.tags))}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/**
 * The storefront revalidation subscriber against a stand-in storefront: each kind of catalog change
 * made through the Admin API (product, variant price, price list, stock, reservation, lookbook)
 * reaches POST <STOREFRONT_URL>/api/revalidate with its tags and the shared secret.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let adminToken = ""
    const piece = { productId: "", variantId: "", inventoryItemId: "" }
    const admin = async (url: string, body: unknown) => {
      const res = await api.post(url, body, { headers: { authorization: `Bearer ${adminToken}` }, validateStatus: () => true })
      expect([res.status < 300, res.status, res.data.message]).toEqual([true, res.status, undefined])
      return res.data
    }

    beforeAll(async () => {
      await new Promise<void>((resolve) => storefront.listen(0, "127.0.0.1", resolve))
      process.env.STOREFRONT_URL = `http://127.0.0.1:${(storefront.address() as AddressInfo).port}`
      process.env.STOREFRONT_REVALIDATE_SECRET = SECRET
      const container = getContainer()
      store = await seedStore(container)
      await seedPeople(container)
      const [coat] = await createStockedProducts(container, store, [
        { title: "Revalidated Coat", sku: "revalidated-coat-m", prices: [{ currency_code: "eur", amount: 120 }], stock: 5 },
      ])
      Object.assign(piece, coat)
      adminToken = await signInDemoAdmin(api)
    })

    afterAll(async () => {
      delete process.env.STOREFRONT_URL
      delete process.env.STOREFRONT_REVALIDATE_SECRET
      await new Promise((resolve) => storefront.close(resolve))
    })

    it("a product edit expires the catalog and the product, with the shared secret", async () => {
      const since = Date.now()
      await admin(`/admin/products/${piece.productId}`, { title: "Revalidated Coat II" })
      expect(await receivedTags(since, ["products", `product-${piece.productId}`])).toEqual(
        expect.arrayContaining(["products", `product-${piece.productId}`])
      )
      expect(received.filter((r) => r.at >= since).every((r) => r.authorization === `Bearer ${SECRET}`)).toBe(true)
    })

    it("a variant's new price expires the catalog and its product", async () => {
      const since = Date.now()
      await admin(`/admin/products/${piece.productId}/variants/${piece.variantId}`, { prices: [{ currency_code: "eur", amount: 99 }] })
      await receivedTags(since, ["products", `product-${piece.productId}`])
    })

    it("a sale (a price list, which only the Pricing Module's events announce) expires the catalog", async () => {
      // Quiet first: the earlier edits' second calls must not be taken for this one's.
      await new Promise((r) => setTimeout(r, 4000))
      const since = Date.now()
      await admin("/admin/price-lists", {
        title: "Winter sale",
        description: "Everything for less",
        type: "sale",
        status: "active",
        prices: [{ variant_id: piece.variantId, currency_code: "eur", amount: 80 }],
      })
      await receivedTags(since, ["products"])
    })

    it("a stock edit expires the catalog and the product", async () => {
      const since = Date.now()
      await admin(`/admin/inventory-items/${piece.inventoryItemId}/location-levels/${store.locationIdsByWarehouse.eu}`, { stocked_quantity: 2 })
      await receivedTags(since, ["products", `product-${piece.productId}`])
    })

    it("a reservation (an order's) expires only the product's own reads, not every listing", async () => {
      await new Promise((r) => setTimeout(r, 4000))
      const since = Date.now()
      await admin("/admin/reservations", { inventory_item_id: piece.inventoryItemId, location_id: store.locationIdsByWarehouse.eu, quantity: 1 })
      const tags = await receivedTags(since, [`product-${piece.productId}`])
      expect(tags).not.toContain("products")
    })

    it("a lookbook created or edited expires the lookbooks", async () => {
      const since = Date.now()
      const { lookbook } = await admin("/admin/lookbooks", { title: "Revalidated looks", status: "published" })
      await receivedTags(since, ["lookbooks", `lookbook-${lookbook.id}`])
      const edited = Date.now()
      await admin(`/admin/lookbooks/${lookbook.id}`, { title: "Revalidated looks, revised" })
      await receivedTags(edited, ["lookbooks", `lookbook-${lookbook.id}`])
    })
  },
})
