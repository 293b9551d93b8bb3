import Medusa from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { seedCatalog, selectProducts } from "../../src/scripts/demo-catalog/seed-catalog"
import { generateDemoCatalog } from "../../src/scripts/demo-catalog/generate-catalog"

jest.setTimeout(300_000)

const PRODUCTS_PER_CATEGORY = 1

/**
 * Taxes through Medusa's Tax Module as the demo seed sets them up: VAT included in European and
 * UK prices, US state sales tax added on top, by the state of the shipping address.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let sdk: Medusa

    beforeAll(async () => {
      store = await seedStore(getContainer())
      await seedCatalog(getContainer(), store, { productsPerCategory: PRODUCTS_PER_CATEGORY })
      sdk = new Medusa({ baseUrl: api.defaults.baseURL, publishableKey: store.publishableKey })
    })

    /** A variant the warehouse serving `warehouse` has in stock, its id and its price in `currency`. */
    async function stockedVariant(warehouse: "eu" | "us", currency: string) {
      const demo = selectProducts(generateDemoCatalog(), PRODUCTS_PER_CATEGORY).find((p) => p.variants.some((v) => v.stock[warehouse] >= 1))!
      const demoVariant = demo.variants.find((v) => v.stock[warehouse] >= 1)!
      const { products } = await sdk.store.product.list({ handle: demo.handle, fields: "id,+variants.sku" })
      return { id: products[0].variants!.find((v) => v.sku === demoVariant.sku)!.id, price: demoVariant.prices[currency] }
    }

    /** A cart in the region of `currency` with one unit of a stocked variant, shipped to `address`. */
    async function cartShippedTo(currency: "eur" | "usd", address: { country_code: string; province?: string }) {
      const region = (await sdk.store.region.list()).regions.find((r) => r.currency_code === currency)!
      const variant = await stockedVariant(currency === "usd" ? "us" : "eu", currency)
      let { cart } = await sdk.store.cart.create({ region_id: region.id, email: "tax@example.com" })
      ;({ cart } = await sdk.store.cart.createLineItem(cart.id, { variant_id: variant.id, quantity: 1 }))
      const shipping = { first_name: "Tess", last_name: "Taxpayer", address_1: "1 Main St", city: "Town", postal_code: "12345", ...address }
      ;({ cart } = await sdk.store.cart.update(cart.id, { shipping_address: shipping, billing_address: shipping }))
      return { cart, price: variant.price }
    }

    async function addStandardDelivery(cartId: string) {
      const { shipping_options } = await sdk.store.fulfillment.listCartOptions({ cart_id: cartId })
      const standard = shipping_options.find((o) => o.type?.code === "standard")!
      return (await sdk.store.cart.addShippingMethod(cartId, { option_id: standard.id })).cart
    }

    it("seeds VAT, UK VAT and US state sales tax once, with prices including tax in Europe and the UK", async () => {
      const container = getContainer()
      const tax = container.resolve(Modules.TAX)
      const rateOf = async (country: string, province?: string) => {
        const region = (await tax.listTaxRegions({ country_code: country })).find((t) => (t.province_code ?? undefined) === province)!
        const rates = await tax.listTaxRates({ tax_region_id: region.id })
        return rates.find((r) => r.is_default)?.rate
      }
      expect(await rateOf("de")).toBe(19)
      expect(await rateOf("fr")).toBe(20)
      expect(await rateOf("se")).toBe(25)
      expect(await rateOf("gb")).toBe(20)
      expect(await rateOf("us", "ca")).toBe(7.25)
      expect(await rateOf("us", "ny")).toBe(4)
      expect(await rateOf("us", "or")).toBe(0)
      expect(await rateOf("us")).toBeUndefined()

      const regionsBefore = (await tax.listTaxRegions({})).length
      const ratesBefore = (await tax.listTaxRates({})).length
      await seedStore(container)
      expect((await tax.listTaxRegions({})).length).toBe(regionsBefore)
      expect((await tax.listTaxRates({})).length).toBe(ratesBefore)

      // A shop seeded before taxes (tax regions without rates, prices without tax) gets them on the next seed.
      const regions = await container.resolve(Modules.REGION).listRegions({})
      const pricing = container.resolve(Modules.PRICING)
      const germany = (await tax.listTaxRegions({ country_code: "de" }))[0]
      await tax.deleteTaxRates((await tax.listTaxRates({ tax_region_id: germany.id })).map((r) => r.id))
      const euro = regions.find((r) => r.currency_code === "eur")!
      const [euroPreference] = await pricing.listPricePreferences({ attribute: "region_id", value: euro.id })
      await pricing.updatePricePreferences(euroPreference.id, { is_tax_inclusive: false })
      await seedStore(container)
      expect(await rateOf("de")).toBe(19)

      expect(regions.every((r) => r.automatic_taxes)).toBe(true)
      const preferences = await pricing.listPricePreferences({ attribute: "region_id" })
      const inclusive = Object.fromEntries(regions.map((r) => [r.currency_code, preferences.find((p) => p.value === r.id)?.is_tax_inclusive]))
      expect(inclusive).toEqual({ eur: true, gbp: true, usd: false })
    })

    it("includes 19 % VAT in a German cart's prices", async () => {
      const shipped = await cartShippedTo("eur", { country_code: "de" })
      const price = shipped.price
      let cart = shipped.cart
      const [line] = cart.items!
      expect(line.is_tax_inclusive).toBe(true)
      expect(line.tax_lines!.map((t) => t.rate)).toEqual([19])
      expect(cart.total).toBeCloseTo(price, 2)
      expect(cart.tax_total).toBeCloseTo(price - price / 1.19, 2)

      cart = await addStandardDelivery(cart.id)
      expect(cart.shipping_methods![0].tax_lines!.map((t) => t.rate)).toEqual([19])
      expect(cart.total).toBeCloseTo(price + 5, 2)
      expect(cart.tax_total).toBeCloseTo(((price + 5) * 19) / 119, 2)
    })

    it("adds California's 7.25 % sales tax on top of US prices, and carries it into the order", async () => {
      const shipped = await cartShippedTo("usd", { country_code: "us", province: "CA" })
      const price = shipped.price
      let cart = shipped.cart
      expect(cart.items![0].is_tax_inclusive).toBe(false)
      expect(cart.items![0].tax_lines!.map((t) => t.rate)).toEqual([7.25])
      expect(cart.tax_total).toBeCloseTo(price * 0.0725, 2)
      expect(cart.total).toBeCloseTo(price * 1.0725, 2)

      cart = await addStandardDelivery(cart.id)
      expect(cart.total).toBeCloseTo((price + 6) * 1.0725, 2)

      await sdk.store.payment.initiatePaymentSession(cart, { provider_id: "pp_system_default" })
      const completed = await sdk.store.cart.complete(cart.id)
      expect(completed.type).toBe("order")
      if (completed.type !== "order") return
      expect(completed.order.tax_total).toBeCloseTo((price + 6) * 0.0725, 2)
      expect(completed.order.items![0].tax_lines!.map((t) => t.rate)).toEqual([7.25])
    })

    it("adds no sales tax for Oregon, and follows the address when the state changes", async () => {
      const shipped = await cartShippedTo("usd", { country_code: "us", province: "OR" })
      const price = shipped.price
      let cart = shipped.cart
      expect(cart.items![0].tax_lines!.map((t) => t.rate)).toEqual([0])
      expect(cart.tax_total).toBe(0)
      expect(cart.total).toBeCloseTo(price, 2)

      ;({ cart } = await sdk.store.cart.update(cart.id, {
        shipping_address: { country_code: "us", province: "TX", address_1: "1 Main St", city: "Austin", postal_code: "73301" },
      }))
      expect(cart.items![0].tax_lines!.map((t) => t.rate)).toEqual([6.25])
      expect(cart.total).toBeCloseTo(price * 1.0625, 2)
    })
  },
})
