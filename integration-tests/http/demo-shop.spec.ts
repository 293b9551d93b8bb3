import Medusa from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DEMO_SALES_CHANNEL, seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { seedCatalog, selectProducts } from "../../src/scripts/demo-catalog/seed-catalog"
import { seedPeople, demoAdmin } from "../../src/scripts/demo-catalog/seed-people"
import { signInDemoAdmin } from "../helpers/api"
import { demoCustomerAddress } from "../helpers/demo-shop"
import { waitForSearchIndex } from "../helpers/search"
import { DemoProduct, generateDemoCatalog } from "../../src/scripts/demo-catalog/generate-catalog"
import { seedLookbooks } from "../../src/scripts/demo-catalog/seed-lookbooks"
import type { StoreLookbook, StoreLookbookSummary } from "../../src/types/http/lookbook"
import type { StoreProductAvailabilityResponse } from "../../src/types/http/product-card"
import type { StoreProductSearchResponse } from "../../src/types/http/search"

jest.setTimeout(300_000)

const PRODUCTS_PER_CATEGORY = 2

/**
 * The demo shop end to end, through Medusa's own Store API and js-sdk: the seeded
 * catalog with regional prices, product search with facets, "in stock" agreeing
 * across routes in every region, and a checkout that ends in an order with the
 * right total.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let sdk: Medusa
    let catalog: DemoProduct[]

    const storeHeaders = () => ({ headers: { "x-publishable-api-key": store.publishableKey } })

    beforeAll(async () => {
      const container = getContainer()
      store = await seedStore(container)
      catalog = await seedCatalog(container, store, { productsPerCategory: PRODUCTS_PER_CATEGORY })
      await seedPeople(container)
      await seedLookbooks(container, catalog)
      sdk = new Medusa({ baseUrl: api.defaults.baseURL, publishableKey: store.publishableKey })
      await waitForSearchIndex(api, store.publishableKey, catalog.length)
    })

    it("seeds every category with regional prices, and seeding again adds nothing", async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const count = async () => (await query.graph({ entity: "product", fields: ["id"] })).data.length
      const before = await count()
      expect(before).toBe(catalog.length)
      // A shop seeded before shipping options carried business days: seeding again adds them.
      const fulfillment = container.resolve(Modules.FULFILLMENT)
      const [express] = await fulfillment.listShippingOptions({ name: "Express delivery" })
      await fulfillment.updateShippingOptions(express.id, { data: {} })

      const again = await seedStore(container)
      await seedCatalog(container, again, { productsPerCategory: PRODUCTS_PER_CATEGORY })
      await seedPeople(container)
      expect(await count()).toBe(before)
      expect(again.publishableKey).toBe(store.publishableKey)
      const regions = await container.resolve(Modules.REGION).listRegions({})
      expect(regions.map((r) => r.currency_code).sort()).toEqual(["eur", "gbp", "usd"])
      const users = await container.resolve(Modules.USER).listUsers({ email: demoAdmin().email })
      expect(users).toHaveLength(1)
      const [backfilled] = await fulfillment.listShippingOptions({ id: express.id })
      expect(backfilled.data).toEqual({ delivery_days: { min: 1, max: 1 } })
    })

    it("sells through one sales channel, the store's default, so product lists skip Medusa's channel filter", async () => {
      const channels = await getContainer().resolve(Modules.SALES_CHANNEL).listSalesChannels({})
      expect(channels.map((c) => c.name)).toEqual([DEMO_SALES_CHANNEL])
      const [medusaStore] = await getContainer().resolve(Modules.STORE).listStores()
      expect(medusaStore.default_sales_channel_id).toBe(store.salesChannelId)
      expect(channels[0].id).toBe(store.salesChannelId)
    })

    it("lists products with prices calculated for the shopper's region", async () => {
      const { regions } = await sdk.store.region.list()
      for (const currency of ["eur", "usd", "gbp"]) {
        const region = regions.find((r) => r.currency_code === currency)!
        const demo = catalog[3]
        const { products } = await sdk.store.product.list({
          handle: demo.handle,
          region_id: region.id,
          fields: "id,title,*variants.calculated_price,+variants.sku",
        })
        expect(products).toHaveLength(1)
        const variant = products[0].variants!.find((v) => v.sku === demo.variants[0].sku)!
        expect(variant.calculated_price!.currency_code).toBe(currency)
        expect(variant.calculated_price!.calculated_amount).toBe(demo.variants[0].prices[currency])
      }
    })

    it("shows the admin the seeded catalog", async () => {
      const { data } = await api.get("/admin/products?limit=1&fields=id", { headers: { authorization: `Bearer ${await signInDemoAdmin(api)}` } })
      expect(data.count).toBe(catalog.length)
    })

    it("searches by text with facets, filters by a facet and corrects typos", async () => {
      const dresses = catalog.filter((p) => p.category.handle === "dresses")
      const { data } = await api.get("/store/product-search?q=dress&category=dresses", storeHeaders())
      expect(data.count).toBeGreaterThanOrEqual(dresses.length)
      expect(data.products.map((p: any) => p.handle)).toEqual(expect.arrayContaining(dresses.map((p) => p.handle)))
      expect(data.facets.category).toEqual(expect.arrayContaining([{ value: "dresses", count: dresses.length }]))

      const colour = dresses[0].colours[0].name
      const { data: byColour } = await api.get(`/store/product-search?category=dresses&colour=${encodeURIComponent(colour)}`, storeHeaders())
      const expected = dresses.filter((p) => p.colours.some((c) => c.name === colour)).map((p) => p.handle)
      expect(byColour.products.map((p: any) => p.handle).sort()).toEqual(expected.sort())

      const { data: typo } = await api.get("/store/product-search?q=drss", storeHeaders())
      expect(typo.corrected_query).toBe("dress")
      expect(typo.products[0].title).toMatch(/dress/i)

      // Medusa's own search route, opted in for the product index.
      const { data: core } = await api.post(
        "/store/search",
        { entity: "product", filters: { q: "dress" }, search_options: { facets: ["category_handles"] } },
        storeHeaders()
      )
      expect(core.results[0].hits.length).toBeGreaterThan(0)
      expect(core.results[0].facets.category_handles.values).toEqual(expect.arrayContaining([expect.objectContaining({ value: "dresses" })]))
    })

    it("keeps the search index current when a merchant edits or deletes a product", async () => {
      const admin = { headers: { authorization: `Bearer ${await signInDemoAdmin(api)}` } }
      const target = catalog[5]
      const { data: found } = await api.get(`/admin/products?handle=${target.handle}&fields=id`, admin)
      const productId = found.products[0].id

      await api.post(`/admin/products/${productId}`, { title: "Zephyrine Evening Cape" }, admin)
      const search = async (q: string) => (await api.get(`/store/product-search?q=${encodeURIComponent(q)}`, storeHeaders())).data
      let hits: any[] = []
      for (let i = 0; i < 40 && !hits.length; i++) {
        hits = (await search("zephyrine")).products
        if (!hits.length) await new Promise((r) => setTimeout(r, 250))
      }
      expect(hits.map((p: any) => p.id)).toEqual([productId])

      await api.delete(`/admin/products/${productId}`, admin)
      let count = 1
      for (let i = 0; i < 40 && count > 0; i++) {
        count = (await search("zephyrine")).count
        if (count > 0) await new Promise((r) => setTimeout(r, 250))
      }
      expect(count).toBe(0)
    })

    it("filters by price in the region's currency and sorts by price", async () => {
      const { regions } = await sdk.store.region.list()
      const uk = regions.find((r) => r.currency_code === "gbp")!
      const { data } = await api.get(`/store/product-search?region_id=${uk.id}&max_price=60&sort=price_asc&limit=100`, storeHeaders())
      const lowest = (p: DemoProduct) => Math.min(...p.variants.map((v) => v.prices.gbp))
      expect(data.currency_code).toBe("gbp")
      expect(data.count).toBe(catalog.filter((p) => lowest(p) <= 60).length)
      const prices = data.products.map((p: any) => Math.min(...p.variants.map((v: any) => v.calculated_price.calculated_amount)))
      expect(prices).toEqual([...prices].sort((a, b) => a - b))
      expect(data.facets.price.find((b: any) => b.key === "under-50").count).toBe(catalog.filter((p) => lowest(p) < 50).length)
    })

    it("rejects bad search input with a 4xx naming the problem", async () => {
      const bad = async (path: string, headers = storeHeaders()) => api.get(path, headers).catch((e: any) => e.response)
      let res = await bad("/store/product-search?sort=cheapest")
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/sort/)
      res = await bad("/store/product-search?min_price=100&max_price=10")
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/min_price must not exceed max_price/)
      res = await bad("/store/product-search?limit=1000")
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/limit/)
      res = await bad("/store/product-search?region_id=reg_missing")
      // One answer for an unknown region on every route (src/shopper/context.ts).
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/reg_missing/)
      res = await bad("/store/product-search?q=dress", { headers: {} as any })
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/publishable/i)
    })

    it('says the same "in stock" for a lookbook hotspot, the product page and search, in every region', async () => {
      const get = async <T>(path: string): Promise<T> => (await api.get(path, storeHeaders())).data
      const { lookbooks } = await get<{ lookbooks: StoreLookbookSummary[] }>("/store/lookbooks")
      expect(lookbooks.length).toBeGreaterThan(0)

      const disagreements: string[] = []
      /** Hotspot variant id → in_stock per region (from the product page), to prove the regions differ. */
      const stockByRegion = new Map<string, Record<string, boolean>>()
      let hotspotChecks = 0
      let cardChecks = 0
      for (const currency of ["eur", "gbp", "usd"]) {
        const regionId = store.regionIdsByCurrency[currency]
        const availabilityOf = new Map<string, StoreProductAvailabilityResponse["availability"]>()
        const hotspotProducts = new Map<string, { title: string }>()
        for (const summary of lookbooks) {
          const { lookbook } = await get<{ lookbook: StoreLookbook }>(`/store/lookbooks/${summary.id}?region_id=${regionId}`)
          for (const hotspot of lookbook.looks.flatMap((look) => look.hotspots)) {
            const productId = hotspot.product.id
            if (!availabilityOf.has(productId)) {
              const { availability } = await get<StoreProductAvailabilityResponse>(`/store/products/${productId}/availability?region_id=${regionId}`)
              availabilityOf.set(productId, availability)
            }
            hotspotProducts.set(productId, { title: hotspot.product.title })
            const onPage = availabilityOf.get(productId)!.find((a) => a.variant_id === hotspot.variant.id)
            hotspotChecks++
            if (!onPage || onPage.in_stock !== hotspot.variant.in_stock) {
              disagreements.push(`${currency} ${hotspot.variant.sku}: lookbook ${hotspot.variant.in_stock}, product page ${onPage?.in_stock}`)
            }
            stockByRegion.set(hotspot.variant.id, { ...stockByRegion.get(hotspot.variant.id), [currency]: !!onPage?.in_stock })
          }
        }
        // The search hit's product card: in stock when some variant is, by the product page.
        for (const [productId, { title }] of hotspotProducts) {
          const found = await get<StoreProductSearchResponse>(`/store/product-search?region_id=${regionId}&q=${encodeURIComponent(title)}&limit=100`)
          const hit = found.products.find((p) => p.id === productId)
          const someVariantInStock = availabilityOf.get(productId)!.some((a) => a.in_stock)
          cardChecks++
          if (!hit || hit.in_stock !== someVariantInStock) {
            disagreements.push(`${currency} product ${title}: search ${hit?.in_stock}, product page ${someVariantInStock}`)
          }
        }
      }

      // Not vacuous: the US warehouse carries a narrower range, so some hotspot variant is in stock in one region and not another.
      const differing = [...stockByRegion.values()].filter((r) => new Set(Object.values(r)).size > 1)
      console.log(
        `in-stock agreement: ${disagreements.length} of ${hotspotChecks} hotspot variants disagree across 3 regions ` +
          `(${stockByRegion.size} distinct variants, ${differing.length} differ between regions; ${cardChecks} search cards checked)`
      )
      expect(disagreements).toEqual([])
      expect(differing.length).toBeGreaterThan(0)
      expect(cardChecks).toBeGreaterThan(0)
    })

    it("checks out a cart with the system payment provider into an order with the right total", async () => {
      const { regions } = await sdk.store.region.list()
      const europe = regions.find((r) => r.currency_code === "eur")!
      // A variant the Amsterdam warehouse (which serves Europe) has in stock.
      const demo = selectProducts(generateDemoCatalog(), PRODUCTS_PER_CATEGORY).find((p) => p.variants.some((v) => v.stock.eu >= 2))!
      const demoVariant = demo.variants.find((v) => v.stock.eu >= 2)!
      const { products } = await sdk.store.product.list({ handle: demo.handle, region_id: europe.id, fields: "id,+variants.sku" })
      const variantId = products[0].variants!.find((v) => v.sku === demoVariant.sku)!.id

      let { cart } = await sdk.store.cart.create({ region_id: europe.id, email: "shopper@example.com" })
      ;({ cart } = await sdk.store.cart.createLineItem(cart.id, { variant_id: variantId, quantity: 2 }))
      const address = demoCustomerAddress(0)
      ;({ cart } = await sdk.store.cart.update(cart.id, { shipping_address: address, billing_address: address }))

      const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cart.id })
      const standard = shipping_options.find((o) => o.type?.code === "standard")!
      expect(standard).toBeDefined()
      // Checkout turns these business days into arrival dates.
      expect(standard.data).toEqual({ delivery_days: { min: 2, max: 4 } })
      ;({ cart } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: standard.id }))

      await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })
      const completed = await sdk.store.cart.complete(cart.id)
      expect(completed.type).toBe("order")
      if (completed.type !== "order") return

      const expectedTotal = demoVariant.prices.eur * 2 + 5 // two items plus standard delivery in Europe (prices include VAT)
      expect(completed.order.currency_code).toBe("eur")
      expect(completed.order.total).toBeCloseTo(expectedTotal, 2)

      const container = getContainer()
      const orders = await container.resolve(Modules.ORDER).listOrders({ id: completed.order.id }, { relations: ["items"] })
      expect(orders).toHaveLength(1)
      expect(Number(orders[0].items![0].quantity)).toBe(2)
    })
  },
})
