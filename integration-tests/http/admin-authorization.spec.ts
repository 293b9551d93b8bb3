import http from "node:http"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow, createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { DEMO_CUSTOMERS, demoAdmin, seedPeople } from "../../src/scripts/demo-catalog/seed-people"
import { apiCaller, signIn, signInDemoAdmin, signInDemoCustomer } from "../helpers/api"
import { SOCIAL_MODULE } from "../../src/modules/social"
import SocialModuleService from "../../src/modules/social/service"

jest.setTimeout(300_000)

type Actor = "anonymous" | "customerA" | "customerB" | "moderator" | "admin"
const ACTORS: Actor[] = ["anonymous", "customerA", "customerB", "moderator", "admin"]

const MODERATOR = { email: "moderator@curator.local", password: "moderator-pw-1", first_name: "Mona", last_name: "Reviewer" }

/** What each actor must get: an exact status, or a class ("2xx"). */
type Expected = number | "2xx"
type Row = {
  method: "get" | "post" | "delete"
  url: string
  body?: unknown
  /** The moderator's answer (403 unless the route is moderation's or the dashboard shell's). */
  moderator: Expected
  /** The administrator's answer: 2xx, or the validation / not-found 4xx the bad body or id earns. */
  admin: Expected
  /** Anonymous callers' and customers' answer: 401, unless Medusa serves the route to everyone. */
  others?: Expected
}

const matches = (status: number, expected: Expected) => (expected === "2xx" ? status >= 200 && status < 300 : status === expected)

