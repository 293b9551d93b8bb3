import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { apiCaller, signInDemoAdmin, signInDemoCustomer, signUpCustomer, storeHeaders, TestResponse } from "../helpers/api"
import { demoCustomerAddress, seedDemoShop } from "../helpers/demo-shop"
import type { SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { selectProducts } from "../../src/scripts/demo-catalog/seed-catalog"
import { generateDemoCatalog } from "../../src/scripts/demo-catalog/generate-catalog"
import { RECOMMENDATION_MODULE } from "../../src/modules/recommendation"
import type RecommendationModuleService from "../../src/modules/recommendation/service"
import { GUEST_COOKIE } from "../../src/api/utils/guest-id"
import { LOOKBOOK_MODULE } from "../../src/modules/lookbook"
import type LookbookModuleService from "../../src/modules/lookbook/service"

jest.setTimeout(300_000)

const PRODUCTS_PER_CATEGORY = 1

/** The guest cookie a response sets ("name=value"), or null; and whether it is httpOnly / cleared. */
function guestCookieOf(response: TestResponse): { pair: string; attributes: string } | null {
  const header = response.headers["set-cookie"] as string[] | undefined
  const cookie = header?.find((c) => c.startsWith(`${GUEST_COOKIE}=`))
  if (!cookie) return null
  const [pair, ...attributes] = cookie.split(";")
  return { pair: pair.trim(), attributes: attributes.join(";") }
}

/**
 * Style profiles and the interaction log through the Store API: a customer's own profile only,
 * field-naming 400s, guest profiles behind an httpOnly cookie that merge into the account at
 * sign-in, interactions from the storefront, and purchases recorded when an order is placed.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const tokens: Record<"a" | "b" | "admin", string> = { a: "", b: "", admin: "" }
    let productIds: string[] = []
    const call = apiCaller(api, () => store.publishableKey, tokens)
    const ME = "/store/customers/me/style-profile"
    const recommendation = () => getContainer().resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
    const customerIdOf = async (token: string) =>
      (await api.request({ method: "get", url: "/store/customers/me", headers: storeHeaders(store.publishableKey, token) })).data.customer
        .id as string

    beforeAll(async () => {
      const container = getContainer()
      store = (await seedDemoShop(container, { productsPerCategory: PRODUCTS_PER_CATEGORY })).store
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { status: "published" } })
      productIds = data.map((p) => p.id)
      tokens.a = await signInDemoCustomer(api, 0)
      tokens.b = await signInDemoCustomer(api, 1)
      tokens.admin = await signInDemoAdmin(api)
    })

    it("answers 401 on /customers/me routes without a signed-in customer, an admin's token included", async () => {
      for (const [method, url, body] of [
        ["get", ME, undefined],
        ["post", ME, { fit: "slim" }],
        ["post", `${ME}/merge`, {}],
      ] as const) {
        expect([method, url, (await call(method, url, undefined, body)).status]).toEqual([method, url, 401])
        expect([method, url, (await call(method, url, "admin", body)).status]).toEqual([method, url, 401])
      }
    })

    it("saves and answers the customer's own profile; another customer never sees it", async () => {
      const empty = await call("get", ME, "a")
      expect(empty.status).toBe(200)
      expect(empty.data.style_profile).toEqual({
        sizes: {},
        budget: { max_item: null, max_outfit: null, currency_code: null },
        colours_liked: [],
        colours_avoided: [],
        styles: [],
        brands: [],
        occasions: [],
        fit: null,
        measurements: null,
      })

      const saved = await call("post", ME, "a", {
        sizes: { tops: "m", trousers: "32", shoes: "39" },
        budget: { max_item: 150, max_outfit: 400, currency_code: "eur" },
        colours_liked: ["navy"],
        occasions: ["work"],
        fit: "regular",
        measurements: { height_cm: 170, chest_cm: 90 },
      })
      expect(saved.status).toBe(200)
      expect(saved.data.style_profile).toMatchObject({
        sizes: { tops: "M", trousers: "32", shoes: "39" },
        budget: { max_item: 150, max_outfit: 400, currency_code: "eur" },
        colours_liked: ["navy"],
        fit: "regular",
        measurements: { height_cm: 170, chest_cm: 90, source: "manual" },
      })
      // A patch changes what it names only.
      const patched = await call("post", ME, "a", { sizes: { shoes: null }, styles: ["minimal"] })
      expect(patched.data.style_profile).toMatchObject({ sizes: { tops: "M", trousers: "32" }, styles: ["minimal"], fit: "regular" })
      expect((await call("get", ME, "a")).data.style_profile).toEqual(patched.data.style_profile)

      // Customer b has their own (empty) profile, whatever a saved; their saves do not touch a's.
      expect((await call("get", ME, "b")).data.style_profile.sizes).toEqual({})
      await call("post", ME, "b", { fit: "slim" })
      expect((await call("get", ME, "a")).data.style_profile.fit).toBe("regular")
      // The module's getProfile (read by size advice) answers the same shape.
      expect(await recommendation().getProfile(await customerIdOf(tokens.a))).toEqual(patched.data.style_profile)
    })

    // The runner restores the seeded database before every test: each test saves the profiles it reads.
    it("answers 400 naming the field for bad values, and changes nothing", async () => {
      await call("post", ME, "a", { sizes: { tops: "M" }, fit: "regular" })
      const cases: [unknown, RegExp][] = [
        [{ sizes: { tops: "XXXL" } }, /sizes\.tops must be one of XS, S, M, L, XL, XXL/],
        [{ sizes: { shoes: "51" } }, /sizes\.shoes must be an EU shoe size from 35 to 48/],
        [{ sizes: { trousers: "50" } }, /sizes\.trousers/],
        [{ budget: { max_item: 300, max_outfit: 100 } }, /budget\.max_outfit/],
        [{ budget: { max_item: "cheap" } }, /budget\.max_item/],
        [{ fit: "baggy" }, /fit must be one of slim, regular, relaxed/],
        [{ colours_liked: ["red"], colours_avoided: ["red"] }, /colours_avoided/],
        [{ measurements: { waist_cm: 500 } }, /measurements\.waist_cm/],
        [{ favourite_colour: "red" }, /favourite_colour/],
      ]
      for (const [body, message] of cases) {
        const response = await call("post", ME, "a", body)
        expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400])
        expect(response.data).toMatchObject({ type: "invalid_data", message: expect.stringMatching(message) })
        const guest = await call("post", "/store/style-profile", undefined, body)
        expect([JSON.stringify(body), guest.status]).toEqual([JSON.stringify(body), 400])
      }
      const text = await call("post", ME, "a", "fit=slim", { "content-type": "text/plain" })
      expect(text.status).toBe(400)
      expect((await call("get", ME, "a")).data.style_profile).toMatchObject({ sizes: { tops: "M" }, fit: "regular" })
    })

    it("keeps a signed-out shopper's profile behind an httpOnly cookie and merges it into the account at sign-in", async () => {
      // Reading without a cookie issues none.
      const before = await call("get", "/store/style-profile")
      expect(before.status).toBe(200)
      expect(guestCookieOf(before)).toBeNull()

      const saved = await call("post", "/store/style-profile", undefined, { sizes: { tops: "s", shoes: 38 }, occasions: ["weekend"] })
      expect(saved.status).toBe(200)
      const cookie = guestCookieOf(saved)!
      expect(cookie.attributes).toMatch(/HttpOnly/i)
      expect(cookie.attributes).toMatch(/SameSite=Lax/i)
      const withCookie = { cookie: cookie.pair }
      const again = await call("post", "/store/style-profile", undefined, { fit: "relaxed" }, withCookie)
      expect(again.data.style_profile).toMatchObject({ sizes: { tops: "S", shoes: "38" }, fit: "relaxed" })
      expect((await call("get", "/store/style-profile", undefined, undefined, withCookie)).data.style_profile.fit).toBe("relaxed")
      // A cookie the server did not sign is nobody's: it reads nothing and a save gets a fresh id.
      const forged = { cookie: `${GUEST_COOKIE}=${"A".repeat(32)}.${"B".repeat(32)}` }
      expect((await call("get", "/store/style-profile", undefined, undefined, forged)).data.style_profile.fit).toBeNull()

      // The guest's views are recorded under the guest id too.
      const viewed = await call(
        "post",
        "/store/recommendations/interactions",
        undefined,
        { interactions: [{ product_id: productIds[0], kind: "view", surface: "pdp" }] },
        withCookie
      )
      expect(viewed.data).toEqual({ recorded: 1, not_found: [] })

      // Signing up and loading the account (as the storefront does after sign-in) merges it.
      const { token, customerId } = await signUpCustomer(api, store.publishableKey, {
        email: "guest-to-account@example.com",
        first_name: "Gia",
        last_name: "Guest",
      })
      const me = await api.request({
        method: "get",
        url: "/store/customers/me",
        headers: { ...storeHeaders(store.publishableKey, token), ...withCookie },
        validateStatus: () => true,
      })
      expect(me.status).toBe(200)
      expect(guestCookieOf(me)?.attributes).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i)
      const account = await api.request({ method: "get", url: ME, headers: storeHeaders(store.publishableKey, token) })
      expect(account.data.style_profile).toMatchObject({ sizes: { tops: "S", shoes: "38" }, occasions: ["weekend"], fit: "relaxed" })
      expect(await recommendation().listInteractions({ customer_id: customerId, kind: "view" })).toHaveLength(1)
      // The guest profile is gone: the old cookie reads an empty profile.
      expect((await call("get", "/store/style-profile", undefined, undefined, withCookie)).data.style_profile.sizes).toEqual({})
    })

    it("merges a guest profile into an existing account through POST .../merge, the newer values winning", async () => {
      await call("post", ME, "a", { sizes: { tops: "M", trousers: "32" }, fit: "regular" })
      const guest = await call("post", "/store/style-profile", undefined, { sizes: { tops: "L" }, brands: ["Maison Lune"] })
      const withCookie = { cookie: guestCookieOf(guest)!.pair }
      const merged = await call("post", `${ME}/merge`, "a", {}, withCookie)
      expect(merged.status).toBe(200)
      expect(merged.data.merged).toBe(true)
      expect(merged.data.style_profile).toMatchObject({ sizes: { tops: "L", trousers: "32" }, brands: ["Maison Lune"], fit: "regular" })
      const again = await call("post", `${ME}/merge`, "a", undefined, withCookie)
      expect(again.status).toBe(200)
      expect(again.data.merged).toBe(false)
      // Customer b's profile is untouched by a's merge.
      expect((await call("get", ME, "b")).data.style_profile.brands).toEqual([])
    })

    it("offers the quiz's looks: photo cards of our own products across categories, the same each time, with bad parameters refused", async () => {
      const { data: regions } = await api.get("/store/regions", { headers: storeHeaders(store.publishableKey) })
      const europe = regions.regions.find((r: { currency_code: string }) => r.currency_code === "eur")
      const looks = await call("get", `/store/recommendations/quiz-looks?region_id=${europe.id}`)
      expect(looks.status).toBe(200)
      const ids = looks.data.looks.map((l: { id: string }) => l.id)
      expect(ids.length).toBeGreaterThanOrEqual(8)
      expect(ids.length).toBeLessThanOrEqual(12)
      expect(new Set(ids).size).toBe(ids.length)
      for (const look of looks.data.looks) {
        expect(look).toMatchObject({ thumbnail: expect.any(String), in_stock: true, picked: false, calculated_price: { currency_code: "eur" } })
        expect(productIds).toContain(look.id)
      }
      // Spread over the wardrobe: no one slot fills the quiz.
      const slots = looks.data.looks.map((l: { slot: string }) => l.slot)
      expect(new Set(slots).size).toBeGreaterThanOrEqual(4)
      expect((await call("get", `/store/recommendations/quiz-looks?region_id=${europe.id}`)).data.looks.map((l: { id: string }) => l.id)).toEqual(ids)
      expect((await call("get", `/store/recommendations/quiz-looks?region_id=${europe.id}&limit=3`)).data.looks).toHaveLength(3)
      for (const [query, message] of [
        ["", /region_id or country_code/],
        [`?region_id=${europe.id}&limit=13`, /limit.*12/],
        [`?region_id=${europe.id}&colour=red`, /colour/],
      ] as const) {
        const response = await call("get", `/store/recommendations/quiz-looks${query}`)
        expect([query, response.status]).toEqual([query, 400])
        expect(response.data.message).toMatch(message)
      }
    })

    it("records the quiz's looks as likes once, fills the answers left empty from them, and refuses an unknown look saving nothing", async () => {
      const customerId = await customerIdOf(tokens.a)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: products } = await query.graph({
        entity: "product",
        fields: ["id", "metadata", "options.title", "options.values.value"],
        filters: { id: productIds },
      })
      const coloursOf = (id: string) =>
        products
          .find((p) => p.id === id)!
          .options!.find((o) => o!.title === "Colour")!
          .values!.map((v) => v!.value.toLowerCase())
      // The first look comes in several colours, so one left after the shopper avoids its first;
      // which products list first varies between runs.
      const severalColours = productIds.find((id) => coloursOf(id).length >= 2)!
      const looks = [severalColours, productIds.find((id) => id !== severalColours)!]
      const quizLikes = () => recommendation().listInteractions({ customer_id: customerId, kind: "like", surface: "quiz" })

      await call("post", ME, "a", { sizes: { tops: "M" }, colours_avoided: [coloursOf(looks[0])[0]] })
      const saved = await call("post", ME, "a", { occasions: ["evening"], colours_liked: [], liked_product_ids: [...looks, looks[0]] })
      expect(saved.status).toBe(200)
      // Colours left empty come from the looks, never one the shopper avoids; the answered occasions stay theirs.
      const derived = saved.data.style_profile.colours_liked as string[]
      expect(derived.length).toBeGreaterThan(0)
      for (const colour of derived) expect([...coloursOf(looks[0]), ...coloursOf(looks[1])]).toContain(colour)
      expect(derived).not.toContain(coloursOf(looks[0])[0])
      expect(saved.data.style_profile).toMatchObject({ sizes: { tops: "M" }, occasions: ["evening"] })
      expect((await quizLikes()).map((r) => r.product_id).sort()).toEqual([...looks].sort())

      // Saved again: each look is still liked once; a look no longer picked is no longer liked.
      expect((await call("post", ME, "a", { liked_product_ids: looks })).status).toBe(200)
      expect(await quizLikes()).toHaveLength(2)
      expect((await call("post", ME, "a", { liked_product_ids: [looks[1]] })).status).toBe(200)
      expect((await quizLikes()).map((r) => r.product_id)).toEqual([looks[1]])
      const { data: regions } = await api.get("/store/regions", { headers: storeHeaders(store.publishableKey) })
      const europe = regions.regions.find((r: { currency_code: string }) => r.currency_code === "eur")
      const shown = (await call("get", `/store/recommendations/quiz-looks?region_id=${europe.id}`, "a")).data.looks as {
        id: string
        picked: boolean
      }[]
      expect(shown.filter((l) => l.picked).map((l) => l.id)).toEqual(shown.some((l) => l.id === looks[1]) ? [looks[1]] : [])

      // An unknown look: 400 naming it, and neither the profile nor the likes change.
      const before = (await call("get", ME, "a")).data.style_profile
      for (const [body, message] of [
        [{ fit: "slim", liked_product_ids: [looks[0], "prod_not_ours"] }, /liked_product_ids\.1: "prod_not_ours" is not a product of this shop/],
        [{ liked_product_ids: Array.from({ length: 13 }, (_, i) => `prod_${i}`) }, /liked_product_ids.*12/],
        [{ liked_product_ids: "prod_1" }, /liked_product_ids/],
      ] as const) {
        const refused = await call("post", ME, "a", body)
        expect([JSON.stringify(body).slice(0, 60), refused.status]).toEqual([JSON.stringify(body).slice(0, 60), 400])
        expect(refused.data.message).toMatch(message)
      }
      expect((await call("get", ME, "a")).data.style_profile).toEqual(before)
      expect((await quizLikes()).map((r) => r.product_id)).toEqual([looks[1]])
    })

    it("records a guest's quiz looks under the guest cookie and moves them into the account at sign-in", async () => {
      const refused = await call("post", "/store/style-profile", undefined, { sizes: { tops: "S" }, liked_product_ids: ["prod_not_ours"] })
      expect(refused.status).toBe(400)
      // A refused save issues no guest identity.
      expect(guestCookieOf(refused)).toBeNull()

      const saved = await call("post", "/store/style-profile", undefined, { sizes: { tops: "S" }, liked_product_ids: [productIds[2]] })
      expect(saved.status).toBe(200)
      expect(saved.data.style_profile.colours_liked.length).toBeGreaterThan(0)
      const withCookie = { cookie: guestCookieOf(saved)!.pair }
      const again = await call("post", "/store/style-profile", undefined, { liked_product_ids: [productIds[2]] }, withCookie)
      expect(again.status).toBe(200)
      const guestLikes = await recommendation().listInteractions({ kind: "like", surface: "quiz", product_id: productIds[2] })
      expect(guestLikes).toHaveLength(1)
      expect(guestLikes[0]).toMatchObject({ customer_id: null, guest_id: expect.stringMatching(/^guest_/) })

      const { token, customerId } = await signUpCustomer(api, store.publishableKey, {
        email: "quiz-guest@example.com",
        first_name: "Quinn",
        last_name: "Quiz",
      })
      const merged = await api.request({ method: "get", url: ME, headers: { ...storeHeaders(store.publishableKey, token), ...withCookie } })
      expect(merged.data.style_profile.sizes).toEqual({ tops: "S" })
      expect((await recommendation().listInteractions({ customer_id: customerId, kind: "like", surface: "quiz" })).map((r) => r.product_id)).toEqual([
        productIds[2],
      ])
    })

    it("records interactions from the storefront, skipping unknown products, refusing server-only kinds", async () => {
      const customerId = await customerIdOf(tokens.b)
      const recorded = await call("post", "/store/recommendations/interactions", "b", {
        interactions: [
          { product_id: productIds[1], kind: "impression", surface: "for_you", value: { position: 1 } },
          { product_id: productIds[1], kind: "click", surface: "for_you" },
          { product_id: "prod_does_not_exist", kind: "view" },
        ],
      })
      expect(recorded.status).toBe(200)
      expect(recorded.data).toEqual({ recorded: 2, not_found: ["prod_does_not_exist"] })
      expect(guestCookieOf(recorded)).toBeNull()
      const rows = await recommendation().listInteractions({ customer_id: customerId, product_id: productIds[1] })
      expect(rows.map((r) => r.kind).sort()).toEqual(["click", "impression"])
      expect(rows.find((r) => r.kind === "impression")).toMatchObject({ surface: "for_you", value: { position: 1 } })

      for (const [body, message] of [
        [{ interactions: [{ product_id: productIds[0], kind: "purchase" }] }, /kind/],
        [{ interactions: [] }, /interactions/],
        [{ interactions: Array.from({ length: 51 }, () => ({ product_id: productIds[0], kind: "view" })) }, /interactions/],
        [{ interactions: [{ product_id: productIds[0], kind: "view", surface: "Not A Surface!" }] }, /surface/],
      ] as const) {
        const response = await call("post", "/store/recommendations/interactions", "b", body)
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(message)
      }
    })

    it("records a lookbook view for each product of the look when the lookbook route counts it", async () => {
      const lookbooks = getContainer().resolve<LookbookModuleService>(LOOKBOOK_MODULE)
      const [lookbook] = await lookbooks.createLookbooks([
        { title: "Interactions", handle: "interactions-test", status: "published", published_at: new Date() },
      ])
      const [look] = await lookbooks.createLookbookLooks([
        { lookbook_id: lookbook.id, image_url: "http://localhost/static/look.jpg", width: 800, height: 1000 },
      ])
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({
        entity: "product_variant",
        fields: ["id", "product_id"],
        filters: { product_id: productIds.slice(0, 2) },
      })
      const byProduct = productIds.slice(0, 2).map((id) => variants.find((v) => v.product_id === id)!)
      await lookbooks.createLookbookHotspots(
        byProduct.map((v, i) => ({ look_id: look.id, x: 0.2 + i * 0.3, y: 0.5, product_id: v.product_id!, variant_id: v.id }))
      )

      const customerId = await customerIdOf(tokens.b)
      const url = `/store/lookbooks/${lookbook.id}/looks/${look.id}/views`
      expect((await call("post", url, "b", {})).status).toBe(201)
      const views = async () => recommendation().listInteractions({ customer_id: customerId, kind: "lookbook_view" })
      let rows = await views()
      for (let attempt = 0; attempt < 20 && rows.length < 2; attempt++) {
        await new Promise((r) => setTimeout(r, 100))
        rows = await views()
      }
      expect(rows.map((r) => r.product_id).sort()).toEqual(productIds.slice(0, 2).sort())
      expect(rows[0]).toMatchObject({ surface: "lookbook", value: { look_id: look.id } })
      // A repeat the lookbook does not count (200) records nothing either.
      expect((await call("post", url, "b", {})).status).toBe(200)
      await new Promise((r) => setTimeout(r, 300))
      expect(await views()).toHaveLength(2)
    })

    it("records a wardrobe interaction when a catalog garment is added to the wardrobe, once per product", async () => {
      const customerId = await customerIdOf(tokens.b)
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({
        entity: "product_variant",
        fields: ["id", "product_id"],
        filters: { product_id: productIds[2] },
      })
      for (const name of ["My jumper", "The same jumper again"]) {
        const created = await call("post", "/store/wardrobe/items", "b", { name, variant_id: variants[0].id })
        expect(created.status).toBeLessThan(300)
      }
      // An item without a catalog variant is nobody's product: nothing to record.
      expect((await call("post", "/store/wardrobe/items", "b", { name: "Vintage find" })).status).toBeLessThan(300)
      const rows = async () => recommendation().listInteractions({ customer_id: customerId, kind: "wardrobe" })
      let found = await rows()
      for (let attempt = 0; attempt < 20 && !found.length; attempt++) {
        await new Promise((r) => setTimeout(r, 100))
        found = await rows()
      }
      await new Promise((r) => setTimeout(r, 300))
      found = await rows()
      expect(found.map((r) => r.product_id)).toEqual([productIds[2]])
    })

    it("records a purchase interaction for each product of a placed order, once", async () => {
      const container = getContainer()
      const customerId = await customerIdOf(tokens.a)
      const { data: regions } = await api.get("/store/regions", { headers: storeHeaders(store.publishableKey) })
      const europe = regions.regions.find((r: { currency_code: string }) => r.currency_code === "eur")
      const demo = selectProducts(generateDemoCatalog(), PRODUCTS_PER_CATEGORY)
      const sku = demo.flatMap((p) => p.variants.filter((v) => v.stock.eu >= 3).map((v) => v.sku))[0]
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { sku } })

      let { data } = await call("post", "/store/carts", "a", { region_id: europe.id })
      const cartId = data.cart.id
      await call("post", `/store/carts/${cartId}/line-items`, "a", { variant_id: variants[0].id, quantity: 2 })
      const address = demoCustomerAddress(0)
      await call("post", `/store/carts/${cartId}`, "a", { shipping_address: address, billing_address: address })
      ;({ data } = await call("get", `/store/shipping-options?cart_id=${cartId}`, "a"))
      await call("post", `/store/carts/${cartId}/shipping-methods`, "a", { option_id: data.shipping_options[0].id })
      ;({ data } = await call("post", "/store/payment-collections", "a", { cart_id: cartId }))
      await call("post", `/store/payment-collections/${data.payment_collection.id}/payment-sessions`, "a", { provider_id: "pp_system_default" })
      const completed = await call("post", `/store/carts/${cartId}/complete`, "a")
      expect(completed.data.type).toBe("order")
      const orderId = completed.data.order.id

      const purchases = () => recommendation().listInteractions({ customer_id: customerId, kind: "purchase" })
      let rows = await purchases()
      for (let attempt = 0; attempt < 40 && !rows.length; attempt++) {
        await new Promise((r) => setTimeout(r, 250))
        rows = await purchases()
      }
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({
        product_id: variants[0].product_id,
        surface: "order",
        value: { order_id: orderId, variant_ids: [variants[0].id] },
      })

      // The event delivered again records nothing more.
      await container.resolve("event_bus").emit({ name: "order.placed", data: { id: orderId } })
      await new Promise((r) => setTimeout(r, 1000))
      expect(await purchases()).toHaveLength(1)
    })
  },
})
