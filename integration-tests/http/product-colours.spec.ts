import Medusa from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { updateProductVariantsWorkflow } from "@medusajs/medusa/core-flows"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { seedCatalog } from "../../src/scripts/demo-catalog/seed-catalog"
import { DemoProduct } from "../../src/scripts/demo-catalog/generate-catalog"
import { waitForSearchIndex } from "../helpers/search"

jest.setTimeout(300_000)

const PRODUCTS_PER_CATEGORY = 2

type StoreVariant = {
  id: string
  sku: string
  thumbnail: string | null
  images?: { url: string }[]
  options?: { value: string; option_id: string }[]
}
type StoreProduct = {
  id: string
  handle: string
  thumbnail: string | null
  images: { url: string; rank: number }[]
  options: { id: string; title: string }[]
  variants: StoreVariant[]
}

/**
 * Images belong to colours (Medusa variant images, and each variant's thumbnail its colour's
 * front photo): the demo seed records it, search cards of a colour-filtered listing show that
 * colour, and a cart line shows the colour bought.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let catalog: DemoProduct[]
    const storeHeaders = () => ({ headers: { "x-publishable-api-key": store.publishableKey } })

    /** Demo products with photos of two colours (the second colour is not the product's thumbnail). */
    const twoColour = () => catalog.filter((p) => new Set(p.images.map((i) => i.colour.name)).size > 1)

    async function storeProduct(handle: string): Promise<StoreProduct> {
      const fields = "id,handle,thumbnail,*images,*options,+variants.thumbnail,+variants.sku,*variants.images,*variants.options"
      const { data } = await api.get(`/store/products?handle=${handle}&fields=${encodeURIComponent(fields)}`, storeHeaders())
      return data.products[0]
    }

    /** The URL the seed uploaded for each of the demo product's photos, in the catalog's order. */
    const photoUrls = (product: StoreProduct) =>
      product.images
        .slice()
        .sort((a, b) => a.rank - b.rank)
        .map((i) => i.url)
    const colourOf = (product: StoreProduct, v: StoreVariant) => {
      const colourOption = product.options.find((o) => o.title === "Colour")?.id
      return v.options?.find((o) => o.option_id === colourOption)?.value
    }

    /** What the seed should record for a colour: its photos, and its front photo (else its first) as thumbnail. */
    function expectedFor(demo: DemoProduct, product: StoreProduct, colour: string) {
      const urls = photoUrls(product)
      const own = demo.images.map((image, i) => ({ ...image, url: urls[i] })).filter((image) => image.colour.name === colour)
      return { urls: own.map((i) => i.url).sort(), thumbnail: (own.find((i) => i.view === "front") ?? own[0])?.url ?? null }
    }

    beforeAll(async () => {
      const container = getContainer()
      store = await seedStore(container)
      catalog = await seedCatalog(container, store, { productsPerCategory: PRODUCTS_PER_CATEGORY })
      await waitForSearchIndex(api, store.publishableKey, catalog.length)
    })

    it("seeds each photo as its colour's: the colour's variants list it, and show its front photo as thumbnail", async () => {
      expect(twoColour().length).toBeGreaterThan(0)
      for (const demo of twoColour()) {
        const product = await storeProduct(demo.handle)
        expect(product.images).toHaveLength(demo.images.length)
        for (const variant of product.variants) {
          const expected = expectedFor(demo, product, colourOf(product, variant)!)
          expect({ sku: variant.sku, thumbnail: variant.thumbnail }).toEqual({ sku: variant.sku, thumbnail: expected.thumbnail })
          if (expected.urls.length) expect((variant.images ?? []).map((i) => i.url).sort()).toEqual(expected.urls)
        }
        const second = demo.images.find((i) => i.colour.name !== demo.images[0].colour.name)!.colour.name
        expect(expectedFor(demo, product, second).thumbnail).not.toBe(product.thumbnail)
      }
    })

    it("shows a colour-filtered listing's cards in that colour, and an unfiltered one in the product's thumbnail", async () => {
      const demo = twoColour()[0]
      const product = await storeProduct(demo.handle)
      const second = demo.images.find((i) => i.colour.name !== demo.images[0].colour.name)!.colour.name
      const { data } = await api.get(`/store/product-search?colour=${encodeURIComponent(second)}&limit=100`, storeHeaders())
      const hit = data.products.find((p: { id: string }) => p.id === product.id)
      expect(hit.thumbnail).toBe(expectedFor(demo, product, second).thumbnail)

      const { data: unfiltered } = await api.get(`/store/product-search?q=${encodeURIComponent(demo.title)}&limit=100`, storeHeaders())
      expect(unfiltered.products.find((p: { id: string }) => p.id === product.id).thumbnail).toBe(product.thumbnail)
    })

    it("puts the chosen colour's photo on the cart line", async () => {
      const demo = twoColour()[0]
      const product = await storeProduct(demo.handle)
      const second = demo.images.find((i) => i.colour.name !== demo.images[0].colour.name)!.colour.name
      const sku = demo.variants.find((v) => v.colour.name === second && v.stock.eu > 0)!.sku
      const variant = product.variants.find((v) => v.sku === sku)!
      const sdk = new Medusa({ baseUrl: api.defaults.baseURL, publishableKey: store.publishableKey })
      const { regions } = await sdk.store.region.list()
      const { cart } = await sdk.store.cart.create({ region_id: regions.find((r) => r.currency_code === "eur")!.id })
      const { cart: withLine } = await sdk.store.cart.createLineItem(cart.id, { variant_id: variant.id, quantity: 1 })
      expect(withLine.items![0].thumbnail).toBe(expectedFor(demo, product, second).thumbnail)
      expect(withLine.items![0].thumbnail).not.toBe(product.thumbnail)
    })

    it("records the colours on products an earlier seed created without them, and seeding again changes nothing", async () => {
      const container = getContainer()
      const productService = container.resolve(Modules.PRODUCT)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const demo = twoColour()[0]
      const before = await storeProduct(demo.handle)

      // As an earlier seed left it: no variant images, no variant thumbnails.
      const { data: images } = await query.graph({ entity: "product", fields: ["images.id", "images.variants.id"], filters: { id: before.id } })
      const links = (images[0].images ?? []).flatMap((i: any) => (i.variants ?? []).map((v: any) => ({ image_id: i.id, variant_id: v.id })))
      expect(links.length).toBeGreaterThan(0)
      await productService.removeImageFromVariant(links)
      await updateProductVariantsWorkflow(container).run({
        input: { product_variants: before.variants.map((v) => ({ id: v.id, thumbnail: null })) },
      })
      expect((await storeProduct(demo.handle)).variants.every((v) => !v.thumbnail)).toBe(true)

      await seedCatalog(container, store, { productsPerCategory: PRODUCTS_PER_CATEGORY })
      const restored = await storeProduct(demo.handle)
      const pictures = (p: StoreProduct) => p.variants.map((v) => [v.id, v.thumbnail, (v.images ?? []).map((i) => i.url).sort()]).sort()
      expect(pictures(restored)).toEqual(pictures(before))

      await seedCatalog(container, store, { productsPerCategory: PRODUCTS_PER_CATEGORY })
      expect(pictures(await storeProduct(demo.handle))).toEqual(pictures(before))
      const { data: again } = await query.graph({ entity: "product", fields: ["images.variants.id"], filters: { id: before.id } })
      expect((again[0].images ?? []).flatMap((i: any) => i.variants ?? [])).toHaveLength(links.length)
    })
  },
})
