import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { DEMO_CUSTOMER_PASSWORD, DEMO_CUSTOMERS, seedPeople } from "../../src/scripts/demo-catalog/seed-people"
import { WARDROBE_MODULE } from "../../src/modules/wardrobe"
import WardrobeModuleService from "../../src/modules/wardrobe/service"
import { storeHeaders } from "../helpers/api"
import { solidJpeg } from "../helpers/images"
import { multipartForm } from "../helpers/multipart"

jest.setTimeout(300_000)

// Sign-in, registration and password reset run with their real defaults (10 attempts per
// account and 100 per address in 15 minutes; 5 resets per account an hour). Uploads get an
// explicit small limit here: the default (200 an hour per shopper) would take 200 uploads to show.
const UPLOAD_LIMIT = 3
const previousUploadLimit = process.env.RATE_LIMIT_UPLOAD_SHOPPER
process.env.RATE_LIMIT_UPLOAD_SHOPPER = `${UPLOAD_LIMIT}/1h`

const RATE_LIMIT_HEADERS = [
  "ratelimit-limit",
  "ratelimit-remaining",
  "ratelimit-reset",
  "x-ratelimit-limit",
  "x-ratelimit-remaining",
  "x-ratelimit-reset",
]

/**
 * Rate limits through the HTTP API, as an attacker meets them: Medusa's own sign-in,
 * registration and password-reset routes per account (whatever the address) and per address
 * (across accounts), and a shopper's uploads; 429 with Retry-After and the RateLimit-* /
 * X-RateLimit-* headers. Clients are told apart by the address the nearest proxy reports
 * (X-Forwarded-For; Medusa trusts one proxy hop).
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const tokens = { a: "", b: "" }
    const [customerA, customerB, customerC] = DEMO_CUSTOMERS

    const from = (address: string) => ({ "x-forwarded-for": address })
    const signIn = (email: string, password: string, address: string) =>
      api.post("/auth/customer/emailpass", { email, password }, { headers: from(address), validateStatus: () => true })
    const rateLimitHeaders = (res: { headers: Record<string, unknown> }) =>
      Object.fromEntries(RATE_LIMIT_HEADERS.map((name) => [name, res.headers[name]]))
    /** A 429 as the issue describes it: the body, Retry-After and all six headers, consistent. */
    const expectTooMany = (res: { status: number; data: any; headers: Record<string, unknown> }, what: string, limit: number) => {
      expect([res.status, res.data.type]).toEqual([429, "too_many_requests"])
      expect(res.data.message).toMatch(new RegExp(`^Too many ${what} .*: at most ${limit} per .*\\. Try again in \\d+ seconds?\\.$`))
      const retryAfter = Number(res.headers["retry-after"])
      expect(retryAfter).toBeGreaterThanOrEqual(1)
      expect(res.data.message).toContain(`Try again in ${retryAfter} second`)
      const h = rateLimitHeaders(res)
      expect(h).toMatchObject({
        "ratelimit-limit": String(limit),
        "ratelimit-remaining": "0",
        "ratelimit-reset": String(retryAfter),
        "x-ratelimit-limit": String(limit),
        "x-ratelimit-remaining": "0",
      })
      // The older header is a Unix time: now plus the wait.
      expect(Math.abs(Number(h["x-ratelimit-reset"]) - (Date.now() / 1000 + retryAfter))).toBeLessThan(30)
      return retryAfter
    }

    beforeAll(async () => {
      const container = getContainer()
      store = await seedStore(container)
      await seedPeople(container)
      tokens.a = (await signIn(customerA.email, DEMO_CUSTOMER_PASSWORD, "10.1.0.1")).data.token
      tokens.b = (await signIn(customerB.email, DEMO_CUSTOMER_PASSWORD, "10.1.0.2")).data.token
    })

    afterAll(() => {
      if (previousUploadLimit === undefined) delete process.env.RATE_LIMIT_UPLOAD_SHOPPER
      else process.env.RATE_LIMIT_UPLOAD_SHOPPER = previousUploadLimit
    })

    describe("sign-in", () => {
      it("answers the 11th wrong password for an account with 429, from whatever address, and leaves other accounts alone", async () => {
        for (let i = 1; i <= 10; i++) {
          const res = await signIn(customerA.email.toUpperCase(), `wrong-${i}`, `198.51.100.${i}`)
          expect(res.status).toBe(401)
          // Every limited answer carries the headers, allowed ones too.
          expect(rateLimitHeaders(res)).toMatchObject({
            "ratelimit-limit": "10",
            "ratelimit-remaining": String(10 - i),
            "x-ratelimit-limit": "10",
            "x-ratelimit-remaining": String(10 - i),
          })
          expect(Number(res.headers["ratelimit-reset"])).toBeGreaterThan(0)
          expect(res.headers["retry-after"]).toBeUndefined()
        }
        // The e-mail is normalised: case and spaces do not make another account.
        const refused = await signIn(`  ${customerA.email} `, "wrong-11", "198.51.100.11")
        expectTooMany(refused, "sign-in attempts", 10)
        expect(refused.data.message).toContain("for this account")
        // Guessing stops: the right password is refused too until the wait is over, from any address.
        expect((await signIn(customerA.email, DEMO_CUSTOMER_PASSWORD, "203.0.113.200")).status).toBe(429)
        // Another account from the same addresses signs in.
        const other = await signIn(customerB.email, DEMO_CUSTOMER_PASSWORD, "198.51.100.1")
        expect([other.status, typeof other.data.token]).toEqual([200, "string"])
      })

      it("answers the 101st attempt from one address with 429, whichever accounts it tries", async () => {
        const address = "192.0.2.77"
        for (let batch = 0; batch < 10; batch++) {
          const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(`nobody-${batch}-${i}@example.com`, "guess", address)))
          expect(answers.map((r) => r.status)).toEqual(Array(10).fill(401))
        }
        const refused = await signIn("nobody-else@example.com", "guess", address)
        expectTooMany(refused, "sign-in attempts", 100)
        expect(refused.data.message).toContain("from your network address")
        // A real shopper at that address waits too; the same shopper elsewhere signs in.
        expect((await signIn(customerC.email, DEMO_CUSTOMER_PASSWORD, address)).status).toBe(429)
        expect((await signIn(customerC.email, DEMO_CUSTOMER_PASSWORD, "192.0.2.78")).status).toBe(200)
      })

      it("gives a successful sign-in's attempt back, so shoppers who know their password are never limited", async () => {
        for (let i = 0; i < 15; i++) {
          const res = await signIn(customerB.email, DEMO_CUSTOMER_PASSWORD, "10.9.9.9")
          expect(res.status).toBe(200)
          expect(res.headers["ratelimit-remaining"]).toBe("9")
        }
      })
    })

    describe("registration and password reset", () => {
      it("limits password reset requests per account, whatever the address", async () => {
        const reset = (identifier: string, address: string) =>
          api.post("/auth/customer/emailpass/reset-password", { identifier }, { headers: from(address), validateStatus: () => true })
        for (let i = 1; i <= 5; i++) expect((await reset(customerC.email, `198.18.0.${i}`)).status).toBe(201)
        expectTooMany(await reset(customerC.email, "198.18.0.6"), "password reset requests", 5)
        expect((await reset(customerB.email, "198.18.0.6")).status).toBe(201)
      })

      it("limits registrations per e-mail", async () => {
        const register = (address: string) =>
          api.post(
            "/auth/customer/emailpass/register",
            { email: "new-shopper@example.com", password: "secret-123" },
            { headers: from(address), validateStatus: () => true }
          )
        const answers: number[] = []
        for (let i = 1; i <= 5; i++) answers.push((await register(`198.18.1.${i}`)).status)
        // Medusa answers each (a repeat with the same password is accepted as a sign-in); each counts.
        expect(answers).toEqual([200, 200, 200, 200, 200])
        expectTooMany(await register("198.18.1.6"), "registrations", 5)
      })
    })

    describe("uploads", () => {
      it("limits a shopper's wardrobe uploads per shopper: the next one gets 429 before anything is stored", async () => {
        const photo = await solidJpeg(64, 64)
        const upload = (who: "a" | "b", name: string) =>
          api.post("/store/wardrobe/items", multipartForm({ name }, [{ field: "photo", bytes: photo, name: "photo.jpg" }]), {
            headers: { ...storeHeaders(store.publishableKey, tokens[who]), ...from("10.20.30.40") },
            validateStatus: () => true,
          })
        for (let i = 1; i <= UPLOAD_LIMIT; i++) {
          const res = await upload("a", `Shirt ${i}`)
          expect([res.status, res.data.message]).toEqual([201, undefined])
          expect(rateLimitHeaders(res)).toMatchObject({ "ratelimit-limit": String(UPLOAD_LIMIT), "ratelimit-remaining": String(UPLOAD_LIMIT - i) })
        }
        const refused = await upload("a", "One too many")
        expectTooMany(refused, "wardrobe uploads and changes", UPLOAD_LIMIT)
        expect(refused.data.message).toContain("for your account")
        const wardrobe = getContainer().resolve<WardrobeModuleService>(WARDROBE_MODULE)
        const [, count] = await wardrobe.listAndCountWardrobeItems({ name: "One too many" })
        expect(count).toBe(0)
        // Another shopper at the same address uploads.
        expect((await upload("b", "Coat")).status).toBe(201)
      })
    })
  },
})
