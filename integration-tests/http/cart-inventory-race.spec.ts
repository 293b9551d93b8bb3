import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { apiCaller, TestResponse } from "../helpers/api"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { createStockedProducts } from "../helpers/stocked-product"

jest.setTimeout(300_000)

const ADDRESS = { first_name: "Léa", last_name: "Martin", address_1: "1 Rue de Rivoli", city: "Paris", postal_code: "75001", country_code: "fr" }

/**
 * No overselling through the Store API. Medusa holds no stock for a cart: adding checks what is
 * available (stocked minus reserved) and refuses more than that with a 400, and stock is reserved
 * only when a cart completes, under a lock per inventory item. So two carts may both hold the last
 * unit, and when both complete at once exactly one becomes an order; the other is refused with a
 * 400 and the unit is reserved once, never twice.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let eur = ""
    let variantId = ""
    let inventoryItemId = ""
    let plentyVariantId = ""
    const call = apiCaller(api, () => store.publishableKey, {})
    const messageOf = (r: TestResponse) => String(r.data?.message ?? "")

    beforeAll(async () => {
      const container = getContainer()
      store = await seedStore(container)
      eur = store.regionIdsByCurrency.eur
      // Exactly one coat, in the Amsterdam warehouse that serves the Europe region; socks to spare.
      const [coat, socks] = await createStockedProducts(container, store, [
        { title: "Last-unit coat", sku: "last-unit-coat-m", prices: [{ currency_code: "eur", amount: 120 }], stock: 1 },
        { title: "Plenty socks", sku: "plenty-socks", size: "One", prices: [{ currency_code: "eur", amount: 9 }], stock: 100 },
      ])
      variantId = coat.variantId
      inventoryItemId = coat.inventoryItemId
      plentyVariantId = socks.variantId
    })

    // Each cart its own shopper: Medusa creates a guest customer per new email, and two carts created
    // at once with one new email can race on that customer (400 "already exists").
    let shoppers = 0
    const newCart = async () => {
      const res = await call("post", "/store/carts", undefined, { region_id: eur, email: `race-${++shoppers}@example.com` })
      expect([res.status, messageOf(res)]).toEqual([200, ""])
      return res.data.cart.id as string
    }
    const addLastUnit = (cartId: string, quantity = 1) =>
      call("post", `/store/carts/${cartId}/line-items`, undefined, { variant_id: variantId, quantity })

    /** Address, the standard delivery and a payment session: everything but completing. */
    async function readyForCheckout(cartId: string) {
      expect((await call("post", `/store/carts/${cartId}`, undefined, { shipping_address: ADDRESS, billing_address: ADDRESS })).status).toBe(200)
      const options = (await call("get", `/store/shipping-options?cart_id=${cartId}`)).data.shipping_options as { id: string }[]
      expect(options.length).toBeGreaterThan(0)
      expect((await call("post", `/store/carts/${cartId}/shipping-methods`, undefined, { option_id: options[0].id })).status).toBe(200)
      const collection = await call("post", "/store/payment-collections", undefined, { cart_id: cartId })
      expect(collection.status).toBe(200)
      const session = await call("post", `/store/payment-collections/${collection.data.payment_collection.id}/payment-sessions`, undefined, {
        provider_id: "pp_system_default",
      })
      expect(session.status).toBe(200)
    }

    async function inventoryLevel() {
      const [level] = await getContainer()
        .resolve(Modules.INVENTORY)
        .listInventoryLevels({ inventory_item_id: inventoryItemId, location_id: store.locationIdsByWarehouse.eu })
      return { stocked: Number(level.stocked_quantity), reserved: Number(level.reserved_quantity), available: Number(level.available_quantity) }
    }

    it("refuses to add more than the stock with a 400 naming the inventory, and adds nothing", async () => {
      const cartId = await newCart()
      const res = await addLastUnit(cartId, 2)
      expect(res.status).toBe(400)
      expect(res.data).toMatchObject({ type: "not_allowed", message: "Some variant does not have the required inventory" })
      const { data } = await call("get", `/store/carts/${cartId}`)
      expect(data.cart.items).toEqual([])
    })

    it("takes many adds to one cart at once: each is added or answered 409 to retry, none lost, never a 500", async () => {
      const cartId = await newCart()
      // Medusa locks the cart while it adds and gives up after 2 s: the requests that wait longer
      // get a 409 to retry (Curator's error handler; Medusa's in-memory locking threw a 500).
      const adds = await Promise.all(
        Array.from({ length: 12 }, () => call("post", `/store/carts/${cartId}/line-items`, undefined, { variant_id: plentyVariantId, quantity: 1 }))
      )
      const statuses = adds.map((r) => r.status)
      expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([])
      for (const conflict of adds.filter((r) => r.status === 409)) {
        expect(conflict.data.type).toBe("conflict")
        expect(conflict.headers["retry-after"]).toBe("1")
      }
      const { data } = await call("get", `/store/carts/${cartId}`)
      const lines = data.cart.items as { variant_id: string; quantity: number }[]
      expect(lines.map((l) => [l.variant_id, Number(l.quantity)])).toEqual([[plentyVariantId, statuses.filter((s) => s === 200).length]])
    })

    it("lets two carts add the last unit at once, and then sells it once: one order, the other checkout refused with a 400", async () => {
      const [first, second] = await Promise.all([newCart(), newCart()])
      // Carts hold no stock in Medusa: both adds see one unit available and both succeed.
      const adds = await Promise.all([addLastUnit(first), addLastUnit(second)])
      expect(adds.map((r) => [r.status, messageOf(r)])).toEqual([
        [200, ""],
        [200, ""],
      ])
      expect(await inventoryLevel()).toEqual({ stocked: 1, reserved: 0, available: 1 })

      await readyForCheckout(first)
      await readyForCheckout(second)
      const completions = await Promise.all([first, second].map((id) => call("post", `/store/carts/${id}/complete`)))

      const orders = completions.filter((r) => r.status === 200 && r.data.type === "order")
      const refused = completions.filter((r) => r.status !== 200)
      expect(orders).toHaveLength(1)
      expect(refused).toHaveLength(1)
      expect(refused[0].status).toBe(400)
      expect(refused[0].data.type).toBe("not_allowed")
      expect(messageOf(refused[0])).toMatch(/inventory|stock/i)

      // One unit stocked, one reserved by the order, none left; never negative.
      expect(await inventoryLevel()).toEqual({ stocked: 1, reserved: 1, available: 0 })
      const order = orders[0].data.order as { items: { variant_id: string; quantity: number }[] }
      expect(order.items.map((i) => [i.variant_id, Number(i.quantity)])).toEqual([[variantId, 1]])

      // The refused cart stays open and says why when its shopper tries again.
      const refusedCartId = completions[0] === refused[0] ? first : second
      const again = await call("post", `/store/carts/${refusedCartId}/complete`)
      expect(again.status).toBe(400)
      expect(messageOf(again)).toMatch(/inventory|stock/i)

      // And nobody can add the sold unit any more.
      const late = await addLastUnit(await newCart())
      expect([late.status, late.data.type]).toEqual([400, "not_allowed"])
      expect(await inventoryLevel()).toEqual({ stocked: 1, reserved: 1, available: 0 })
    })
  },
})
