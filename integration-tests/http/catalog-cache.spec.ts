import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { FeatureFlag, Modules } from "@medusajs/framework/utils"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { createStockedProducts } from "../helpers/stocked-product"
import { seedPeople } from "../../src/scripts/demo-catalog/seed-people"
import { LOOKBOOK_MODULE, LookbookModuleService } from "../../src/modules/lookbook"
import { signInDemoAdmin, storeHeaders } from "../helpers/api"
import { waitForSearchIndex } from "../helpers/search"

jest.setTimeout(300_000)

/** The longest a shopper may see an old price, stock level or title after the merchant's edit. */
const VISIBLE_WITHIN_MS = 1000

/**
 * The catalog read cache (Medusa's Caching Module, in-memory here): Medusa's cached product list,
 * the product route and Curator's product cards (a lookbook's pieces) answer from it, per region,
 * and a price, stock or product edit through the Admin API is visible through every route within a
 * second.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let adminToken = ""
    const piece = { productId: "", variantId: "", inventoryItemId: "", priceEur: "", lookbookId: "", handle: "cache-edit" }

    const storeGet = (url: string) => api.get(url, { headers: storeHeaders(store.publishableKey), validateStatus: () => true })
    const adminPost = async (url: string, body: unknown) => {
      const res = await api.post(url, body, { headers: { authorization: `Bearer ${adminToken}` }, validateStatus: () => true })
      expect([res.status, res.data.message]).toEqual([200, undefined])
      return res
    }
    const ok = <T>(res: { status: number; data: any }, pick: (data: any) => T): T => {
      expect([res.status, res.data.message]).toEqual([200, undefined])
      return pick(res.data)
    }

    type Reading = { title: string; amount: number; currency: string; in_stock: boolean | number }
    const eur = () => store.regionIdsByCurrency.eur
    /** What each route says about the piece: title, price and stock. */
    const readers: Record<string, (regionId?: string) => Promise<Reading>> = {
      "GET /store/products": async (regionId = eur()) =>
        ok(
          await storeGet(
            `/store/products?id[]=${piece.productId}&region_id=${regionId}&fields=title,*variants.calculated_price,+variants.inventory_quantity`
          ),
          (d) => {
            const variant = d.products[0].variants[0]
            return {
              title: d.products[0].title,
              amount: variant.calculated_price.calculated_amount,
              currency: variant.calculated_price.currency_code,
              in_stock: variant.inventory_quantity,
            }
          }
        ),
      "GET /store/products/:id": async (regionId = eur()) =>
        ok(
          await storeGet(
            `/store/products/${piece.productId}?region_id=${regionId}&fields=title,*variants.calculated_price,+variants.inventory_quantity`
          ),
          (d) => {
            const variant = d.product.variants[0]
            return {
              title: d.product.title,
              amount: variant.calculated_price.calculated_amount,
              currency: variant.calculated_price.currency_code,
              in_stock: variant.inventory_quantity,
            }
          }
        ),
      // Curator's search: hits from the search index, their prices through the catalog cache. The
      // test's shop holds this one product, so the newest is the piece.
      "GET /store/product-search": async (regionId = eur()) =>
        ok(await storeGet(`/store/product-search?sort=newest&limit=1&region_id=${regionId}`), (d) => {
          const hit = d.products[0]
          return {
            title: hit.title,
            amount: hit.calculated_price.calculated_amount,
            currency: hit.calculated_price.currency_code,
            in_stock: hit.in_stock,
          }
        }),
      // A Curator route whose pieces are product cards.
      "GET /store/lookbooks/:handle": async (regionId = eur()) =>
        ok(await storeGet(`/store/lookbooks/${piece.handle}?region_id=${regionId}`), (d) => {
          const hotspot = d.lookbook.looks[0].hotspots[0]
          return {
            title: hotspot.product.title,
            amount: hotspot.variant.calculated_price.calculated_amount,
            currency: hotspot.variant.calculated_price.currency_code,
            in_stock: hotspot.variant.in_stock,
          }
        }),
    }
    const readAll = async () => Object.fromEntries(await Promise.all(Object.entries(readers).map(async ([route, read]) => [route, await read()])))

    /**
     * Asks every route until it shows `expected`. Staleness is what counts, not how long a read
     * takes on a busy machine: no read asked VISIBLE_WITHIN_MS or more after the edit may answer
     * the old value.
     */
    const expectEverywhereWithin = async (editedAt: number, expected: (reading: Reading) => boolean, label: string) => {
      for (const [route, read] of Object.entries(readers)) {
        for (;;) {
          const askedAt = Date.now()
          const reading = await read()
          if (expected(reading)) break
          if (askedAt - editedAt >= VISIBLE_WITHIN_MS)
            throw new Error(`${route} still showed the old ${label} ${askedAt - editedAt} ms after the edit: ${JSON.stringify(reading)}`)
          await new Promise((r) => setTimeout(r, 50))
        }
      }
    }

    /** Calls into the product and pricing modules while `run` runs: 0 when every read came from the cache. */
    const moduleCalls = async (run: () => Promise<unknown>) => {
      const container = getContainer()
      const spied = [
        [container.resolve(Modules.PRODUCT), ["listProducts", "listAndCountProducts", "listProductVariants", "listAndCountProductVariants"]],
        [container.resolve(Modules.PRICING), ["calculatePrices"]],
      ] as const
      const spies = spied.flatMap(([service, methods]) => methods.map((m) => jest.spyOn(service as any, m)))
      try {
        await run()
        return spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0)
      } finally {
        spies.forEach((spy) => spy.mockRestore())
      }
    }

    beforeAll(async () => {
      const container = getContainer()
      store = await seedStore(container)
      await seedPeople(container)
      const [coat] = await createStockedProducts(container, store, [
        {
          title: "Cache Coat",
          sku: "cache-coat-m",
          prices: [
            { currency_code: "eur", amount: 120 },
            { currency_code: "usd", amount: 130 },
          ],
          stock: 5,
        },
      ])
      Object.assign(piece, coat)

      const lookbooks = container.resolve<LookbookModuleService>(LOOKBOOK_MODULE)
      const lookbook = await lookbooks.createLookbooks({ title: "Cache edit", handle: piece.handle, status: "published", published_at: new Date() })
      piece.lookbookId = lookbook.id
      await lookbooks.createLookWithHotspots({
        lookbook_id: lookbook.id,
        image_url: "http://localhost/static/look.jpg",
        image_file_id: null,
        width: 300,
        height: 400,
        hotspots: [{ x: 0.5, y: 0.5, product_id: piece.productId, variant_id: piece.variantId, position: 0 }],
      })
      adminToken = await signInDemoAdmin(api)
      await waitForSearchIndex(api, store.publishableKey, 1)
    })

    it("is on: the caching feature flag and the Caching Module", () => {
      expect(FeatureFlag.isFeatureEnabled("caching")).toBe(true)
      expect(getContainer().resolve(Modules.CACHING, { allowUnregistered: true })).toBeDefined()
    })

    it("answers a repeated read from the cache, per region, and reads the modules again after an edit", async () => {
      const first = await readAll()
      expect(first["GET /store/products"]).toEqual({ title: "Cache Coat", amount: 120, currency: "eur", in_stock: 5 })
      expect(first["GET /store/lookbooks/:handle"]).toEqual({ title: "Cache Coat", amount: 120, currency: "eur", in_stock: true })
      expect(first["GET /store/product-search"]).toEqual({ title: "Cache Coat", amount: 120, currency: "eur", in_stock: true })

      // Medusa's product list, the product route (Curator's override caches it too) and Curator's
      // product cards: the same read again touches neither the product nor the pricing module.
      for (const route of Object.keys(readers)) {
        expect({ route, calls: await moduleCalls(() => readers[route]()) }).toEqual({ route, calls: 0 })
      }
      // Prices are per region: another region's read is its own entry, with its own currency.
      let usd: Reading | undefined
      const usdCalls = await moduleCalls(async () => (usd = await readers["GET /store/lookbooks/:handle"](store.regionIdsByCurrency.usd)))
      expect(usdCalls).toBeGreaterThan(0)
      expect(usd).toMatchObject({ amount: 130, currency: "usd" })
      expect((await readers["GET /store/lookbooks/:handle"]()).currency).toBe("eur")

      // An edit clears the entries: the next read goes to the modules again.
      await adminPost(`/admin/products/${piece.productId}`, { subtitle: "touched" })
      await new Promise((r) => setTimeout(r, 200))
      for (const route of Object.keys(readers)) {
        const calls = await moduleCalls(() => readers[route]())
        expect({ route, reread: calls > 0 }).toEqual({ route, reread: true })
      }
    })

    it("keeps one shopper's tax prices out of the next shopper's cached answer", async () => {
      // Medusa adds tax-inclusive amounts to the rows it read, after the read: a cache that handed
      // out its own rows would keep them for the next shopper, who named no country.
      const url = `/store/products?id[]=${piece.productId}&region_id=${eur()}&fields=*variants.calculated_price`
      const price = async (query = "") => ok(await storeGet(url + query), (d) => d.products[0].variants[0].calculated_price)
      expect((await price("&country_code=de")).calculated_amount_with_tax).toEqual(expect.any(Number))
      expect(await price()).not.toHaveProperty("calculated_amount_with_tax")
      expect((await price("&country_code=de")).calculated_amount_with_tax).toEqual(expect.any(Number))
    })

    it("shows a new price through every route within a second", async () => {
      await readAll()
      await adminPost(`/admin/products/${piece.productId}/variants/${piece.variantId}`, {
        prices: [
          { currency_code: "eur", amount: 99 },
          { currency_code: "usd", amount: 130 },
        ],
      })
      await expectEverywhereWithin(Date.now(), (r) => r.amount === 99 && r.currency === "eur", "price")
    })

    it("shows a sale (a price list) through every route within a second, and its end", async () => {
      await readAll()
      const { data } = await adminPost(`/admin/price-lists`, {
        title: "Cache sale",
        description: "A sale the cached reads must show",
        type: "sale",
        status: "active",
        prices: [{ variant_id: piece.variantId, currency_code: "eur", amount: 80 }],
      })
      await expectEverywhereWithin(Date.now(), (r) => r.amount === 80, "sale price")
      await readAll()
      await api.delete(`/admin/price-lists/${data.price_list.id}`, { headers: { authorization: `Bearer ${adminToken}` } })
      await expectEverywhereWithin(Date.now(), (r) => r.amount !== 80, "price after the sale")
    })

    it("shows a stock change through every route within a second", async () => {
      await readAll()
      await adminPost(`/admin/inventory-items/${piece.inventoryItemId}/location-levels/${store.locationIdsByWarehouse.eu}`, { stocked_quantity: 0 })
      // Medusa's routes count units (inventory_quantity); a product card says in stock or not.
      await expectEverywhereWithin(Date.now(), (r) => r.in_stock === 0 || r.in_stock === false, "stock")
    })

    it("shows a new title through every route within a second", async () => {
      await readAll()
      await adminPost(`/admin/products/${piece.productId}`, { title: "Cache Coat II" })
      await expectEverywhereWithin(Date.now(), (r) => r.title === "Cache Coat II", "title")
    })

    it("shows a lookbook edit at once", async () => {
      expect(ok(await storeGet(`/store/lookbooks/${piece.handle}`), (d) => d.lookbook.title)).toBe("Cache edit")
      await adminPost(`/admin/lookbooks/${piece.lookbookId}`, { title: "Cache edit, revised" })
      const editedAt = Date.now()
      for (;;) {
        const askedAt = Date.now()
        const title = ok(await storeGet(`/store/lookbooks/${piece.handle}`), (d) => d.lookbook.title)
        if (title === "Cache edit, revised") break
        expect(askedAt - editedAt).toBeLessThan(VISIBLE_WITHIN_MS)
        await new Promise((r) => setTimeout(r, 50))
      }
    })
  },
})
