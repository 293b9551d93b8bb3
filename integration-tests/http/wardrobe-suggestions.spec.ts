import sharp from "sharp"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { WARDROBE_MODULE } from "../../src/modules/wardrobe"
import type WardrobeModuleService from "../../src/modules/wardrobe/service"
import { renderGarmentSvg } from "../../src/scripts/demo-catalog/render-garment"
import type { SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import type { StoreSocialTagSuggestionsResponse } from "../../src/types/http/social"
import type { StoreWardrobePhotoSuggestionsResponse } from "../../src/types/http/wardrobe"
import { mlSidecar } from "../../src/visual/ml-sidecar-client"
import type { IndexedProductSource } from "../../src/workflows/visual/product-images"
import { apiCaller, signInDemoCustomer } from "../helpers/api"
import { seedDemoShop } from "../helpers/demo-shop"
import { phonePhotoOf } from "../helpers/images"
import { indexCatalogImages, startMlSidecar, whileSidecarUnreachable } from "../helpers/ml-sidecar"
import { multipartForm } from "../helpers/multipart"

jest.setTimeout(600_000)

type Product = { id: string; title: string; category: string; colours: string[]; imageUrl: string }

/** A shopper's own photo of a catalog garment, as a phone would give it. */
const photoOf = (product: Product) => phonePhotoOf(product.imageUrl, 540)

/**
 * Suggestions from a shopper's own photo (issue #15 §4), with the real ML sidecar over a small demo
 * catalog whose images are indexed: a wardrobe item's category, colours and matching products
 * (POST /store/wardrobe/photo-suggestions), and product tags for a new post
 * (POST /store/social/tag-suggestions). Bad uploads are refused with a message, anonymous callers
 * get 401, the sidecar down is a 503, and nothing is stored.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let sidecar: Awaited<ReturnType<typeof startMlSidecar>>
    let euRegionId = ""
    const products: Product[] = []
    const tokens: Record<"shopper", string> = { shopper: "" }
    const call = apiCaller(api, () => store.publishableKey, tokens)

    const upload = (
      route: string,
      photo: Buffer | null,
      who?: "shopper",
      fields: Record<string, string> = { region_id: euRegionId },
      type?: string
    ) => call("post", route, who, multipartForm(fields, photo ? [{ field: "image", bytes: photo, name: "photo.jpg", type }] : []))
    const wardrobe = (photo: Buffer | null, who?: "shopper", fields?: Record<string, string>) =>
      upload("/store/wardrobe/photo-suggestions", photo, who, fields)
    const tagSuggestions = (photo: Buffer | null, who?: "shopper", fields?: Record<string, string>) =>
      upload("/store/social/tag-suggestions", photo, who, fields)

    beforeAll(async () => {
      sidecar = await startMlSidecar()
      const container = getContainer()
      store = (await seedDemoShop(container, { productsPerCategory: 1 })).store
      euRegionId = store.regionIdsByCurrency.eur
      tokens.shopper = await signInDemoCustomer(api, 0)

      for (const { row, images } of await indexCatalogImages<IndexedProductSource & { title: string }>(container, ["title"])) {
        if (images[0]) {
          const { metadata, url } = images[0]
          products.push({ id: row.id, title: row.title, category: metadata.category!, colours: metadata.colours, imageUrl: url })
        }
      }
    })

    afterAll(async () => {
      await sidecar?.stop()
    })

    describe("POST /store/wardrobe/photo-suggestions", () => {
      it("suggests the category and colours of a catalog garment's photo, and the garment itself, storing nothing", async () => {
        const service = getContainer().resolve<WardrobeModuleService>(WARDROBE_MODULE)
        const itemsBefore = await service.listWardrobeItems({}, { select: ["id"], take: null })
        const right: string[] = []
        // Garments of several categories: tops, trousers, shoes and bags look nothing alike.
        const targets = ["tops", "trousers", "shoes", "bags"].map((handle) => products.find((p) => p.category === handle)!)
        for (const target of targets) {
          const res = await wardrobe(await photoOf(target), "shopper")
          expect(res.status).toBe(200)
          const body = res.data as StoreWardrobePhotoSuggestionsResponse
          expect(body.category).toBe(target.category)
          expect(body.category_confidence).toBeGreaterThan(0)
          expect(body.colours.length).toBeGreaterThan(0)
          expect(body.colours.some((c) => target.colours.includes(c))).toBe(true)
          expect(body.products[0].product.id).toBe(target.id)
          expect(body.products[0].product.calculated_price?.currency_code).toBe("eur")
          expect(new Set(body.products.map((p) => p.product.id)).size).toBe(body.products.length)
          expect(body.products.length).toBeLessThanOrEqual(6)
          right.push(target.category)
        }
        expect(right).toHaveLength(targets.length)
        expect(await service.listWardrobeItems({}, { select: ["id"], take: null })).toHaveLength(itemsBefore.length)
      })

      it("says so when the photo shows no garment", async () => {
        const blank = await sharp({ create: { width: 400, height: 500, channels: 3, background: "#f3efe9" } })
          .jpeg()
          .toBuffer()
        const res = await wardrobe(blank, "shopper")
        expect(res.status).toBe(200)
        expect(res.data).toMatchObject({ category: null, colours: [], products: [], message: expect.stringMatching(/no garment/i) })
      })

      it("refuses bad uploads and parameters with a message, and anonymous callers", async () => {
        const photo = await photoOf(products[0])
        const notAnImage = await call(
          "post",
          "/store/wardrobe/photo-suggestions",
          "shopper",
          multipartForm({ region_id: euRegionId }, [{ field: "image", bytes: Buffer.from("not a photo at all"), name: "photo.jpg" }])
        )
        expect(notAnImage.status).toBe(400)
        expect(notAnImage.data.message).toMatch(/JPEG, PNG or WebP/)
        const truncated = await wardrobe(photo.subarray(0, 200), "shopper")
        expect(truncated.status).toBe(400)
        expect(truncated.data.message).toMatch(/damaged or truncated|could not be read/)
        const none = await wardrobe(null, "shopper")
        expect(none.status).toBe(400)
        expect(none.data.message).toMatch(/"image"/)
        const noRegion = await wardrobe(photo, "shopper", {})
        expect(noRegion.status).toBe(400)
        expect(noRegion.data.message).toMatch(/region_id or country_code/)
        const json = await call("post", "/store/wardrobe/photo-suggestions", "shopper", { region_id: euRegionId })
        expect(json.status).toBe(400)
        expect((await wardrobe(photo)).status).toBe(401)
      })

      it("answers 503 at once (no wait for a timeout) while the sidecar is down", async () => {
        const photo = await photoOf(products[0])
        await whileSidecarUnreachable(async () => {
          const started = performance.now()
          const res = await wardrobe(photo, "shopper")
          expect(res.status).toBe(503)
          expect(res.data).toMatchObject({ type: "unavailable", message: expect.any(String) })
          // Far below the client's 10 s timeout: it never waited on the absent sidecar.
          expect(performance.now() - started).toBeLessThan(8_000)
          expect((await tagSuggestions(photo, "shopper")).status).toBe(503)
        })
      })
    })

    describe("POST /store/social/tag-suggestions", () => {
      it("suggests the photographed product first, pinned on its garment, and only published products of the key's sales channel", async () => {
        const target = products.find((p) => p.category === "dresses")!
        // An unpublished look-alike, indexed as the indexer would not: the route must still never suggest it.
        const container = getContainer()
        const lookAlike = await sharp(
          Buffer.from(renderGarmentSvg({ shape: "dress", colourHex: "#1b1b1d", pattern: "solid", view: "front", variationSeed: 2 }))
        )
          .jpeg()
          .toBuffer()
        const {
          result: [draft],
        } = await createProductsWorkflow(container).run({
          input: {
            products: [
              {
                title: "Unreleased dress",
                status: "draft",
                sales_channels: [{ id: store.salesChannelId }],
                options: [{ title: "Size", values: ["M"] }],
                variants: [{ title: "M", options: { Size: "M" }, prices: [{ amount: 50, currency_code: "eur" }] }],
              },
            ],
          },
        })
        await mlSidecar().putImage(`draft-${draft.id}`, lookAlike, {
          kind: "product",
          product_id: draft.id,
          variant_ids: [],
          category: "dresses",
          colours: [],
        })

        const photo = await photoOf(target)
        // The sidecar itself finds the draft among the photo's look-alikes...
        const described = await mlSidecar().describe(photo, { k: 50, filter: { kind: "product" } })
        expect(described.items.flatMap((i) => i.hits ?? []).map((h) => h.metadata.product_id)).toContain(draft.id)

        const res = await tagSuggestions(photo, "shopper", { region_id: euRegionId, limit: "20" })
        expect(res.status).toBe(200)
        const { suggestions } = res.data as StoreSocialTagSuggestionsResponse
        expect(suggestions[0]).toMatchObject({ product: { id: target.id }, category: "dresses", reasons: expect.any(Array) })
        for (const s of suggestions) {
          expect(s.x).toBeGreaterThanOrEqual(0)
          expect(s.x).toBeLessThanOrEqual(1)
          expect(s.y).toBeGreaterThanOrEqual(0)
          expect(s.y).toBeLessThanOrEqual(1)
        }
        // ...the route does not suggest it.
        const ids = suggestions.map((s) => s.product.id)
        expect(ids).not.toContain(draft.id)
        expect(new Set(ids).size).toBe(ids.length)
        expect(ids.every((id) => products.some((p) => p.id === id))).toBe(true)

        // A suggested tag is one the post accepts.
        const post = await call(
          "post",
          "/store/social/posts",
          "shopper",
          multipartForm(
            { caption: "Tagged from suggestions", tags: JSON.stringify([{ product_id: target.id, x: suggestions[0].x, y: suggestions[0].y }]) },
            [{ field: "photos", bytes: photo, name: "look.jpg" }]
          )
        )
        expect(post.status).toBe(201)
        expect(post.data.post.tags[0].product_id).toBe(target.id)
      })

      it("needs a signed-in customer and a photo", async () => {
        const photo = await photoOf(products[0])
        expect((await tagSuggestions(photo)).status).toBe(401)
        const none = await tagSuggestions(null, "shopper")
        expect(none.status).toBe(400)
        expect(none.data.message).toMatch(/"image"/)
      })
    })
  },
})
