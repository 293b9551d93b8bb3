import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, QueryContext } from "@medusajs/framework/utils"
import { apiCaller, signInDemoCustomer, TestResponse } from "../helpers/api"
import { seedDemoShop } from "../helpers/demo-shop"
import type { SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { RECOMMENDATION_MODULE } from "../../src/modules/recommendation"
import type RecommendationModuleService from "../../src/modules/recommendation/service"
import { WARDROBE_MODULE } from "../../src/modules/wardrobe"
import { GUEST_COOKIE } from "../../src/api/utils/guest-id"
import type WardrobeModuleService from "../../src/modules/wardrobe/service"

jest.setTimeout(300_000)

const PRODUCTS_PER_CATEGORY = 2
/** Customer a's profile: sizes per category family, a budget in euros. */
const SIZES = { tops: "M", trousers: "M", shoes: "39" }
const BUDGET = { max_item: 200, max_outfit: 450, currency_code: "eur" }
const BOTTOMS = new Set(["trousers", "jeans", "skirts"])

type Piece = { source?: string; id: string; variant_id: string; slot?: string; category_handle?: string; wardrobe_item_id?: string }
type OutfitAnswer = { items: Piece[]; total: { amount: number; currency_code: string }; reasons: string[] }

/**
 * The recommendation Store API on the demo shop: every surface answers; every recommended piece is checked
 * against the database independently (its variant's size option, stock at the region's warehouse, its
 * price in the region within budget); outfits are valid and within the outfit budget; complete the look
 * never repeats the product's category; feedback changes the next answer; "dress me" is the shopper's own.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let eur: string
    const tokens: Record<"a" | "b", string> = { a: "", b: "" }
    const call = apiCaller(api, () => store.publishableKey, tokens)
    const customerIdOf = async (who: "a" | "b") => (await call("get", "/store/customers/me", who)).data.customer.id as string
    const query = () => getContainer().resolve(ContainerRegistrationKeys.QUERY)

    /** The size a piece must be in for a profile's sizes (null: one-size categories take any). */
    const expectedSize = (category: string, sizes: Record<string, string>) =>
      category === "shoes"
        ? sizes.shoes
        : BOTTOMS.has(category)
          ? sizes.trousers
          : category === "bags" || category === "accessories"
            ? null
            : sizes.tops

    /** Checks variants against the database, not through the code under test: size, stock in the region's warehouse, price. */
    async function expectSellable(pieces: Piece[], regionId: string, sizes: Record<string, string>, maxItem: number | null) {
      const { data: regions } = await query().graph({ entity: "region", fields: ["id", "currency_code", "metadata"], filters: { id: regionId } })
      const locationId = regions[0].metadata?.stock_location_id as string
      const { data: variants } = await query().graph({
        entity: "product_variant",
        fields: [
          "id",
          "product_id",
          "manage_inventory",
          "allow_backorder",
          "options.value",
          "options.option.title",
          "product.categories.handle",
          "calculated_price.calculated_amount",
          "inventory_items.inventory.location_levels.location_id",
          "inventory_items.inventory.location_levels.stocked_quantity",
          "inventory_items.inventory.location_levels.reserved_quantity",
        ],
        filters: { id: pieces.map((p) => p.variant_id) },
        context: { calculated_price: QueryContext({ region_id: regionId, currency_code: regions[0].currency_code }) },
      })
      const byId = new Map(variants.map((v: any) => [v.id, v]))
      for (const piece of pieces) {
        const v: any = byId.get(piece.variant_id)
        expect(v?.product_id).toBe(piece.id)
        const category = v.product.categories[0].handle as string
        const size = v.options.find((o: any) => /^size$/i.test(o.option.title))?.value
        const wanted = expectedSize(category, sizes)
        if (wanted) expect([piece.variant_id, category, size]).toEqual([piece.variant_id, category, wanted])
        const level = v.inventory_items[0]?.inventory.location_levels.find((l: any) => l.location_id === locationId)
        const available = level ? Number(level.stocked_quantity) - Number(level.reserved_quantity) : 0
        if (v.manage_inventory && !v.allow_backorder) expect([piece.variant_id, available > 0]).toEqual([piece.variant_id, true])
        const price = Number(v.calculated_price?.calculated_amount)
        expect(Number.isFinite(price)).toBe(true)
        if (maxItem !== null) expect(price).toBeLessThanOrEqual(maxItem)
      }
    }

    function expectValidComposition(outfit: OutfitAnswer) {
      const slots = outfit.items.map((p) => p.slot)
      expect(new Set(slots).size).toBe(slots.length)
      expect(slots.includes("dress") || (slots.includes("top") && slots.includes("bottom"))).toBe(true)
      if (slots.includes("dress")) expect(slots.includes("top") || slots.includes("bottom")).toBe(false)
      expect(slots).toContain("shoes")
    }

    const catalogPieces = (outfits: OutfitAnswer[]) => outfits.flatMap((o) => o.items.filter((p) => p.source === "catalog"))
    const messageOf = (r: TestResponse) => String(r.data?.message ?? "")

    beforeAll(async () => {
      store = (await seedDemoShop(getContainer(), { productsPerCategory: PRODUCTS_PER_CATEGORY })).store
      eur = store.regionIdsByCurrency.eur
      tokens.a = await signInDemoCustomer(api, 0)
      tokens.b = await signInDemoCustomer(api, 1)
      const saved = await call("post", "/store/customers/me/style-profile", "a", { sizes: SIZES, budget: BUDGET })
      expect(saved.status).toBe(200)
    })

    it("for you: every item is the product card in the shopper's size, in stock in the region, within budget, with reasons", async () => {
      const r = await call("get", `/store/recommendations?region_id=${eur}&limit=20`, "a")
      expect(r.status).toBe(200)
      const items = r.data.recommendations as (Piece & Record<string, any>)[]
      expect(items.length).toBeGreaterThan(0)
      for (const item of items) {
        expect(item).toEqual(
          expect.objectContaining({ id: expect.any(String), title: expect.any(String), handle: expect.any(String), in_stock: true })
        )
        expect(item.calculated_price.currency_code).toBe("eur")
        expect(item.score).toBeGreaterThanOrEqual(0)
        expect(item.reasons.length).toBeGreaterThan(0)
      }
      expect(new Set(items.map((i) => i.id)).size).toBe(items.length)
      await expectSellable(items, eur, SIZES, BUDGET.max_item)

      const trousers = await call("get", `/store/recommendations?region_id=${eur}&category=trousers`, "a")
      expect(trousers.status).toBe(200)
      for (const item of trousers.data.recommendations) expect(item.category_handle).toBe("trousers")
    })

    it("guests: the query's sizes and budget apply; without sizes nothing is promised (no_match: size)", async () => {
      const sizes = { tops: "S", trousers: "L", shoes: "41" }
      const r = await call("get", `/store/recommendations?country_code=fr&sizes=tops:S,trousers:L,shoes:41&max_item_price=120`)
      expect(r.status).toBe(200)
      expect(r.data.recommendations.length).toBeGreaterThan(0)
      await expectSellable(r.data.recommendations, eur, sizes, 120)

      // A guest profile (the signed guest cookie) is read as a customer's profile is.
      const guestSizes = { tops: "L", trousers: "S", shoes: "40" }
      const saved = await call("post", "/store/style-profile", undefined, { sizes: guestSizes })
      expect(saved.status).toBe(200)
      const cookie = (saved.headers["set-cookie"] as string[]).find((c) => c.startsWith(`${GUEST_COOKIE}=`))!.split(";")[0]
      const mine = await call("get", `/store/recommendations?region_id=${eur}&limit=30`, undefined, undefined, { cookie })
      expect(mine.status).toBe(200)
      expect(mine.data.recommendations.some((i: { size: string | null }) => i.size !== null)).toBe(true)
      await expectSellable(mine.data.recommendations, eur, guestSizes, null)

      const none = await call("get", `/store/recommendations?region_id=${eur}`)
      expect(none.status).toBe(200)
      // Bags and accessories are one size: they may still be recommended; every sized item needs a size.
      for (const item of none.data.recommendations) expect(item.size).toBeNull()
    })

    it("an impossible budget answers no_match naming the budget instead of relaxing it", async () => {
      const r = await call("get", `/store/recommendations?region_id=${eur}&budget=1`, "a")
      expect(r.status).toBe(200)
      expect(r.data).toEqual({ recommendations: [], reason: "no_match", emptied_by: "item_budget" })
      const outfits = await call("get", `/store/recommendations/outfits?region_id=${eur}&budget=1`, "a")
      expect(outfits.status).toBe(200)
      expect(outfits.data.outfits).toEqual([])
      expect(outfits.data.reason).toBe("no_match")
      expect(outfits.data.emptied_by).toMatch(/budget/)
    })

    it("outfits: valid compositions, every piece sellable to the shopper, the total within the outfit budget", async () => {
      const r = await call("get", `/store/recommendations/outfits?region_id=${eur}&limit=4`, "a")
      expect(r.status).toBe(200)
      const outfits = r.data.outfits as OutfitAnswer[]
      expect(outfits.length).toBeGreaterThan(0)
      for (const outfit of outfits) {
        expectValidComposition(outfit)
        expect(outfit.total.currency_code).toBe("eur")
        expect(outfit.total.amount).toBeLessThanOrEqual(BUDGET.max_outfit)
        const sum = outfit.items.reduce((s, p: any) => s + p.calculated_price.calculated_amount, 0)
        expect(outfit.total.amount).toBeCloseTo(sum, 2)
        expect(outfit.reasons.length).toBeGreaterThan(0)
      }
      await expectSellable(catalogPieces(outfits), eur, SIZES, BUDGET.max_item)

      const tight = await call("get", `/store/recommendations/outfits?region_id=${eur}&budget=250`, "a")
      expect(tight.status).toBe(200)
      for (const outfit of tight.data.outfits as OutfitAnswer[]) expect(outfit.total.amount).toBeLessThanOrEqual(250)
    })

    it("complete the look: outfits around the product, never more of its own category", async () => {
      const top = (await call("get", `/store/recommendations?region_id=${eur}&category=tops`, "a")).data.recommendations[0]
      expect(top).toBeDefined()
      const r = await call("get", `/store/products/${top.id}/complete-the-look?region_id=${eur}`, "a")
      expect(r.status).toBe(200)
      const outfits = r.data.outfits as OutfitAnswer[]
      expect(outfits.length).toBeGreaterThan(0)
      for (const outfit of outfits) {
        expect(outfit.items[0].id).toBe(top.id)
        expectValidComposition(outfit)
        for (const piece of outfit.items.slice(1)) expect(piece.category_handle).not.toBe("tops")
        expect(outfit.total.amount).toBeLessThanOrEqual(BUDGET.max_outfit)
      }
      await expectSellable(catalogPieces(outfits), eur, SIZES, BUDGET.max_item)

      expect((await call("get", `/store/products/prod_missing/complete-the-look?region_id=${eur}`, "a")).status).toBe(404)
    })

    it("feedback: a dismissed product never comes back, on any surface", async () => {
      const before = (await call("get", `/store/recommendations?region_id=${eur}&limit=48`, "a")).data.recommendations as Piece[]
      const dismissed = before[0].id
      const f = await call("post", "/store/recommendations/feedback", "a", { product_id: dismissed, action: "dismiss" })
      expect(f.status).toBe(200)
      expect(f.data.feedback).toEqual({ product_id: dismissed, action: "dismiss" })
      const customerId = await customerIdOf("a")
      const [logged] = await getContainer()
        .resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
        .listInteractions({ customer_id: customerId, kind: "feedback" })
      expect(logged).toEqual(expect.objectContaining({ product_id: dismissed, value: { action: "dismiss" } }))

      const after = (await call("get", `/store/recommendations?region_id=${eur}&limit=48`, "a")).data.recommendations as Piece[]
      expect(after.map((p) => p.id)).not.toContain(dismissed)
      const outfits = (await call("get", `/store/recommendations/outfits?region_id=${eur}&limit=12`, "a")).data.outfits as OutfitAnswer[]
      expect(catalogPieces(outfits).map((p) => p.id)).not.toContain(dismissed)

      expect((await call("post", "/store/recommendations/feedback", "a", { product_id: "prod_missing", action: "like" })).status).toBe(404)
    })

    it("dress me: 401 for guests; the shopper's own wardrobe, completed by at most two catalog products", async () => {
      expect((await call("get", `/store/wardrobe/outfit-suggestions?region_id=${eur}`)).status).toBe(401)
      const wardrobe = getContainer().resolve<WardrobeModuleService>(WARDROBE_MODULE)
      const [aId, bId] = [await customerIdOf("a"), await customerIdOf("b")]
      const own = await wardrobe.createWardrobeItems([
        { customer_id: aId, name: "Chinos", category: "trousers", colours: ["navy"], season: "all-season" },
        { customer_id: aId, name: "Oxford shirt", category: "shirts", colours: ["white"], season: "all-season" },
      ])
      const others = await wardrobe.createWardrobeItems([
        { customer_id: bId, name: "Jeans", category: "jeans", colours: ["blue"], season: "all-season" },
        { customer_id: bId, name: "Tee", category: "tops", colours: ["black"], season: "all-season" },
      ])
      const r = await call("get", `/store/wardrobe/outfit-suggestions?region_id=${eur}`, "a")
      expect(r.status).toBe(200)
      const outfits = r.data.outfits as OutfitAnswer[]
      expect(outfits.length).toBeGreaterThan(0)
      const ownIds = own.map((i) => i.id)
      const otherIds = others.map((i) => i.id)
      for (const outfit of outfits) {
        expectValidComposition(outfit)
        const fromWardrobe = outfit.items.filter((p) => p.source === "wardrobe")
        expect(fromWardrobe.length).toBeGreaterThan(0)
        for (const piece of fromWardrobe) {
          expect(ownIds).toContain(piece.wardrobe_item_id)
          expect(otherIds).not.toContain(piece.wardrobe_item_id)
        }
        expect(outfit.items.filter((p) => p.source === "catalog").length).toBeLessThanOrEqual(2)
      }
      await expectSellable(catalogPieces(outfits), eur, SIZES, BUDGET.max_item)
    })

    it("adds a whole outfit to the cart in one call, and records impressions of what was answered", async () => {
      const outfit = (await call("get", `/store/recommendations/outfits?region_id=${eur}`, "a")).data.outfits[0] as OutfitAnswer
      const cart = (await call("post", "/store/carts", "a", { region_id: eur })).data.cart
      const variantIds = catalogPieces([outfit]).map((p) => p.variant_id)
      const r = await call("post", "/store/recommendations/outfits/cart", "a", { cart_id: cart.id, variant_ids: variantIds })
      expect(r.status).toBe(200)
      expect(r.data.not_added).toEqual([])
      expect(r.data.cart.items.map((i: { variant_id: string }) => i.variant_id).sort()).toEqual([...variantIds].sort())
      expect((await call("post", "/store/recommendations/outfits/cart", "a", { cart_id: "cart_missing", variant_ids: variantIds })).status).toBe(404)

      const customerId = await customerIdOf("a")
      const recommendation = getContainer().resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
      const shown = catalogPieces([outfit]).map((p) => p.id)
      let recorded: string[] = []
      // Recorded after the answer has gone: wait for them.
      for (let i = 0; i < 30 && !shown.every((id) => recorded.includes(id)); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        recorded = (await recommendation.listInteractions({ customer_id: customerId, kind: "impression", surface: "outfits" })).map(
          (r) => r.product_id
        )
      }
      expect(recorded).toEqual(expect.arrayContaining(shown))
    })

    it("adding a line item records one add_to_cart (surface cart) for the customer or the guest cookie; anonymous or failed adds record none", async () => {
      const recommendation = getContainer().resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
      const item = (await call("get", `/store/recommendations?region_id=${eur}&limit=1`, "a")).data.recommendations[0] as Piece
      const line = { variant_id: item.variant_id, quantity: 1 }
      const addToCart = (cartId: string, who?: "a", headers: Record<string, string> = {}) =>
        call("post", `/store/carts/${cartId}/line-items`, who, line, headers)
      const newCart = async (who?: "a") => (await call("post", "/store/carts", who, { region_id: eur })).data.cart.id as string
      const addsOf = async () => recommendation.listInteractions({ product_id: item.id, kind: "add_to_cart" })

      // First the calls that must record nothing: a failed add (no such cart) and an anonymous add without a guest cookie.
      expect((await addToCart("cart_missing", "a")).status).toBe(404)
      expect((await addToCart(await newCart())).status).toBe(200)

      const saved = await call("post", "/store/recommendations/interactions", undefined, {
        interactions: [{ product_id: item.id, kind: "view", surface: "pdp" }],
      })
      const cookie = (saved.headers["set-cookie"] as string[]).find((c) => c.startsWith(`${GUEST_COOKIE}=`))!.split(";")[0]
      const guestId = `guest_${decodeURIComponent(cookie.slice(GUEST_COOKIE.length + 1)).split(".")[0]}`
      expect((await addToCart(await newCart("a"), "a")).status).toBe(200)
      expect((await addToCart(await newCart(), undefined, { cookie })).status).toBe(200)

      const customerId = await customerIdOf("a")
      let adds = await addsOf()
      // Recorded after the answer has gone: wait for the two that count.
      for (let i = 0; i < 30 && adds.length < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        adds = await addsOf()
      }
      await new Promise((resolve) => setTimeout(resolve, 300)) // room for a wrong third one to show
      adds = await addsOf()
      const owners = adds.map((a) => [a.customer_id ?? a.guest_id, a.surface, (a.value as { variant_id?: string } | null)?.variant_id]).sort()
      expect(owners).toEqual(
        [
          [customerId, "cart", item.variant_id],
          [guestId, "cart", item.variant_id],
        ].sort()
      )
    })

    it("bad parameters: 400 naming the parameter", async () => {
      const cases: [string, string][] = [
        [`/store/recommendations`, "region_id"],
        [`/store/recommendations?region_id=${eur}&budget=-5`, "budget"],
        [`/store/recommendations?region_id=${eur}&max_item_price=abc`, "max_item_price"],
        [`/store/recommendations?region_id=${eur}&sizes=tops:QQ`, "sizes.tops"],
        [`/store/recommendations?region_id=${eur}&sizes=nonsense`, "sizes"],
        [`/store/recommendations?region_id=${eur}&limit=0`, "limit"],
        [`/store/recommendations?region_id=${eur}&category=Not A Handle`, "category"],
        [`/store/recommendations/outfits?region_id=${eur}&season=winter`, "season"],
        [`/store/recommendations/outfits?region_id=${eur}&occasion=${"x".repeat(60)}`, "occasion"],
        [`/store/recommendations/outfits?region_id=${eur}&colour=red`, "colour"],
        [`/store/recommendations?region_id=reg_missing`, "reg_missing"],
      ]
      for (const [url, name] of cases) {
        const r = await call("get", url, "a")
        expect([url, r.status]).toEqual([url, 400])
        expect([url, messageOf(r)]).toEqual([url, expect.stringContaining(name)])
      }
      const bad = await call("post", "/store/recommendations/feedback", "a", { product_id: "p", action: "love" })
      expect(bad.status).toBe(400)
      expect(messageOf(bad)).toContain("action")
      const noVariants = await call("post", "/store/recommendations/outfits/cart", "a", { cart_id: "c", variant_ids: [] })
      expect(noVariants.status).toBe(400)
      expect(messageOf(noVariants)).toContain("variant_ids")
    })
  },
})