/**
 * Who may call every Curator admin route, and a sample of Medusa's own, over the whole matrix:
 * anonymous, customer A, customer B, a moderator and an administrator. Customers' tokens are not
 * admin users' (401), moderators reach the moderation API and the dashboard's shell only (403
 * `not_allowed` elsewhere, before any body is read), administrators everything. Also the role
 * route itself: who may set roles, the last administrator, and that a moderator cannot make
 * themselves an administrator through Medusa's own user routes.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const tokens: Record<Exclude<Actor, "anonymous">, string> = { customerA: "", customerB: "", moderator: "", admin: "" }
    const ids = { admin: "", moderator: "", product: "", lookbook: "", post: "", store: "" }

    const call = apiCaller<Actor>(api, () => store.publishableKey, tokens)

    beforeAll(async () => {
      const container = getContainer()
      store = await seedStore(container)
      await seedPeople(container)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)

      // A second admin user, made a moderator below through the role route.
      const auth = container.resolve(Modules.AUTH)
      const { authIdentity } = await auth.register("emailpass", { body: { email: MODERATOR.email, password: MODERATOR.password } } as any)
      await createUserAccountWorkflow(container).run({
        input: {
          authIdentityId: authIdentity!.id,
          userData: { email: MODERATOR.email, first_name: MODERATOR.first_name, last_name: MODERATOR.last_name },
        },
      })
      const { data: users } = await query.graph({ entity: "user", fields: ["id", "email"] })
      ids.admin = users.find((u: any) => u.email === demoAdmin().email)!.id
      ids.moderator = users.find((u: any) => u.email === MODERATOR.email)!.id

      const { result: products } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: "Matrix tee",
              status: "published",
              options: [{ title: "Size", values: ["M"] }],
              variants: [{ title: "M", options: { Size: "M" }, prices: [] }],
            },
          ],
        },
      })
      ids.product = products[0].id
      const { data: customers } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { email: DEMO_CUSTOMERS[0].email } })
      const post = await container
        .resolve<SocialModuleService>(SOCIAL_MODULE)
        .createSocialPosts({ customer_id: customers[0].id, caption: "Matrix look" })
      ids.post = post.id
      const { data: stores } = await query.graph({ entity: "store", fields: ["id"] })
      ids.store = stores[0].id

      tokens.admin = await signInDemoAdmin(api)
      tokens.moderator = await signIn(api, "user", MODERATOR.email, MODERATOR.password)
      tokens.customerA = await signInDemoCustomer(api, 0)
      tokens.customerB = await signInDemoCustomer(api, 1)
      ids.lookbook = (await call("post", "/admin/lookbooks", "admin", { title: "Matrix lookbook" })).data.lookbook.id

      const made = await call("post", `/admin/users/${ids.moderator}/role`, "admin", { role: "moderator" })
      expect([made.status, made.data]).toEqual([200, { user_role: { user_id: ids.moderator, role: "moderator" } }])
    })

    it("answers every admin route as the role allows, for every actor", async () => {
      const lb = () => `/admin/lookbooks/${ids.lookbook}`
      const rows: Row[] = [
        // Curator: social moderation (moderators' own routes).
        { method: "get", url: "/admin/social/moderation-queue", moderator: 200, admin: 200 },
        { method: "get", url: "/admin/social/posts", moderator: 200, admin: 200 },
        { method: "get", url: "/admin/social/posts?status=gone", moderator: 400, admin: 400 },
        { method: "get", url: `/admin/social/posts/${ids.post}`, moderator: 200, admin: 200 },
        { method: "get", url: "/admin/social/posts/spost_missing", moderator: 404, admin: 404 },
        { method: "post", url: `/admin/social/posts/${ids.post}/moderate`, body: { action: "approve" }, moderator: 200, admin: 200 },
        { method: "post", url: `/admin/social/posts/${ids.post}/moderate`, body: { action: "delete" }, moderator: 400, admin: 400 },
        // Curator: lookbooks, their looks, hotspots, cover and analytics (administrators only).
        { method: "get", url: "/admin/lookbooks", moderator: 403, admin: 200 },
        { method: "post", url: "/admin/lookbooks", body: {}, moderator: 403, admin: 400 },
        { method: "get", url: lb(), moderator: 403, admin: 200 },
        { method: "post", url: lb(), body: { title: 42 }, moderator: 403, admin: 400 },
        { method: "delete", url: "/admin/lookbooks/lookbook_missing", moderator: 403, admin: 404 },
        { method: "get", url: `${lb()}/analytics`, moderator: 403, admin: 200 },
        { method: "post", url: `${lb()}/cover`, body: { image: "x" }, moderator: 403, admin: 400 },
        { method: "post", url: `${lb()}/looks`, body: { caption: "no image" }, moderator: 403, admin: 400 },
        { method: "post", url: `${lb()}/looks/reorder`, body: {}, moderator: 403, admin: 400 },
        { method: "post", url: `${lb()}/looks/look_missing`, body: { position: "first" }, moderator: 403, admin: 400 },
        { method: "delete", url: `${lb()}/looks/look_missing`, moderator: 403, admin: 404 },
        { method: "post", url: `${lb()}/looks/look_missing/hotspots`, body: {}, moderator: 403, admin: 400 },
        { method: "get", url: `/admin/products/${ids.product}/lookbooks`, moderator: 403, admin: 200 },
        // Curator: visual search's index, re-index and analytics (administrators only).
        { method: "get", url: "/admin/visual/index", moderator: 403, admin: 200 },
        { method: "post", url: "/admin/visual/reindex", body: { product_id: 7 }, moderator: 403, admin: 400 },
        { method: "get", url: "/admin/visual/analytics?days=0", moderator: 403, admin: 400 },
        { method: "get", url: `/admin/products/${ids.product}/visual-index`, moderator: 403, admin: 200 },
        // Curator: roles. A moderator may read their own role only, and set none.
        { method: "get", url: `/admin/users/${ids.admin}/role`, moderator: 403, admin: 200 },
        { method: "get", url: `/admin/users/${ids.moderator}/role`, moderator: 200, admin: 200 },
        { method: "get", url: "/admin/users/me/role", moderator: 200, admin: 200 },
        { method: "get", url: "/admin/users/user_missing/role", moderator: 403, admin: 404 },
        { method: "post", url: `/admin/users/${ids.moderator}/role`, body: { role: "boss" }, moderator: 403, admin: 400 },
        { method: "post", url: "/admin/users/me/role", body: { role: "admin", extra: 1 }, moderator: 403, admin: 400 },
        // Medusa's own: catalog, orders, customers, users, settings (administrators), and the shell's reads (both).
        { method: "get", url: "/admin/products", moderator: 403, admin: 200 },
        { method: "post", url: "/admin/products", body: {}, moderator: 403, admin: 400 },
        { method: "get", url: `/admin/products/${ids.product}`, moderator: 403, admin: 200 },
        { method: "get", url: "/admin/orders", moderator: 403, admin: 200 },
        { method: "get", url: "/admin/customers", moderator: 403, admin: 200 },
        { method: "get", url: "/admin/users", moderator: 403, admin: 200 },
        { method: "post", url: "/admin/users/me", body: {}, moderator: 403, admin: 404 },
        { method: "get", url: "/admin/api-keys", moderator: 403, admin: 200 },
        { method: "post", url: `/admin/stores/${ids.store}`, body: { name: 7 }, moderator: 403, admin: 400 },
        { method: "get", url: "/admin/users/me", moderator: 200, admin: 200 },
        { method: "get", url: "/admin/stores", moderator: 200, admin: 200 },
        // Medusa serves its feature flags to anyone (the sign-in page reads them).
        { method: "get", url: "/admin/feature-flags", moderator: 200, admin: 200, others: 200 },
        { method: "get", url: "/admin/notifications", moderator: 200, admin: 200 },
        { method: "get", url: "/admin/layouts/sidebar/configuration", moderator: 200, admin: 200 },
        { method: "get", url: "/admin/layouts/configurations", moderator: 200, admin: 200 },
        { method: "get", url: "/admin/layouts/order.list/configuration", moderator: 403, admin: 200 },
      ]
      const failures: string[] = []
      for (const row of rows) {
        for (const actor of ACTORS) {
          const expected: Expected = actor === "moderator" ? row.moderator : actor === "admin" ? row.admin : (row.others ?? 401)
          const res = await call(row.method, row.url, actor, row.body)
          if (!matches(res.status, expected))
            failures.push(
              `${row.method.toUpperCase()} ${row.url} as ${actor}: ${res.status} (expected ${expected}) ${JSON.stringify(res.data).slice(0, 160)}`
            )
          if (actor === "moderator" && expected === 403) {
            expect(res.data).toEqual({
              type: "not_allowed",
              message: `Moderators may use the moderation queue only: ${row.method.toUpperCase()} ${row.url.split("?")[0]} is for administrators`,
            })
          }
        }
      }
      expect(failures).toEqual([])
    })

    it("refuses a moderator's way around the check: other spellings of a path, and raw dot segments", async () => {
      for (const url of ["/admin/Products", "/admin/products/", "/admin/PRODUCTS?limit=1"]) {
        const res = await call("get", url, "moderator")
        expect([url, res.status, res.data.type]).toEqual([url, 403, "not_allowed"])
      }
      // A raw request path the client does not normalise: the router resolves no "..", so nothing answers with products.
      const port = new URL(api.defaults.baseURL as string).port
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(
          { host: "localhost", port, path: "/admin/social/../products", headers: { authorization: `Bearer ${tokens.moderator}` } },
          (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
          }
        )
        req.on("error", reject)
        req.end()
      })
      expect(status).toBe(404)
    })

    it("lets only administrators set roles; a moderator cannot make themselves one through Medusa's user routes either", async () => {
      const promote = await call("post", `/admin/users/${ids.moderator}/role`, "moderator", { role: "admin" })
      expect([promote.status, promote.data.type]).toEqual([403, "not_allowed"])
      const viaMetadata = await call("post", `/admin/users/${ids.moderator}`, "moderator", { metadata: { role: "admin" } })
      expect(viaMetadata.status).toBe(403)
      // An administrator editing a moderator's metadata changes nothing about the role either.
      expect((await call("post", `/admin/users/${ids.moderator}`, "admin", { metadata: { role: "admin", curator_role: "admin" } })).status).toBe(200)
      expect((await call("get", "/admin/users/me/role", "moderator")).data).toEqual({ user_role: { user_id: ids.moderator, role: "moderator" } })
      expect((await call("get", "/admin/products", "moderator")).status).toBe(403)

      const unknown = await call("post", "/admin/users/user_missing/role", "admin", { role: "moderator" })
      expect([unknown.status, unknown.data.message]).toEqual([404, "User with id: user_missing was not found"])
      const bad = await call("post", `/admin/users/${ids.moderator}/role`, "admin", { role: "owner" })
      expect([bad.status, bad.data.type]).toEqual([400, "invalid_data"])
      expect(bad.data.message).toMatch(/Expected: 'admin, moderator' for field 'role', but got: 'owner'/)
    })

    it("never demotes the last administrator (422), and a moderator made administrator again gets everything back", async () => {
      const last = await call("post", `/admin/users/${ids.admin}/role`, "admin", { role: "moderator" })
      expect([last.status, last.data]).toEqual([
        422,
        {
          type: "not_allowed",
          message: `User ${ids.admin} is the last administrator and cannot become a moderator: make another user an administrator first`,
        },
      ])
      expect((await call("get", "/admin/products", "admin")).status).toBe(200)

      const restored = await call("post", `/admin/users/${ids.moderator}/role`, "admin", { role: "admin" })
      expect([restored.status, restored.data.user_role.role]).toEqual([200, "admin"])
      expect((await call("get", "/admin/products", "moderator")).status).toBe(200)
      // Two administrators now: one may step down, through "me", and loses the catalog at once.
      const stepDown = await call("post", "/admin/users/me/role", "admin", { role: "moderator" })
      expect([stepDown.status, stepDown.data.user_role]).toEqual([200, { user_id: ids.admin, role: "moderator" }])
      expect((await call("get", "/admin/products", "admin")).status).toBe(403)
      expect((await call("get", "/admin/social/moderation-queue", "admin")).status).toBe(200)
    })
  },
})
