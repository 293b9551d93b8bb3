import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { apiCaller } from "../helpers/api"
import { seedDemoShop } from "../helpers/demo-shop"
import { indexCatalogImages, MlSidecarProcess, settleIndexingRuns, startMlSidecar } from "../helpers/ml-sidecar"
import type { SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { VISUAL_MODULE } from "../../src/modules/visual"
import type VisualModuleService from "../../src/modules/visual/service"
import { loadRecommendationCatalog } from "../../src/recommendation-catalog/catalog"
import { resolveShopperContext } from "../../src/shopper/context"
import { mlSidecar } from "../../src/visual/ml-sidecar-client"

jest.setTimeout(600_000)

const PRODUCTS_PER_CATEGORY = 1

/**
 * The recommender's visual part with the real ML sidecar: once a demo shop's images are indexed, the catalog
 * the recommender scores carries each product's embedding (unit length) read from the sidecar in bulk, and
 * asks the sidecar only once for images it already knows; with the sidecar down recommendations still answer.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let sidecar: MlSidecarProcess
    let indexedProducts: Set<string>
    const call = apiCaller(api, () => store.publishableKey, {})

    const catalogOf = async (currency: string) => {
      const shopper = await resolveShopperContext(getContainer(), {
        region_id: store.regionIdsByCurrency[currency],
        sales_channel_ids: [store.salesChannelId],
      })
      return loadRecommendationCatalog(getContainer(), shopper!)
    }

    /** Bulk embedding reads the sidecar has answered (its own request metrics). */
    const bulkReads = async () => {
      const text = await (await fetch(`${sidecar.url}/metrics`)).text()
      return text
        .split("\n")
        .filter((line) => line.startsWith("ml_sidecar_http_request_duration_seconds_count{") && line.includes('route="/v1/images/embeddings"'))
        .reduce((sum, line) => sum + Number(line.split(" ").pop()), 0)
    }

    beforeAll(async () => {
      sidecar = await startMlSidecar()
      const container = getContainer()
      store = (await seedDemoShop(container, { productsPerCategory: PRODUCTS_PER_CATEGORY })).store
      // The images in the sidecar and the visual module's rows saying so, as the index workflow leaves them.
      const indexed = await indexCatalogImages(container)
      // The seed's product events started indexing runs of their own: once they are done, none overwrites the rows set below.
      const withImages = indexed.filter((p) => p.images.length)
      await settleIndexingRuns(
        container,
        withImages.map((p) => p.row.id),
        withImages.reduce((n, p) => n + p.images.length, 0)
      )
      const { model_version } = await mlSidecar().health()
      const visual = container.resolve<VisualModuleService>(VISUAL_MODULE)
      for (const { row, images } of indexed) {
        if (!images.length) continue
        await visual.syncProductImages(
          row.id,
          images.map((i) => ({ image_id: i.image_id, url: i.url }))
        )
        for (const image of images) await visual.recordIndexed(image.image_id, model_version)
      }
      indexedProducts = new Set(indexed.filter((p) => p.images.length).map((p) => p.row.id))
      // The first build waits for the sidecar's answer here (in the shop it waits 1 s at most and fills the cache meanwhile).
      process.env.RECOMMENDATION_EMBEDDINGS_WAIT_MS = "60000"
    })

    afterAll(async () => {
      delete process.env.RECOMMENDATION_EMBEDDINGS_WAIT_MS
      await sidecar?.stop()
    })

    it("catalog items carry their product's visual embedding, unit length, read from the sidecar once", async () => {
      expect(indexedProducts.size).toBeGreaterThan(5)
      const eur = await catalogOf("eur")
      const embedded = eur.items.filter((item) => item.embedding)
      expect(embedded.length).toBeGreaterThan(5)
      for (const item of eur.items) expect([item.product_id, !!item.embedding]).toEqual([item.product_id, indexedProducts.has(item.product_id)])
      for (const item of embedded) {
        expect(item.embedding!.length).toBeGreaterThan(0)
        const norm = Math.sqrt(Array.from(item.embedding!).reduce((s, x) => s + x * x, 0))
        expect(norm).toBeCloseTo(1, 4)
      }
      // Different products look different.
      expect(Array.from(embedded[0].embedding!)).not.toEqual(Array.from(embedded[1].embedding!))
      const reads = await bulkReads()
      expect(reads).toBeGreaterThanOrEqual(1)

      // Another shopper context builds its own catalog: the same vectors, without asking the sidecar again.
      const usd = await catalogOf("usd")
      const eurById = new Map(embedded.map((i) => [i.product_id, i.embedding]))
      const usdEmbedded = usd.items.filter((item) => item.embedding)
      expect(usdEmbedded.length).toBe(embedded.length)
      for (const item of usdEmbedded) expect(Array.from(item.embedding!)).toEqual(Array.from(eurById.get(item.product_id)!))
      expect(await bulkReads()).toBe(reads)
    })

    it("with the sidecar down, recommendations still answer (known vectors kept)", async () => {
      // An image indexed since the last build, whose vector this process does not know: the build must ask for it.
      const visual = getContainer().resolve<VisualModuleService>(VISUAL_MODULE)
      const [productId] = [...indexedProducts]
      const rows = await visual.listVisualImages({ product_id: productId })
      const added = `${rows[0].image_id}_added`
      const images = [...rows.map((r) => ({ image_id: r.image_id, url: r.image_url })), { image_id: added, url: rows[0].image_url }]
      await visual.syncProductImages(productId, images)
      await visual.recordIndexed(added, rows[0].model_version!)
      await sidecar.stop({ keepData: true })
      try {
        // A context not built yet: its catalog is read now, while the sidecar cannot be reached.
        const r = await call("get", `/store/recommendations?region_id=${store.regionIdsByCurrency.gbp}&sizes=tops:M,trousers:M,shoes:39&limit=10`)
        expect(r.status).toBe(200)
        expect(r.data.recommendations.length).toBeGreaterThan(0)
        const gbp = await catalogOf("gbp")
        // The product of the unknown image keeps the vectors known of its other images.
        expect(gbp.items.filter((item) => item.embedding).length).toBe(indexedProducts.size)
        expect(gbp.items.find((item) => item.product_id === productId)?.embedding?.length).toBeGreaterThan(0)
      } finally {
        await sidecar.start()
      }
    })
  },
})
