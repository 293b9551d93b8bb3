import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createProductCategoriesWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { waitForSearchIndex } from "../helpers/search"

jest.setTimeout(300_000)

type SearchHit = { title: string; handle: string }
type Suggestion = { type: "category" | "product"; label: string; handle: string }

/**
 * GET /store/product-search with the shopper's words ("jumper" for a sweater, "tshirt" for a
 * T-shirt) and GET /store/product-search/suggestions as the shopper types.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const storeHeaders = () => ({ headers: { "x-publishable-api-key": store.publishableKey } })
    const TITLES = [
      "Roll-Neck Sweater",
      "Organic Cotton T-Shirt",
      "Oxford Shirt",
      "Linen Shirt",
      "Wide-Leg Trousers",
      "Running Sneakers",
      "Zip Hooded Sweatshirt",
      "Recycled Knit Loafers",
    ]

    const search = async (q: string) => {
      const { data } = await api.get(`/store/product-search?q=${encodeURIComponent(q)}&country_code=de`, storeHeaders())
      return { titles: (data.products as SearchHit[]).map((p) => p.title).sort(), corrected: data.corrected_query as string | undefined }
    }

    beforeAll(async () => {
      const container = getContainer()
      store = await seedStore(container)
      const {
        result: [knitwear],
      } = await createProductCategoriesWorkflow(container).run({
        input: { product_categories: [{ name: "Knitwear", handle: "search-knitwear", is_active: true }] },
      })
      await createProductsWorkflow(container).run({
        input: {
          products: TITLES.map((title) => ({
            title,
            status: "published" as const,
            shipping_profile_id: store.shippingProfileId,
            sales_channels: [{ id: store.salesChannelId }],
            ...(title.includes("Sweater") ? { category_ids: [knitwear.id] } : {}),
            options: [{ title: "Size", values: ["M"] }],
            variants: [
              {
                title: "M",
                options: { Size: "M" },
                manage_inventory: false,
                prices: [
                  { currency_code: "eur", amount: 40 },
                  { currency_code: "usd", amount: 45 },
                ],
              },
            ],
          })),
        },
      })
      await waitForSearchIndex(api, store.publishableKey, TITLES.length)
    })

    it("finds the sweater for 'jumper', 'pullover' and 'knitwear', and not the knit loafers", async () => {
      for (const q of ["sweater", "jumper", "jumpers", "pullover", "knitwear"]) expect((await search(q)).titles).toEqual(["Roll-Neck Sweater"])
    })

    it("finds the hooded sweatshirt for 'hoodie' and 'hoodies'", async () => {
      for (const q of ["hoodie", "hoodies"]) expect((await search(q)).titles).toEqual(["Zip Hooded Sweatshirt"])
    })

    it("finds the T-shirt for 'tshirt' and 'tee', not the shirts", async () => {
      expect(await search("tshirt")).toEqual({ titles: ["Organic Cotton T-Shirt"], corrected: undefined })
      expect((await search("tee")).titles).toEqual(["Organic Cotton T-Shirt"])
      // Misspelt, it is corrected to the T-shirt rather than to "shirt".
      expect(await search("tshirts cotton")).toMatchObject({ titles: ["Organic Cotton T-Shirt"] })
      expect(await search("tshrt")).toEqual({ titles: ["Organic Cotton T-Shirt"], corrected: "tshirt" })
    })

    it("finds trousers for 'pants' and sneakers for 'trainers'", async () => {
      expect((await search("pants")).titles).toEqual(["Wide-Leg Trousers"])
      expect((await search("trainers")).titles).toEqual(["Running Sneakers"])
    })

    it("searches a hyphenated word typed without its hyphen as the catalog writes it", async () => {
      expect(await search("wideleg")).toEqual({ titles: ["Wide-Leg Trousers"], corrected: "wide-leg" })
    })

    it("suggests categories and products as the shopper types", async () => {
      const { data } = await api.get("/store/product-search/suggestions?q=kni&limit=5", storeHeaders())
      // The category first, then the products that match: the sweater (its category) and the knit loafers (their title).
      expect(data.suggestions[0]).toEqual({ type: "category", label: "Knitwear", handle: "search-knitwear" })
      expect((data.suggestions as Suggestion[]).slice(1).sort((a, b) => a.label.localeCompare(b.label))).toEqual([
        expect.objectContaining({ type: "product", label: "Recycled Knit Loafers", handle: "recycled-knit-loafers" }),
        expect.objectContaining({ type: "product", label: "Roll-Neck Sweater", handle: "roll-neck-sweater" }),
      ])
      const { data: shirts } = await api.get("/store/product-search/suggestions?q=linen%20sh", storeHeaders())
      expect((shirts.suggestions as Suggestion[]).map((s) => s.label)).toEqual(["Linen Shirt"])
      const { data: few } = await api.get("/store/product-search/suggestions?q=sh&limit=1", storeHeaders())
      expect(few.suggestions).toHaveLength(1)
      const { data: none } = await api.get("/store/product-search/suggestions?q=zzzz", storeHeaders())
      expect(none.suggestions).toEqual([])
    })

    it("answers 400 naming the problem for bad suggestion parameters", async () => {
      for (const [query, message] of [
        ["", /'q' is required/],
        ["q=", /'q'/],
        [`q=${"a".repeat(101)}`, /'q'/],
        ["q=dress&limit=0", /limit/],
        ["q=dress&limit=500", /limit/],
        ["q=dress&colour=Navy", /colour/],
      ] as const) {
        const error = await api.get(`/store/product-search/suggestions?${query}`, storeHeaders()).catch((e: { response: unknown }) => e.response)
        expect(error).toMatchObject({ status: 400, data: { type: "invalid_data", message: expect.stringMatching(message) } })
      }
    })
  },
})
