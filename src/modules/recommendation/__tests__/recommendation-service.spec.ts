import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { RECOMMENDATION_MODULE } from ".."
import RecommendationModuleService from "../service"
import { Interaction, StyleProfile } from "../models"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<RecommendationModuleService>({
  moduleName: RECOMMENDATION_MODULE,
  resolve: "./src/modules/recommendation",
  moduleModels: [StyleProfile, Interaction],
  testSuite: ({ service }) => {
    describe("style profiles", () => {
      it("has no profile until one is saved, then answers it in canonical form", async () => {
        expect(await service.getProfile("cus_new")).toBeNull()
        const saved = await service.upsertProfile("cus_1", {
          sizes: { tops: "m", trousers: "32", jeans: "w30", shoes: 39, dresses: "2xl" },
          budget: { max_item: 150, max_outfit: 400, currency_code: "EUR" },
          colours_liked: ["Navy", " navy ", "Olive"],
          colours_avoided: ["orange"],
          styles: ["Minimal"],
          brands: ["Maison Lune"],
          occasions: ["work"],
          fit: "regular",
          measurements: { height_cm: 172, chest_cm: 92.26 },
        })
        expect(saved).toEqual({
          sizes: { tops: "M", trousers: "32", jeans: "30", shoes: "39", dresses: "XXL" },
          budget: { max_item: 150, max_outfit: 400, currency_code: "eur" },
          colours_liked: ["navy", "olive"],
          colours_avoided: ["orange"],
          styles: ["minimal"],
          brands: ["Maison Lune"],
          occasions: ["work"],
          fit: "regular",
          measurements: { height_cm: 172, chest_cm: 92.3, source: "manual" },
        })
        expect(await service.getProfile("cus_1")).toEqual(saved)
      })

      it("applies patches key by key, and keeps one row per customer", async () => {
        await service.upsertProfile("cus_2", {
          sizes: { tops: "S", shoes: "38.5" },
          budget: { max_item: 80, currency_code: "usd" },
          styles: ["classic"],
        })
        const next = await service.upsertProfile("cus_2", {
          sizes: { shoes: null, trousers: "M" },
          budget: { max_outfit: 200 },
          measurements: { waist_cm: 74, source: "estimated", uncertainty_cm: 2.5 },
        })
        expect(next.sizes).toEqual({ tops: "S", trousers: "M" })
        expect(next.budget).toEqual({ max_item: 80, max_outfit: 200, currency_code: "usd" })
        expect(next.styles).toEqual(["classic"])
        expect(next.measurements).toEqual({ waist_cm: 74, source: "estimated", uncertainty_cm: 2.5 })
        // Typing a measurement makes it the shopper's own: the estimate's uncertainty goes.
        expect((await service.upsertProfile("cus_2", { measurements: { waist_cm: 75 } })).measurements).toEqual({ waist_cm: 75, source: "manual" })
        expect((await service.upsertProfile("cus_2", { budget: null, measurements: null })).budget).toEqual({
          max_item: null,
          max_outfit: null,
          currency_code: null,
        })
        expect(await service.listStyleProfiles({ customer_id: "cus_2" })).toHaveLength(1)
        // Two first saves at once meet the unique index; both succeed and one row remains.
        await Promise.all([service.upsertProfile("cus_race", { fit: "slim" }), service.upsertProfile("cus_race", { styles: ["street"] })])
        expect(await service.listStyleProfiles({ customer_id: "cus_race" })).toHaveLength(1)
      })

      it("refuses bad values with a message naming each field, and changes nothing", async () => {
        await service.upsertProfile("cus_3", { sizes: { tops: "M" } })
        const cases: [Record<string, unknown>, RegExp][] = [
          [{ sizes: { tops: "XXXL" } }, /sizes\.tops must be one of XS, S, M, L, XL, XXL/],
          [{ sizes: { shoes: "34" } }, /sizes\.shoes must be an EU shoe size from 35 to 48/],
          [{ sizes: { shoes: "39.3" } }, /sizes\.shoes/],
          [{ sizes: { trousers: "41" } }, /sizes\.trousers must be one of .* or a waist size from 24 to 40/],
          [{ sizes: { bags: "M" } }, /sizes\.bags must be "One size"/],
          [{ sizes: { "Tops!": "M" } }, /not a category handle/],
          [{ budget: { max_item: -5 } }, /budget\.max_item must be a positive amount/],
          [{ budget: { currency_code: "euro" } }, /budget\.currency_code/],
          [{ budget: { max_item: 200, max_outfit: 100 } }, /budget\.max_outfit \(100\) must be at least budget\.max_item \(200\)/],
          [{ colours_liked: ["red"], colours_avoided: ["Red"] }, /colours_avoided repeats colours also liked: red/],
          [{ fit: "baggy" }, /fit must be one of slim, regular, relaxed/],
          [{ styles: "minimal" }, /styles must be a list/],
          [{ measurements: { height_cm: 20 } }, /measurements\.height_cm must be a number from 100 to 230/],
          [{ measurements: { source: "guessed" } }, /measurements\.source/],
          [{ favourite: "x" }, /favourite is not a style profile field/],
        ]
        for (const [patch, message] of cases) {
          await expect(service.upsertProfile("cus_3", patch)).rejects.toMatchObject({ type: "invalid_data", message: expect.stringMatching(message) })
        }
        expect((await service.getProfile("cus_3"))?.sizes).toEqual({ tops: "M" })
      })
    })

    describe("guest profiles", () => {
      it("merges a guest's profile and interactions into the account, the newer one winning, once", async () => {
        await service.upsertProfile("cus_m", {
          sizes: { tops: "L", shoes: "42" },
          colours_liked: ["black"],
          budget: { max_item: 100, currency_code: "eur" },
        })
        await service.upsertGuestProfile("guest_abc", {
          sizes: { tops: "M", trousers: "30" },
          colours_liked: ["navy"],
          colours_avoided: ["black"],
          occasions: ["weekend"],
          budget: { max_outfit: 300 },
        })
        await service.recordInteractions([
          { guest_id: "guest_abc", product_id: "prod_1", kind: "view" },
          { guest_id: "guest_abc", product_id: "prod_2", kind: "click", surface: "for_you" },
          { guest_id: "guest_other", product_id: "prod_3", kind: "view" },
        ])

        const result = await service.mergeGuestProfile("cus_m", { guest_id: "guest_abc" })
        expect(result.merged).toBe(true)
        expect(result.moved_interactions).toBe(2)
        expect(result.style_profile).toMatchObject({
          sizes: { tops: "M", shoes: "42", trousers: "30" },
          colours_liked: ["navy"],
          colours_avoided: ["black"],
          occasions: ["weekend"],
          budget: { max_item: 100, max_outfit: 300, currency_code: "eur" },
        })
        expect(await service.getGuestProfile("guest_abc")).toBeNull()
        expect((await service.listInteractions({ customer_id: "cus_m" })).map((i) => i.product_id).sort()).toEqual(["prod_1", "prod_2"])
        expect(await service.listInteractions({ guest_id: "guest_other" })).toHaveLength(1)

        const again = await service.mergeGuestProfile("cus_m", { guest_id: "guest_abc" })
        expect(again).toMatchObject({ merged: false, moved_interactions: 0 })
        expect(again.style_profile).toEqual(result.style_profile)
      })

      it("gives a new account the guest's profile whole, and merges values kept elsewhere", async () => {
        await service.upsertGuestProfile("guest_new", { fit: "relaxed", sizes: { shoes: 40 } })
        expect((await service.mergeGuestProfile("cus_fresh", { guest_id: "guest_new" })).style_profile).toMatchObject({
          fit: "relaxed",
          sizes: { shoes: "40" },
        })
        expect(await service.listStyleProfiles({ customer_id: "cus_fresh" })).toHaveLength(1)

        const fromValues = await service.mergeGuestProfile("cus_fresh", { styles: ["boho"], sizes: { tops: "xs" } })
        expect(fromValues.style_profile).toMatchObject({ fit: "relaxed", styles: ["boho"], sizes: { shoes: "40", tops: "XS" } })
        await expect(service.mergeGuestProfile("cus_fresh", { sizes: { tops: "huge" } })).rejects.toMatchObject({
          message: expect.stringMatching(/sizes\.tops/),
        })
      })
    })

    describe("interactions", () => {
      it("records a batch, skipping dedup keys already recorded, and refuses bad rows naming them", async () => {
        const first = await service.recordInteractions([
          {
            customer_id: "cus_i",
            product_id: "prod_1",
            kind: "purchase",
            surface: "order",
            value: { order_id: "order_1" },
            dedup_key: "order:order_1:prod_1",
          },
          { customer_id: "cus_i", product_id: "prod_1", kind: "purchase", dedup_key: "order:order_1:prod_1" },
          { customer_id: "cus_i", product_id: "prod_2", kind: "impression", created_at: "2026-01-02T03:04:05Z" },
        ])
        expect(first).toBe(2)
        expect(
          await service.recordInteractions([{ customer_id: "cus_i", product_id: "prod_1", kind: "purchase", dedup_key: "order:order_1:prod_1" }])
        ).toBe(0)
        const rows = await service.listInteractions({ customer_id: "cus_i" }, { order: { created_at: "ASC" } })
        expect(rows.map((r) => [r.kind, r.product_id])).toEqual([
          ["impression", "prod_2"],
          ["purchase", "prod_1"],
        ])
        expect(new Date(rows[0].created_at).toISOString()).toBe("2026-01-02T03:04:05.000Z")
        expect(rows[1].value).toEqual({ order_id: "order_1" })

        await expect(service.recordInteractions([{ product_id: "prod_1", kind: "view" }])).rejects.toThrow(
          /interactions\.0\.customer_id or interactions\.0\.guest_id is required/
        )
        await expect(
          service.recordInteractions([
            { customer_id: "cus_i", product_id: "prod_1", kind: "view" },
            { customer_id: "cus_i", product_id: "prod_1", kind: "stare" as never },
          ])
        ).rejects.toThrow(/interactions\.1\.kind must be one of/)
        // Nothing of a refused batch is recorded.
        expect(await service.listInteractions({ customer_id: "cus_i" })).toHaveLength(2)
      })
    })
  },
})
