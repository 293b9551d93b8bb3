import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { apiCaller, signInDemoAdmin, signInDemoCustomer } from "../helpers/api"
import { seedDemoShop } from "../helpers/demo-shop"
import type { SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { seedSizeCharts } from "../../src/scripts/demo-catalog/seed-size-charts"
import { DEMO_CUSTOMERS } from "../../src/scripts/demo-catalog/seed-people"
import { buildModules } from "../../src/config/modules"

jest.setTimeout(300_000)

type ProductRow = {
  id: string
  handle: string
  metadata: Record<string, unknown> | null
  categories: { handle: string }[]
  options: { id: string; title: string }[]
  variants: { id: string; options: { value: string; option_id: string }[] }[]
}

/**
 * GET /store/products/:id/size-advice: the seeded charts (per category, Kestrel cut small), query
 * measurements → the size, its variant in the chosen colour and the availability route's in_stock;
 * 400s that name the parameter; the admin's chart edits change the advice.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let regionId = ""
    const tokens: Record<"admin" | "shopper", string> = { admin: "", shopper: "" }
    const call = apiCaller(api, () => store.publishableKey, tokens)
    const products: Record<string, ProductRow> = {}

    const advice = (product: ProductRow, params: string, who?: "shopper") =>
      call("get", `/store/products/${product.id}/size-advice?region_id=${regionId}&${params}`, who)
    /** The variant of a product with these option values ({ Size: "M", Colour: "Black" }). */
    const variantOf = (product: ProductRow, wanted: Record<string, string>) => {
      const titleOf = new Map(product.options.map((o) => [o.id, o.title]))
      return product.variants.find((v) =>
        Object.entries(wanted).every(([title, value]) => v.options.some((o) => titleOf.get(o.option_id) === title && o.value === value))
      )!
    }
    const colourOf = (product: ProductRow, variantId: string) => {
      const colourOption = product.options.find((o) => o.title === "Colour")!
      return product.variants.find((v) => v.id === variantId)!.options.find((o) => o.option_id === colourOption.id)!.value
    }

    beforeAll(async () => {
      const container = getContainer()
      store = (await seedDemoShop(container, { productsPerCategory: 1 })).store
      await seedSizeCharts(container)
      regionId = store.regionIdsByCurrency.eur
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "product",
        fields: [
          "id",
          "handle",
          "metadata",
          "categories.handle",
          "options.id",
          "options.title",
          "variants.id",
          "variants.options.value",
          "variants.options.option_id",
        ],
        filters: { status: "published" },
      })
      for (const p of data as unknown as ProductRow[]) products[p.categories[0].handle] = p
      tokens.admin = await signInDemoAdmin(api)
      tokens.shopper = await signInDemoCustomer(api, 0)
    })

    it("recommends the size of query measurements, with its variant and the availability route's stock", async () => {
      const top = products.tops
      const res = await advice(top, "chest=95&waist=77")
      expect([res.status, res.data.message]).toEqual([200, undefined])
      const sa = res.data.size_advice
      expect(sa).toMatchObject({ recommended_size: "M", exact: true, fit: { chest: "regular", waist: "regular" }, source: "query", missing: [] })
      expect(sa.confidence).toBeGreaterThan(0.8)
      expect(sa.alternatives.map((a: { size: string }) => a.size).sort()).toEqual(["L", "S"])

      const firstColour = colourOf(top, top.variants[0].id)
      expect(sa.variant_id).toBe(variantOf(top, { Size: "M", Colour: firstColour }).id)
      const availability = await call("get", `/store/products/${top.id}/availability?region_id=${regionId}`)
      const stock = availability.data.availability.find((a: { variant_id: string }) => a.variant_id === sa.variant_id)
      expect(sa.in_stock).toBe(stock.in_stock)
    })

    it("answers the variant in the colour asked for, and names a colour the product lacks", async () => {
      const top = products.tops
      const colours = [...new Set(top.variants.map((v) => colourOf(top, v.id)))]
      const last = colours[colours.length - 1]
      const res = await advice(top, `chest=95&waist=77&colour=${encodeURIComponent(last.toLowerCase())}`)
      expect(res.status).toBe(200)
      expect(res.data.size_advice.variant_id).toBe(variantOf(top, { Size: "M", Colour: last }).id)
      const bad = await advice(top, "chest=95&waist=77&colour=Plaid")
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/colour Plaid is not a colour of this product/)
    })

    it("uses the brand's chart: a Kestrel dress (cut small) is a size up", async () => {
      const dress = products.dresses
      expect(dress.metadata?.brand).toBe("Kestrel")
      const res = await advice(dress, "chest=95&waist=77&hips=101")
      expect(res.status).toBe(200)
      expect(res.data.size_advice).toMatchObject({ recommended_size: "L", chart: { brand: "Kestrel" } })
    })

    it("sizes shoes by EU shoe size and one-size products without measurements", async () => {
      const shoes = await advice(products.shoes, "shoe_size=42")
      expect([shoes.status, shoes.data.size_advice?.recommended_size]).toEqual([200, "42"])
      const bag = await advice(products.bags, "")
      expect([bag.status, bag.data.size_advice?.recommended_size]).toEqual([200, "One size"])
    })

    it("estimates the inseam from height, with less confidence than a measured one", async () => {
      const trousers = products.trousers
      const estimated = (await advice(trousers, "waist=77&hips=101&height=178")).data.size_advice
      const measured = (await advice(trousers, "waist=77&hips=101&inseam=80")).data.size_advice
      expect(estimated).toMatchObject({ recommended_size: "M", estimated: ["inseam"], measurements_used: { inseam: 80.1 } })
      expect(estimated.confidence).toBeLessThan(measured.confidence)
    })

    it("answers 400 naming what is missing or wrong", async () => {
      const top = products.tops
      const none = await advice(top, "")
      expect(none.status).toBe(400)
      expect(none.data.message).toMatch(/needs measurements: give chest, waist/)
      const onlyShoe = await advice(top, "shoe_size=40")
      expect(onlyShoe.status).toBe(400)
      for (const [params, message] of [
        ["chest=abc", /number.*chest|chest.*number/],
        ["chest=10", /field 'chest' too small, expected at least: '50'/],
        ["height=400&chest=90", /field 'height' too big, expected at most: '230'/],
        ["sleeve=60", /sleeve/],
      ] as const) {
        const res = await advice(top, params)
        expect([params, res.status]).toEqual([params, 400])
        expect(res.data.message).toMatch(message)
      }
      const noRegion = await call("get", `/store/products/${top.id}/size-advice?chest=95`)
      expect([noRegion.status, noRegion.data.message]).toEqual([400, expect.stringMatching(/Field 'region_id' is required/)])
      const unknown = await call("get", `/store/products/prod_nope/size-advice?region_id=${regionId}&chest=95`)
      expect(unknown.status).toBe(404)
    })

    it("reads a signed-in shopper's profile measurements when the recommendation module keeps them", async () => {
      const container = getContainer()
      const profiles = container.resolve<any>("recommendation", { allowUnregistered: true })
      const signedIn = await advice(products.tops, "", "shopper")
      // Where the project configures profiles, they must answer here (no silent skip).
      if (buildModules(process.env).some((m) => m.resolve === "./src/modules/recommendation")) expect(typeof profiles?.upsertProfile).toBe("function")
      if (!profiles?.upsertProfile) {
        // Without profiles a signed-in shopper must give measurements like anyone else.
        expect(signedIn.status).toBe(400)
        return
      }
      const [customer] = await container.resolve("customer").listCustomers({ email: DEMO_CUSTOMERS[0].email })
      await profiles.upsertProfile(customer.id, { measurements: { chest_cm: 101, waist_cm: 83 } })
      const fromProfile = await advice(products.tops, "", "shopper")
      expect([fromProfile.status, fromProfile.data.size_advice?.recommended_size, fromProfile.data.size_advice?.source]).toEqual([
        200,
        "L",
        "profile",
      ])
      // Query parameters override the profile's.
      const overridden = await advice(products.tops, "chest=95&waist=77", "shopper")
      expect([overridden.data.size_advice.recommended_size, overridden.data.size_advice.source]).toEqual(["M", "profile_and_query"])
      // Another shopper (anonymous) does not get this profile.
      expect((await advice(products.tops, "")).status).toBe(400)
    })

    it("lists charts in the admin, refuses bad rows, and an edit changes the advice", async () => {
      const list = await call("get", "/admin/size-charts?limit=100", "admin")
      expect(list.status).toBe(200)
      // 11 categories, and Kestrel's and Oaken Studio's cuts of the 8 apparel categories.
      expect(list.data.count).toBe(27)
      const topsChart = list.data.size_charts.find(
        (c: { category: { handle: string }; brand: string | null }) => c.category?.handle === "tops" && !c.brand
      )
      expect(topsChart.sizes.map((r: { size: string }) => r.size)).toEqual(["XS", "S", "M", "L", "XL", "XXL"])

      const bad = await call("post", `/admin/size-charts/${topsChart.id}`, "admin", { sizes: [{ size: "M", chest: { min: 100, max: 90 } }] })
      expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/chest.min must be less than chest.max/)])
      const twice = await call("post", `/admin/size-charts/${topsChart.id}`, "admin", { sizes: [{ size: "M" }, { size: "m" }] })
      expect([twice.status, twice.data.message]).toEqual([400, expect.stringMatching(/must not list a size twice/)])
      const duplicate = await call("post", "/admin/size-charts", "admin", {
        name: "Again",
        category_id: topsChart.category_id,
        sizes: [{ size: "M" }],
      })
      expect(duplicate.status).toBeGreaterThanOrEqual(400)
      expect(duplicate.status).toBeLessThan(500)
      expect(duplicate.data.message).toMatch(/already exists/)
      const noCategory = await call("post", "/admin/size-charts", "admin", { name: "Nowhere", category_id: "pcat_nope", sizes: [{ size: "M" }] })
      expect([noCategory.status, noCategory.data.message]).toEqual([400, expect.stringMatching(/category with id: pcat_nope was not found/)])

      // The merchant re-cuts M and L a size larger: the same body now wears M → previously S's body.
      const recut = topsChart.sizes.map((row: { size: string; chest: { min: number; max: number }; waist: { min: number; max: number } }) =>
        row.size === "M"
          ? { ...row, chest: { min: 98, max: 104 }, waist: { min: 80, max: 86 } }
          : row.size === "L"
            ? { ...row, chest: { min: 104, max: 110 }, waist: { min: 86, max: 92 } }
            : row
      )
      const before = (await advice(products.tops, "chest=100&waist=82")).data.size_advice.recommended_size
      const edited = await call("post", `/admin/size-charts/${topsChart.id}`, "admin", { sizes: recut })
      expect(edited.status).toBe(200)
      expect(edited.data.size_chart.sizes[2]).toMatchObject({ size: "M", chest: { min: 98, max: 104 } })
      const after = (await advice(products.tops, "chest=100&waist=82")).data.size_advice.recommended_size
      expect([before, after]).toEqual(["L", "M"])

      const anonymous = await call("get", "/admin/size-charts")
      expect(anonymous.status).toBe(401)
    })
  },
})
