import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { apiCaller, signInDemoAdmin, signInDemoCustomer } from "../helpers/api"
import { seedDemoShop } from "../helpers/demo-shop"
import { phonePhotoOf, solidJpeg } from "../helpers/images"
import { indexCatalogImages, startMlSidecar } from "../helpers/ml-sidecar"
import { multipartForm } from "../helpers/multipart"
import type { SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { VISUAL_MODULE } from "../../src/modules/visual"
import { WARDROBE_MODULE } from "../../src/modules/wardrobe"
import { DEMO_CUSTOMERS } from "../../src/scripts/demo-catalog/seed-people"
import type WardrobeModuleService from "../../src/modules/wardrobe/service"
import type VisualModuleService from "../../src/modules/visual/service"
import { PRODUCT_FACT_FIELDS } from "../../src/visual/visual-search"
import type { StoreVisualSearchResponse, VisualSearchItem } from "../../src/types/http/visual-search"

jest.setTimeout(600_000)

const PRODUCTS_PER_CATEGORY = 2
// This file searches more often than a shopper may in a minute; the limit itself has its own spec (rate-limit.spec.ts).
process.env.RATE_LIMIT_VISUAL_SEARCH_IP = "1000/1m"
process.env.RATE_LIMIT_VISUAL_SEARCH_SHOPPER = "1000/1m"

type Sidecar = Awaited<ReturnType<typeof startMlSidecar>>
type Variant = { id: string; size: string | null; inventory_item_id: string }
type Product = { id: string; title: string; category: string; images: { id: string; url: string }[]; variants: Variant[] }

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** A shopper's photo of a catalog product, as a phone would give it. */
const photoOf = (product: Product) => phonePhotoOf(product.images[0].url, 720)

/**
 * Search by photo and similar items through the Store API, with the real ML sidecar over a small
 * demo shop whose images are indexed: hard constraints (stock in the region, budget, size) never
 * broken, no product twice, the photographed product first, bad uploads and parameters refused with
 * messages, clicks counted, and a 503 within 2 s while the sidecar is down.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let sidecar: Sidecar
    let euRegionId: string
    let products: Product[] = []
    /** Every variant sold out in the EU warehouse. */
    let soldOut: Product
    /** Size M sold out in the EU warehouse, other sizes in stock. */
    let noM: Product
    /** In stock, untouched. */
    let target: Product
    const tokens: Record<"shopper", string> = { shopper: "" }
    const latencies: number[] = []
    /** Server-Timing of each search: milliseconds per stage. */
    const stages: Record<string, number[]> = {}

    const call = apiCaller(api, () => store.publishableKey, tokens)

    const search = async (photo: Buffer | null, fields: Record<string, string> = {}, who?: "shopper") => {
      const started = performance.now()
      const form = multipartForm({ region_id: euRegionId, ...fields }, photo ? [{ field: "image", bytes: photo, name: "photo.jpg" }] : [])
      const res = await call("post", "/store/visual-search", who, form)
      if (res.status === 200) {
        latencies.push(performance.now() - started)
        for (const part of String(res.headers["server-timing"] ?? "").split(",")) {
          const [stage, dur] = part.trim().split(";dur=")
          if (stage && dur) (stages[stage] ??= []).push(Number(dur))
        }
      }
      return res
    }

    /** The product cards of every item, checked for repeats within an item. */
    const expectNoRepeats = (items: VisualSearchItem[]) => {
      for (const item of items) {
        const ids = item.products.map((p) => p.product.id)
        expect(new Set(ids).size).toBe(ids.length)
      }
    }

    /** Stock of these variants in the EU warehouse, as a shopper of the EU region sees it (variantInStock there). */
    const euStockOf = async (productIds: string[]) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "product_variant",
        fields: ["id", "product_id", "options.value", "options.option.title", "inventory_items.inventory.location_levels.*"],
        filters: { product_id: productIds },
      })
      return data.map((v: any) => ({
        product_id: v.product_id as string,
        size: (v.options ?? []).find((o: any) => o?.option?.title === "Size")?.value as string,
        eu_available: (v.inventory_items ?? []).every((link: any) =>
          (link?.inventory?.location_levels ?? []).some(
            (level: any) =>
              level.location_id === store.locationIdsByWarehouse.eu && Number(level.stocked_quantity) - Number(level.reserved_quantity) > 0
          )
        ),
      }))
    }

    beforeAll(async () => {
      sidecar = await startMlSidecar()
      const container = getContainer()
      store = (await seedDemoShop(container, { productsPerCategory: PRODUCTS_PER_CATEGORY })).store
      euRegionId = store.regionIdsByCurrency.eur
      tokens.shopper = await signInDemoCustomer(api, 0)

      await indexCatalogImages(container)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)

      const { data: rows } = await query.graph({
        entity: "product",
        // The facts the search ranks by, read as it reads them, with the title and stock to set up cases.
        fields: [...PRODUCT_FACT_FIELDS, "title", "variants.inventory_items.inventory_item_id"],
      })
      products = rows.map((p: any) => ({
        id: p.id,
        title: p.title,
        category: p.categories[0].handle,
        images: p.images,
        variants: p.variants.map((v: any) => ({
          id: v.id,
          size: v.options.find((o: any) => o.option.title === "Size")?.value ?? null,
          inventory_item_id: v.inventory_items[0].inventory_item_id,
        })),
      }))
      // Three garments sold in apparel sizes: one sold out, one without M, one untouched (in the EU warehouse).
      // Each from another category, so every one of them still has a purchasable look-alike of its own kind.
      const apparel = products.filter((p) => p.variants.some((v) => v.size === "M")).sort((a, b) => a.title.localeCompare(b.title))
      soldOut = apparel[0]
      noM = apparel.find((p) => p.category !== soldOut.category)!
      target = apparel.find((p) => p.category !== soldOut.category && p.category !== noM.category)!
      const inventory = container.resolve(Modules.INVENTORY)
      const eu = store.locationIdsByWarehouse.eu
      const zero = (variants: Variant[]) => variants.map((v) => ({ inventory_item_id: v.inventory_item_id, location_id: eu, stocked_quantity: 0 }))
      await inventory.updateInventoryLevels([...zero(soldOut.variants), ...zero(noM.variants.filter((v) => v.size === "M"))])
    })

    afterAll(async () => {
      if (latencies.length) {
        console.log(
          `visual search latency over ${latencies.length} searches: p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms; ` +
            `p50 per stage: ${Object.entries(stages)
              .map(([stage, ms]) => `${stage} ${percentile(ms, 50)} ms`)
              .join(", ")}`
        )
      }
      await sidecar?.stop()
    })

    describe("POST /store/visual-search", () => {
      it("finds the photographed product first, with the photo's garment, and records the search", async () => {
        const res = await search(await photoOf(target))
        expect(res.status).toBe(200)
        const body = res.data as StoreVisualSearchResponse
        expect(body.currency_code).toBe("eur")
        expect(body.query_id).toMatch(/^vsrch_/)
        expect(body.items.length).toBeGreaterThanOrEqual(1)
        const [item] = body.items
        expect(item.box).toEqual({ x: expect.any(Number), y: expect.any(Number), width: expect.any(Number), height: expect.any(Number) })
        expect(item.category.handle).toBe(target.category)
        expect(item.colours.length).toBeGreaterThan(0)
        expect(item.products[0].product.id).toBe(target.id)
        expect(item.products[0]).toMatchObject({
          product: { title: target.title, in_stock: true, calculated_price: { currency_code: "eur" } },
          image_url: expect.stringMatching(/^http/),
          reasons: expect.arrayContaining(["same category and colour"]),
        })
        expect(item.products.length).toBeLessThanOrEqual(12)
        expectNoRepeats(body.items)

        const visual = getContainer().resolve<VisualModuleService>(VISUAL_MODULE)
        const [recorded] = await visual.listVisualSearches({ id: body.query_id })
        expect(recorded).toMatchObject({
          kind: "photo",
          region_id: euRegionId,
          customer_id: null,
          garment_found: true,
          item_count: body.items.length,
          result_count: body.items.reduce((n, i) => n + i.products.length, 0),
        })
        expect(recorded.purchasable_count).toBe(recorded.result_count)
        expect(recorded.latency_ms).toBeGreaterThan(0)
      })

      it("never shows a product the shopper cannot buy in their region, unless in_stock=false", async () => {
        const photo = await photoOf(soldOut)
        const inStock = (await search(photo)).data as StoreVisualSearchResponse
        const shown = inStock.items.flatMap((i) => i.products)
        expect(shown.length).toBeGreaterThan(0)
        expect(shown.map((p) => p.product.id)).not.toContain(soldOut.id)
        expect(shown.every((p) => p.product.in_stock && p.product.calculated_price)).toBe(true)
        // Checked against the stock itself, not the card: every product shown has a variant the EU warehouse can sell.
        const stock = await euStockOf([...new Set(shown.map((p) => p.product.id))])
        for (const id of new Set(shown.map((p) => p.product.id))) expect(stock.some((v) => v.product_id === id && v.eu_available)).toBe(true)

        const anyStock = (await search(photo, { in_stock: "false" })).data as StoreVisualSearchResponse
        expect(anyStock.items[0].products[0].product).toMatchObject({ id: soldOut.id, in_stock: false })
      })

      it("keeps to the budget in the region's currency", async () => {
        const photo = await photoOf(target)
        const all = (await search(photo, { limit: "48" })).data as StoreVisualSearchResponse
        const prices = all.items[0].products.map((p) => p.product.calculated_price!.calculated_amount).sort((a, b) => a - b)
        const [min, max] = [prices[Math.floor(prices.length / 4)], prices[Math.floor((prices.length * 3) / 4)]]
        expect(min).toBeLessThan(max)
        const res = await search(photo, { min_price: String(min), max_price: String(max), limit: "48" })
        expect(res.status).toBe(200)
        const shown = (res.data as StoreVisualSearchResponse).items.flatMap((i) => i.products)
        expect(shown.length).toBeGreaterThan(0)
        for (const p of shown) {
          expect(p.product.calculated_price!.calculated_amount).toBeGreaterThanOrEqual(min)
          expect(p.product.calculated_price!.calculated_amount).toBeLessThanOrEqual(max)
          expect(p.reasons).toContain("within your budget")
        }
        expectNoRepeats((res.data as StoreVisualSearchResponse).items)
        // Fewer than without the budget: the budget took some out.
        expect(shown.length).toBeLessThan(all.items.flatMap((i) => i.products).length)
      })

      it("shows only products with the shopper's size in stock, and says so when none is", async () => {
        const photo = await photoOf(noM)
        const sizeM = (await search(photo, { size: "M", limit: "48" })).data as StoreVisualSearchResponse
        const shown = sizeM.items.flatMap((i) => i.products)
        expect(shown.length).toBeGreaterThan(0)
        expect(shown.map((p) => p.product.id)).not.toContain(noM.id)
        const stock = await euStockOf([...new Set(shown.map((p) => p.product.id))])
        for (const p of shown) {
          expect(stock.some((v) => v.product_id === p.product.id && v.size === "M" && v.eu_available)).toBe(true)
          expect(p.reasons).toContain("in your size")
        }
        expect(sizeM.items.every((i) => !i.size_relaxed)).toBe(true)
        expect(sizeM.message).toBeUndefined()

        // A size of the photographed product that the EU warehouse has (in lower case: sizes match in any case).
        const size = (await euStockOf([noM.id])).find((v) => v.eu_available && v.size !== "M")!.size
        const inItsSize = (await search(photo, { size: size.toLowerCase() })).data as StoreVisualSearchResponse
        expect(inItsSize.items[0].products[0]).toMatchObject({ product: { id: noM.id }, reasons: expect.arrayContaining(["in your size"]) })

        // No product comes in this size: the closest ones in other sizes, still in stock, and a message saying so.
        const noSuchSize = (await search(photo, { size: "5XL" })).data as StoreVisualSearchResponse
        expect(noSuchSize.items[0].size_relaxed).toBe(true)
        expect(noSuchSize.message).toMatch(/nothing purchasable in your size/i)
        expect(noSuchSize.items[0].products.length).toBeGreaterThan(0)
        expect(noSuchSize.items[0].products.every((p) => p.product.in_stock && !p.reasons.includes("in your size"))).toBe(true)
      })

      it("weighs a signed-in shopper's searches and records who searched", async () => {
        const res = await search(await photoOf(target), {}, "shopper")
        expect(res.status).toBe(200)
        const visual = getContainer().resolve<VisualModuleService>(VISUAL_MODULE)
        const [recorded] = await visual.listVisualSearches({ id: res.data.query_id })
        expect(recorded.customer_id).toMatch(/^cus_/)
      })

      it("answers a photo without a garment with no items and a message", async () => {
        const res = await search(await solidJpeg(640, 480, "#d9d9d9"))
        expect(res.status).toBe(200)
        expect(res.data.items).toEqual([])
        expect(res.data.message).toMatch(/no garment/i)
        const visual = getContainer().resolve<VisualModuleService>(VISUAL_MODULE)
        const [recorded] = await visual.listVisualSearches({ id: res.data.query_id })
        expect(recorded).toMatchObject({ garment_found: false, item_count: 0, result_count: 0 })
      })

      it("refuses bad uploads and parameters with a 400 that names the problem", async () => {
        const photo = await photoOf(target)
        const cases: [Record<string, string>, Buffer | null, RegExp][] = [
          [{}, null, /"image"/],
          [{}, Buffer.from("just some text, not a photo at all"), /JPEG, PNG or WebP/],
          [{ limit: "49" }, photo, /limit.*48/],
          [{ limit: "0" }, photo, /limit/],
          [{ limit: "many" }, photo, /limit/],
          [{ min_price: "80", max_price: "20" }, photo, /min_price must not exceed max_price/],
          [{ min_price: "-1" }, photo, /min_price/],
          [{ in_stock: "maybe" }, photo, /in_stock/],
          [{ region_id: "reg_nowhere" }, photo, /reg_nowhere was not found/],
          [{ region_id: "", country_code: "zz" }, photo, /No region sells to country_code: zz/],
          [{ region_id: "" }, photo, /region_id or country_code is required/],
          [{ category: "spaceships" }, photo, /category "spaceships"/],
          [{ colour: "red" }, photo, /colour/],
        ]
        for (const [fields, file, message] of cases) {
          const res = await search(file, fields)
          expect({ fields, status: res.status, message: res.data.message }).toEqual({ fields, status: 400, message: expect.stringMatching(message) })
        }

        const tooBig = Buffer.concat([photo, Buffer.alloc(10 * 1024 * 1024)])
        const big = await search(tooBig)
        expect(big.status).toBe(400)
        expect(big.data.message).toMatch(/larger than 10 MB/)

        const json = await call("post", "/store/visual-search", undefined, { region_id: euRegionId })
        expect(json.status).toBe(400)
        expect(json.data.message).toMatch(/multipart\/form-data/)

        const twoPhotos = await call(
          "post",
          "/store/visual-search",
          undefined,
          multipartForm({ region_id: euRegionId }, [
            { field: "image", bytes: photo, name: "a.jpg" },
            { field: "image", bytes: photo, name: "b.jpg" },
          ])
        )
        expect(twoPhotos.status).toBe(400)
        expect(twoPhotos.data.message).toMatch(/one photo/)
      })

      it("takes a country instead of a region", async () => {
        const res = await search(await photoOf(target), { region_id: "", country_code: "FR" })
        expect(res.status).toBe(200)
        expect(res.data.currency_code).toBe("eur")
      })

      it("ranks by a product's facts as the merchant last edited them (its brand), though repeated searches read them from the catalog cache", async () => {
        const container = getContainer()
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data: customers } = await query.graph({ entity: "customer", fields: ["id"], filters: { email: DEMO_CUSTOMERS[0].email } })
        const brand = `Atelier Cache ${Date.now().toString(36)}`
        await container
          .resolve<WardrobeModuleService>(WARDROBE_MODULE)
          .createWardrobeItems({ customer_id: customers[0].id, name: "A coat I love", brand })
        const photo = await photoOf(target)
        const targetReasons = async () => {
          const res = await search(photo, {}, "shopper")
          expect(res.status).toBe(200)
          const found = (res.data as StoreVisualSearchResponse).items[0].products.find((p) => p.product.id === target.id)
          expect(found).toBeDefined()
          return found!.reasons
        }
        // Twice, so that the second answer's facts come from the cache.
        expect(await targetReasons()).not.toContain("a brand you like")
        expect(await targetReasons()).not.toContain("a brand you like")

        const { data: rows } = await query.graph({ entity: "product", fields: ["metadata"], filters: { id: target.id } })
        const admin = await signInDemoAdmin(api)
        const edited = await api.post(
          `/admin/products/${target.id}`,
          { metadata: { ...(rows[0].metadata ?? {}), brand } },
          { headers: { authorization: `Bearer ${admin}` }, validateStatus: () => true }
        )
        expect([edited.status, edited.data.message]).toEqual([200, undefined])
        // The edit's event clears the cached facts (Medusa's event bus delivers it just after the response).
        const editedAt = Date.now()
        let reasons = await targetReasons()
        while (!reasons.includes("a brand you like") && Date.now() - editedAt < 1000) reasons = await targetReasons()
        expect(reasons).toContain("a brand you like")
      })
    })

    describe("POST /store/visual-search/:id/clicks", () => {
      it("counts a click on a result", async () => {
        const { query_id, items } = (await search(await photoOf(target))).data as StoreVisualSearchResponse
        const res = await call("post", `/store/visual-search/${query_id}/clicks`, undefined, {
          product_id: items[0].products[0].product.id,
          position: 0,
        })
        expect(res.status).toBe(201)
        expect(res.data.click.id).toMatch(/^vclk_/)
        const visual = getContainer().resolve<VisualModuleService>(VISUAL_MODULE)
        const clicks = await visual.listVisualSearchClicks({ search_id: query_id })
        expect(clicks).toEqual([expect.objectContaining({ product_id: target.id, position: 0 })])

        expect((await call("post", "/store/visual-search/vsrch_unknown/clicks", undefined, { product_id: target.id, position: 0 })).status).toBe(404)
        const bad = await call("post", `/store/visual-search/${query_id}/clicks`, undefined, { product_id: target.id, position: -1 })
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/position/)
      })
    })

    describe("GET /store/products/:id/similar", () => {
      it("answers other products that look alike and can be bought in the region", async () => {
        const res = await call("get", `/store/products/${noM.id}/similar?region_id=${euRegionId}&limit=48`)
        expect(res.status).toBe(200)
        const ids = res.data.products.map((p: any) => p.product.id)
        expect(ids.length).toBeGreaterThan(0)
        expect(ids).not.toContain(noM.id)
        expect(ids).not.toContain(soldOut.id)
        expect(new Set(ids).size).toBe(ids.length)
        for (const p of res.data.products) {
          expect(p.product).toMatchObject({ in_stock: true, calculated_price: { currency_code: "eur" } })
          expect(p.score).toBeGreaterThan(0)
          expect(Array.isArray(p.reasons)).toBe(true)
        }
        const stock = await euStockOf(ids)
        for (const id of ids) expect(stock.some((v) => v.product_id === id && v.eu_available)).toBe(true)
        // The closest look-alikes share the category.
        const sameCategory = products.filter((p) => p.category === noM.category && p.id !== noM.id && p.id !== soldOut.id).map((p) => p.id)
        expect(sameCategory).toContain(ids[0])
        expect(res.data.query_id).toMatch(/^vsrch_/)

        expect((await call("get", `/store/products/${noM.id}/similar?region_id=${euRegionId}&limit=2`)).data.products).toHaveLength(2)
        expect((await call("get", `/store/products/prod_unknown/similar?region_id=${euRegionId}`)).status).toBe(404)
        const noRegion = await call("get", `/store/products/${noM.id}/similar`)
        expect(noRegion.status).toBe(400)
        expect(noRegion.data.message).toMatch(/region_id or country_code is required/)
        expect((await call("get", `/store/products/${noM.id}/similar?region_id=${euRegionId}&limit=49`)).status).toBe(400)
      })
    })

    describe("the sidecar down", () => {
      it("answers 503 at once (no wait for a timeout), and the rest of the shop keeps working", async () => {
        const photo = await photoOf(target)
        const { query_id } = (await search(photo)).data as StoreVisualSearchResponse
        await sidecar.stop({ keepData: true })
        try {
          for (const request of [() => search(photo), () => call("get", `/store/products/${target.id}/similar?region_id=${euRegionId}`)]) {
            const started = performance.now()
            const res = await request()
            // Far below the client's 10 s timeout: it never waited on the absent sidecar (bench/visual-search times it).
            expect(performance.now() - started).toBeLessThan(8_000)
            expect(res.status).toBe(503)
            expect(res.data).toEqual({ type: "unavailable", message: expect.stringMatching(/unavailable/) })
          }
          const catalog = await call("get", `/store/products?region_id=${euRegionId}&limit=3`)
          expect(catalog.status).toBe(200)
          expect(catalog.data.products).toHaveLength(3)
          const clicks = await call("post", `/store/visual-search/${query_id}/clicks`, undefined, { product_id: target.id, position: 1 })
          expect(clicks.status).toBe(201)
        } finally {
          await sidecar.start()
        }
        // Back with its index: searches work again (the client's short "down" pause has passed by then).
        const res = await search(photo)
        expect(res.status).toBe(200)
        expect(res.data.items[0].products[0].product.id).toBe(target.id)
      })
    })
  },
})
