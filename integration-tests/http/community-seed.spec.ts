import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { apiCaller } from "../helpers/api"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { seedCatalog } from "../../src/scripts/demo-catalog/seed-catalog"
import type { DemoProduct } from "../../src/scripts/demo-catalog/generate-catalog"
import { seedCommunity, SeededCommunity } from "../../src/scripts/demo-catalog/seed-community"
import { COMMUNITY_GUEST_PREFIX, COMMUNITY_SURFACE } from "../../src/scripts/demo-catalog/community"
import { RECOMMENDATION_MODULE } from "../../src/modules/recommendation"
import type RecommendationModuleService from "../../src/modules/recommendation/service"
import { GUEST_COOKIE } from "../../src/api/utils/guest-id"

jest.setTimeout(600_000)

const PRODUCTS_PER_CATEGORY = 3
const SIZES = "tops:M,trousers:M,shoes:39"
const DAY_MS = 24 * 60 * 60 * 1000

type LogRow = {
  guest_id: string | null
  customer_id: string | null
  product_id: string
  kind: string
  value: any
  dedup_key: string | null
  created_at: Date
}
type Recommended = { id: string; title: string; reasons: string[] }

/**
 * The demo seed's community (src/scripts/demo-catalog/seed-community.ts) on the demo shop: a few hundred
 * simulated shoppers' history in the interaction log, written once however often the seed runs, and
 * what it is for: a new shopper who looked at a product is recommended what the community bought with it.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let catalog: DemoProduct[]
    let seeded: SeededCommunity
    const call = apiCaller(api, () => store.publishableKey, {})
    const recommendation = () => getContainer().resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
    const communityLog = async () =>
      (await recommendation().listInteractions(
        { surface: COMMUNITY_SURFACE },
        { select: ["guest_id", "customer_id", "product_id", "kind", "value", "dedup_key", "created_at"], take: null }
      )) as unknown as LogRow[]

    beforeAll(async () => {
      // The store and catalog only: the community needs no demo customers.
      store = await seedStore(getContainer())
      catalog = await seedCatalog(getContainer(), store, { productsPerCategory: PRODUCTS_PER_CATEGORY })
      seeded = await seedCommunity(getContainer(), store, catalog)
    })

    it("writes at least 200 community shoppers' history over past weeks into the log, and a second seed adds nothing", async () => {
      const rows = await communityLog()
      expect(seeded.recorded).toBe(seeded.interactions)
      expect(rows.length).toBe(seeded.interactions)
      const shoppers = new Set(rows.map((r) => r.guest_id))
      expect(shoppers.size).toBeGreaterThanOrEqual(200)
      expect(shoppers.size).toBe(seeded.shoppers)
      for (const r of rows) {
        expect(r.customer_id).toBeNull()
        expect(r.guest_id!.startsWith(COMMUNITY_GUEST_PREFIX)).toBe(true)
      }
      const kinds = new Set(rows.map((r) => r.kind))
      expect([...kinds].sort()).toEqual(["add_to_cart", "like", "purchase", "view"])
      const ages = rows.map((r) => (Date.now() - new Date(r.created_at).getTime()) / DAY_MS)
      expect(Math.min(...ages)).toBeGreaterThan(0)
      expect(Math.max(...ages)).toBeGreaterThan(7 * 8)

      // Every cart and purchase names a variant of its product, as the seeded catalog has it.
      const bought = rows.filter((r) => r.kind === "purchase" || r.kind === "add_to_cart")
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({
        entity: "product_variant",
        fields: ["id", "product_id"],
        filters: { id: [...new Set(bought.map((r) => r.value.variant_id as string))] },
      })
      const productOf = new Map(variants.map((v) => [v.id, v.product_id]))
      for (const r of bought) expect(productOf.get(r.value.variant_id)).toBe(r.product_id)

      const again = await seedCommunity(getContainer(), store, catalog)
      expect(again).toEqual(expect.objectContaining({ shoppers: seeded.shoppers, interactions: seeded.interactions, recorded: 0 }))
      expect((await communityLog()).length).toBe(rows.length)
    })

    it("a new shopper who looked at a product is recommended what the community bought with it", async () => {
      const rows = await communityLog()
      // What the community bought together: each visit's purchases (the dedup key names shopper and visit).
      const baskets = new Map<string, Set<string>>()
      for (const r of rows) {
        if (r.kind !== "purchase") continue
        const visit = r.dedup_key!.split(":").slice(1, 3).join(":")
        baskets.set(visit, (baskets.get(visit) ?? new Set()).add(r.product_id))
      }
      const coBought = new Map<string, Map<string, number>>()
      for (const basket of baskets.values()) {
        for (const a of basket)
          for (const b of basket) {
            if (a === b) continue
            const row = coBought.get(a) ?? new Map<string, number>()
            row.set(b, (row.get(b) ?? 0) + 1)
            coBought.set(a, row)
          }
      }
      // The product most often bought with others, and those it was bought with.
      const [anchor, partners] = [...coBought.entries()].sort(
        ([a, x], [b, y]) => [...y.values()].reduce((s, n) => s + n, 0) - [...x.values()].reduce((s, n) => s + n, 0) || (a < b ? -1 : 1)
      )[0]
      expect(partners.size).toBeGreaterThan(0)

      const recorded = await call("post", "/store/recommendations/interactions", undefined, {
        interactions: [
          { product_id: anchor, kind: "view", surface: "pdp" },
          { product_id: anchor, kind: "add_to_cart", surface: "pdp" },
        ],
      })
      expect(recorded.status).toBe(200)
      const cookie = (recorded.headers["set-cookie"] as string[]).find((c) => c.startsWith(`${GUEST_COOKIE}=`))!.split(";")[0]

      const url = `/store/recommendations?region_id=${store.regionIdsByCurrency.eur}&sizes=${SIZES}&limit=48`
      const theirs = await call("get", url, undefined, undefined, { cookie })
      const anyone = await call("get", url)
      expect([theirs.status, anyone.status]).toEqual([200, 200])
      const mine = theirs.data.recommendations as Recommended[]
      const plain = anyone.data.recommendations as Recommended[]

      const { data: products } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "product", fields: ["id", "title"], filters: { id: anchor } })
      const because = `often chosen with the ${products[0].title}`
      const explained = mine.filter((item) => item.reasons.some((r) => r.startsWith(because)))
      // Said because of what the community chose with it (views and carts in one visit count too), among it what it bought with it.
      expect(explained.length).toBeGreaterThan(0)
      expect(explained.some((item) => partners.has(item.id))).toBe(true)
      // Nobody without that history is told so.
      expect(plain.some((item) => item.reasons.some((r) => r.startsWith("often chosen with")))).toBe(false)

      // And what the community bought with it ranks higher for this shopper than for anyone.
      const rankIn = (list: Recommended[], id: string) => {
        const i = list.findIndex((item) => item.id === id)
        return i < 0 ? list.length : i
      }
      const shared = [...partners.keys()].filter((id) => rankIn(mine, id) < mine.length || rankIn(plain, id) < plain.length)
      expect(shared.length).toBeGreaterThan(0)
      const meanRank = (list: Recommended[]) => shared.reduce((s, id) => s + rankIn(list, id), 0) / shared.length
      expect(meanRank(mine)).toBeLessThan(meanRank(plain))
    })
  },
})
