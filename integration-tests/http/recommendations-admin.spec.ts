import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { apiCaller, signInDemoAdmin, signInDemoCustomer, TestResponse } from "../helpers/api"
import { demoCustomerAddress, seedDemoShop } from "../helpers/demo-shop"
import type { SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { RECOMMENDATION_MODULE } from "../../src/modules/recommendation"
import type RecommendationModuleService from "../../src/modules/recommendation/service"
import type { AdminRecommendationStatsResponse } from "../../src/types/http/recommendations-admin"

jest.setTimeout(300_000)

const SIZES = { tops: "M", trousers: "M", shoes: "39" }
const BUDGET = { max_item: 200, max_outfit: 450, currency_code: "eur" }

type Piece = { source?: string; id: string; variant_id: string }

/**
 * The admin's recommendation figures, for interactions made through the real Store routes: impressions the
 * answers record, clicks reported by the storefront, an outfit added to the cart, and a placed order whose
 * products are attributed to the surface they were clicked or added from; constraint rejections counted as
 * the answers are made; admins only; `days` checked.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let eur: string
    const tokens: Record<"a" | "admin", string> = { a: "", admin: "" }
    const call = apiCaller(api, () => store.publishableKey, tokens)
    const messageOf = (r: TestResponse) => String(r.data?.message ?? "")
    const stats = async (days = 30) => {
      const r = await call("get", `/admin/recommendations/stats?days=${days}`, "admin")
      expect(r.status).toBe(200)
      return r.data as AdminRecommendationStatsResponse
    }
    const surfaceOf = (s: AdminRecommendationStatsResponse, surface: string) => s.surfaces.find((x) => x.surface === surface)!
    const rejectionOf = (s: AdminRecommendationStatsResponse, surface: string, reason: string) =>
      s.rejections.by_surface.find((r) => r.surface === surface && r.reason === reason) ?? { rejected: 0, emptied: 0 }
    /** Reads the stats until `ok` holds (interactions and rejections are written after the answer has gone). */
    async function statsWhen(ok: (s: AdminRecommendationStatsResponse) => boolean, days = 30) {
      let s = await stats(days)
      for (let i = 0; i < 60 && !ok(s); i++) {
        await new Promise((resolve) => setTimeout(resolve, 250))
        s = await stats(days)
      }
      return s
    }

    beforeAll(async () => {
      store = (await seedDemoShop(getContainer(), { productsPerCategory: 2 })).store
      eur = store.regionIdsByCurrency.eur
      tokens.a = await signInDemoCustomer(api, 0)
      tokens.admin = await signInDemoAdmin(api)
      expect((await call("post", "/store/customers/me/style-profile", "a", { sizes: SIZES, budget: BUDGET })).status).toBe(200)
    })

    it("answers admins only", async () => {
      expect((await call("get", "/admin/recommendations/stats")).status).toBe(401)
      expect((await call("get", "/admin/recommendations/stats", "a")).status).toBe(401)
      const empty = await stats()
      expect(empty.surfaces.map((s) => s.surface)).toEqual(["for_you", "outfits", "complete_the_look", "dress_me"])
      expect(empty.totals).toEqual({ impressions: 0, clicks: 0, click_through_rate: 0, add_to_cart: 0, orders: 0, revenue: [] })
      expect(empty.weights.normalised.collaborative + empty.weights.normalised.content + empty.weights.normalised.knowledge).toBeCloseTo(1, 6)
      expect(empty.weights.blend).toBe("log-linear")
    })

    it("impressions, clicks, add-to-cart, and the order and revenue attributed to the surface that led to it", async () => {
      const forYou = (await call("get", `/store/recommendations?region_id=${eur}&limit=6`, "a")).data.recommendations as Piece[]
      const outfit = (await call("get", `/store/recommendations/outfits?region_id=${eur}&limit=1`, "a")).data.outfits[0] as { items: Piece[] }
      const outfitPieces = outfit.items.filter((p) => p.source === "catalog")
      expect(forYou.length).toBeGreaterThan(1)
      expect(outfitPieces.length).toBeGreaterThan(1)
      // A "for you" item that is not one of the outfit's, bought after a click; another clicked and not bought.
      const [bought, clickedOnly] = forYou.filter((p) => !outfitPieces.some((o) => o.id === p.id))
      const clicks = await call("post", "/store/recommendations/interactions", "a", {
        interactions: [bought, clickedOnly].map((p) => ({ product_id: p.id, kind: "click", surface: "for_you" })),
      })
      expect(clicks.data.recorded).toBe(2)

      const cart = (await call("post", "/store/carts", "a", { region_id: eur })).data.cart
      const added = await call("post", "/store/recommendations/outfits/cart", "a", {
        cart_id: cart.id,
        variant_ids: outfitPieces.map((p) => p.variant_id),
      })
      expect(added.data.not_added).toEqual([])
      expect((await call("post", `/store/carts/${cart.id}/line-items`, "a", { variant_id: bought.variant_id, quantity: 2 })).status).toBe(200)
      const address = demoCustomerAddress(0)
      await call("post", `/store/carts/${cart.id}`, "a", { shipping_address: address, billing_address: address })
      const options = (await call("get", `/store/shipping-options?cart_id=${cart.id}`, "a")).data.shipping_options
      await call("post", `/store/carts/${cart.id}/shipping-methods`, "a", { option_id: options[0].id })
      const collection = (await call("post", "/store/payment-collections", "a", { cart_id: cart.id })).data.payment_collection
      await call("post", `/store/payment-collections/${collection.id}/payment-sessions`, "a", { provider_id: "pp_system_default" })
      const completed = await call("post", `/store/carts/${cart.id}/complete`, "a")
      expect(completed.data.type).toBe("order")
      // What each product's lines came to, as the order answer states it.
      const lines = completed.data.order.items as { product_id: string; total: number }[]
      const paidFor = (ids: string[]) => lines.filter((l) => ids.includes(l.product_id)).reduce((sum, l) => sum + Number(l.total), 0)
      const outfitRevenue = paidFor(outfitPieces.map((p) => p.id))
      const forYouRevenue = paidFor([bought.id])
      expect(outfitRevenue).toBeGreaterThan(0)
      expect(forYouRevenue).toBeGreaterThan(0)

      const s = await statsWhen((x) => x.totals.orders === 1 && surfaceOf(x, "for_you").impressions === forYou.length)
      expect(surfaceOf(s, "for_you")).toEqual({
        surface: "for_you",
        impressions: forYou.length,
        clicks: 2,
        click_through_rate: 2 / forYou.length,
        add_to_cart: 0,
        orders: 1,
        revenue: [{ currency_code: "eur", amount: expect.closeTo(forYouRevenue, 2) }],
      })
      expect(surfaceOf(s, "outfits")).toEqual({
        surface: "outfits",
        impressions: outfitPieces.length,
        clicks: 0,
        click_through_rate: 0,
        add_to_cart: outfitPieces.length,
        orders: 1,
        revenue: [{ currency_code: "eur", amount: expect.closeTo(outfitRevenue, 2) }],
      })
      // One order, though two surfaces led to it; its revenue once per product.
      expect(s.totals.orders).toBe(1)
      expect(s.totals.impressions).toBe(forYou.length + outfitPieces.length)
      expect(s.totals.revenue).toEqual([{ currency_code: "eur", amount: expect.closeTo(outfitRevenue + forYouRevenue, 2) }])
      expect(surfaceOf(s, "complete_the_look").orders).toBe(0)

      // Interactions older than the span are left out.
      const customerId = (await call("get", "/store/customers/me", "a")).data.customer.id
      await getContainer()
        .resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
        .recordInteractions([
          {
            customer_id: customerId,
            product_id: bought.id,
            kind: "impression",
            surface: "for_you",
            created_at: new Date(Date.now() - 10 * 86_400_000),
          },
        ])
      expect(surfaceOf(await stats(30), "for_you").impressions).toBe(forYou.length + 1)
      const week = await stats(7)
      expect(surfaceOf(week, "for_you").impressions).toBe(forYou.length)
      expect(week.days).toBe(7)
    })

    it("counts constraint rejections per surface and reason, and the reason that emptied an answer", async () => {
      const before = await stats()
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: categories } = await query.graph({
        entity: "product_category",
        fields: ["products.id", "products.status"],
        filters: { handle: "trousers" },
      })
      const trousers = (categories[0]?.products ?? []).filter((p) => p?.status === "published")
      expect(trousers.length).toBeGreaterThan(0)

      // A guest without sizes: every pair of trousers needs a size, so the size constraint empties the list.
      const noSize = await call("get", `/store/recommendations?region_id=${eur}&category=trousers`)
      expect(noSize.data).toEqual({ recommendations: [], reason: "no_match", emptied_by: "size" })
      let s = await statsWhen((x) => rejectionOf(x, "for_you", "size").emptied === rejectionOf(before, "for_you", "size").emptied + 1)
      expect(rejectionOf(s, "for_you", "size").emptied).toBe(rejectionOf(before, "for_you", "size").emptied + 1)
      const sizeDelta = rejectionOf(s, "for_you", "size").rejected - rejectionOf(before, "for_you", "size").rejected
      const regionDelta = rejectionOf(s, "for_you", "sold_in_region").rejected - rejectionOf(before, "for_you", "sold_in_region").rejected
      expect(sizeDelta).toBeGreaterThan(0)
      expect(sizeDelta + regionDelta).toBe(trousers.length)

      // A budget nothing fits: the item budget empties "for you" and the outfits.
      const broke = await call("get", `/store/recommendations?region_id=${eur}&budget=1`, "a")
      expect(broke.data.emptied_by).toBe("item_budget")
      const outfits = await call("get", `/store/recommendations/outfits?region_id=${eur}&budget=1`, "a")
      expect(outfits.data.reason).toBe("no_match")
      const outfitReason = outfits.data.emptied_by as string
      s = await statsWhen(
        (x) =>
          rejectionOf(x, "for_you", "item_budget").emptied === rejectionOf(before, "for_you", "item_budget").emptied + 1 &&
          rejectionOf(x, "outfits", outfitReason).emptied === rejectionOf(before, "outfits", outfitReason).emptied + 1
      )
      expect(rejectionOf(s, "for_you", "item_budget").emptied).toBe(rejectionOf(before, "for_you", "item_budget").emptied + 1)
      expect(rejectionOf(s, "for_you", "item_budget").rejected).toBeGreaterThan(rejectionOf(before, "for_you", "item_budget").rejected)
      expect(rejectionOf(s, "outfits", outfitReason).emptied).toBe(rejectionOf(before, "outfits", outfitReason).emptied + 1)
      const budget = s.rejections.by_reason.find((r) => r.reason === "item_budget")!
      expect(budget.rejected).toBe(s.rejections.by_surface.filter((r) => r.reason === "item_budget").reduce((n, r) => n + r.rejected, 0))
    })

    it("bad parameters: 400 naming the parameter", async () => {
      for (const [url, name] of [
        ["/admin/recommendations/stats?days=0", "days"],
        ["/admin/recommendations/stats?days=abc", "days"],
        ["/admin/recommendations/stats?days=2.5", "days"],
        ["/admin/recommendations/stats?days=400", "days"],
        ["/admin/recommendations/stats?weeks=2", "weeks"],
      ]) {
        const r = await call("get", url, "admin")
        expect([url, r.status]).toEqual([url, 400])
        expect([url, messageOf(r)]).toEqual([url, expect.stringContaining(name)])
      }
    })
  },
})
