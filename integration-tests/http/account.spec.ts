import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { signIn, signUpCustomer, storeHeaders } from "../helpers/api"

jest.setTimeout(300_000)

// Read by medusa-config when the runner loads it (each spec file has its own process.env).
process.env.GOOGLE_CLIENT_ID = "curator-test-client"
process.env.GOOGLE_CLIENT_SECRET = "curator-test-secret"

/**
 * A shopper's password through the HTTP API: Medusa's forgotten-password flow (the reset request
 * never says whether the email has an account; the subscriber logs the storefront link with the
 * one-time token, which then sets a new password), and a signed-in customer's password change,
 * which checks the current password first. With Google's keys set, the sign-in methods the
 * storefront reads list Google, whose route answers the consent address.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let logged: string[] = []
    let warn: jest.SpyInstance

    beforeAll(async () => {
      store = await seedStore(getContainer())
    })
    beforeEach(() => {
      logged = []
      const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER)
      warn = jest.spyOn(logger, "warn").mockImplementation((message: string) => {
        logged.push(String(message))
        return logger
      })
    })
    afterEach(() => warn.mockRestore())

    const post = (url: string, body: unknown, headers: Record<string, string> = {}) => api.post(url, body, { headers, validateStatus: () => true })
    const canSignIn = async (email: string, password: string) => (await post("/auth/customer/emailpass", { email, password })).status === 200
    /** The reset link the subscriber logs for `email` (events are handled after the response). */
    const resetLinkFor = async (email: string): Promise<URL> => {
      for (let i = 0; i < 100; i++) {
        const line = logged.find((l) => l.includes(`email=${encodeURIComponent(email)}`))
        const link = line?.match(/https?:\/\/\S+/)?.[0]
        if (link) return new URL(link)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      throw new Error(`no reset link was logged for ${email}; logged: ${JSON.stringify(logged)}`)
    }

    it("lists Google among the customer sign-in methods once its keys are set, and starts its sign-in with Google's consent address", async () => {
      const { data } = await api.get("/auth/customer/providers")
      expect(data.providers.map((p: { id: string }) => p.id).sort()).toEqual(["emailpass", "google"])
      const { data: start } = await api.get("/auth/customer/google")
      const consent = new URL(start.location)
      expect(consent.hostname).toBe("accounts.google.com")
      expect(consent.searchParams.get("client_id")).toBe("curator-test-client")
    })

    it("logs a reset link to the storefront's page for the shopper's country; its token sets a new password once", async () => {
      const email = "reset-me@curator.test"
      await signUpCustomer(api, store.publishableKey, { email, first_name: "Ada", last_name: "Reset", password: "old-password" })

      const requested = await post("/auth/customer/emailpass/reset-password", { identifier: email, metadata: { country_code: "us" } })
      expect(requested.status).toBe(201)
      const link = await resetLinkFor(email)
      expect(`${link.origin}${link.pathname}`).toBe("http://localhost:8000/us/account/reset-password")
      expect(link.searchParams.get("email")).toBe(email)
      const token = link.searchParams.get("token")!
      expect(token.split(".")).toHaveLength(3)

      const updated = await post("/auth/customer/emailpass/update", { password: "new-password" }, { authorization: `Bearer ${token}` })
      expect(updated.status).toBe(200)
      expect(await canSignIn(email, "new-password")).toBe(true)
      expect(await canSignIn(email, "old-password")).toBe(false)
      // One use only.
      const again = await post("/auth/customer/emailpass/update", { password: "third-password" }, { authorization: `Bearer ${token}` })
      expect(again.status).toBe(401)
      expect(await canSignIn(email, "new-password")).toBe(true)
    })

    it("answers an unknown email exactly as a known one, and logs no link for it", async () => {
      const unknown = await post("/auth/customer/emailpass/reset-password", { identifier: "nobody@curator.test" })
      expect(unknown.status).toBe(201)
      const known = "known@curator.test"
      await signUpCustomer(api, store.publishableKey, { email: known, first_name: "Kim", last_name: "Known" })
      const answered = await post("/auth/customer/emailpass/reset-password", { identifier: known })
      expect([answered.status, answered.data]).toEqual([unknown.status, unknown.data])
      // Without a country the link leaves the choice to the storefront (it sends the shopper to its default one).
      expect((await resetLinkFor(known)).pathname).toBe("/account/reset-password")
      expect(logged.some((l) => l.includes("nobody"))).toBe(false)
    })

    it("changes a signed-in customer's password only with the right current password", async () => {
      const email = "change-me@curator.test"
      const { token } = await signUpCustomer(api, store.publishableKey, { email, first_name: "Cy", last_name: "Change", password: "first-password" })
      const headers = storeHeaders(store.publishableKey, token)
      const change = (body: unknown, h = headers) => post("/store/customers/me/password", body, h)

      expect((await change({ current_password: "first-password", new_password: "second-password" }, storeHeaders(store.publishableKey))).status).toBe(
        401
      )
      const wrong = await change({ current_password: "not-my-password", new_password: "second-password" })
      expect([wrong.status, wrong.data.message]).toEqual([400, "The current password is not correct."])
      const short = await change({ current_password: "first-password", new_password: "short" })
      expect(short.status).toBe(400)
      expect(short.data.message).toMatch(/new_password.*8/)
      expect(await canSignIn(email, "first-password")).toBe(true)

      const changed = await change({ current_password: "first-password", new_password: "second-password" })
      expect([changed.status, changed.data]).toEqual([200, { success: true }])
      expect(await canSignIn(email, "second-password")).toBe(true)
      expect(await canSignIn(email, "first-password")).toBe(false)
      expect(await signIn(api, "customer", email, "second-password")).toEqual(expect.any(String))
    })
  },
})
