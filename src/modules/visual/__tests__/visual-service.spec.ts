import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { VISUAL_MODULE } from ".."
import VisualModuleService from "../service"
import { VisualImage, VisualSearch, VisualSearchClick } from "../models"
import { backoffSeconds, VISUAL_INDEX_MAX_ATTEMPTS } from "../constants"

jest.setTimeout(60_000)

const secondsBetween = (later: Date | string, earlier: Date | string) => (new Date(later).getTime() - new Date(earlier).getTime()) / 1000

moduleIntegrationTestRunner<VisualModuleService>({
  moduleName: VISUAL_MODULE,
  resolve: "./src/modules/visual",
  moduleModels: [VisualImage, VisualSearch, VisualSearchClick],
  testSuite: ({ service }) => {
    const image = async (image_id: string) => (await service.listVisualImages({ image_id }))[0]

    describe("visual module", () => {
      it("syncs a product's images: new and changed ones to index, gone ones removed", async () => {
        const first = await service.syncProductImages("prod_1", [
          { image_id: "img_a", url: "http://x/a.jpg" },
          { image_id: "img_b", url: "http://x/b.jpg" },
        ])
        expect(first.toIndex.map((r) => r.image_id).sort()).toEqual(["img_a", "img_b"])
        expect(first.removed).toEqual([])
        expect(first.toIndex.every((r) => r.status === "pending" && r.attempts === 0 && r.product_id === "prod_1")).toBe(true)
        await service.recordIndexed("img_a", "v1")
        await service.recordIndexed("img_b", "v1")

        // Nothing changed: nothing to do.
        expect(
          await service.syncProductImages("prod_1", [
            { image_id: "img_a", url: "http://x/a.jpg" },
            { image_id: "img_b", url: "http://x/b.jpg" },
          ])
        ).toEqual({ toIndex: [], removed: [] })

        // b replaced by c, a's file changed.
        const second = await service.syncProductImages("prod_1", [
          { image_id: "img_a", url: "http://x/a2.jpg" },
          { image_id: "img_c", url: "http://x/c.jpg" },
        ])
        expect(second.toIndex.map((r) => [r.image_id, r.image_url, r.status]).sort()).toEqual([
          ["img_a", "http://x/a2.jpg", "pending"],
          ["img_c", "http://x/c.jpg", "pending"],
        ])
        expect(second.removed.map((r) => r.image_id)).toEqual(["img_b"])
        expect(await image("img_b")).toBeUndefined()
        // Until the sidecar has dropped it, the removal waits to be retried.
        expect((await service.removalsDue(10)).map((r) => r.image_id)).toEqual(["img_b"])
        expect(await service.forgetRemovedImages([second.removed[0].id, second.toIndex[0].id])).toBe(1)
        expect(await service.removalsDue(10)).toEqual([])

        // A deleted or unpublished product: every row goes.
        const gone = await service.syncProductImages("prod_1", [])
        expect(gone.removed.map((r) => r.image_id).sort()).toEqual(["img_a", "img_c"])
        expect(await service.listVisualImages({ product_id: "prod_1" })).toEqual([])

        // Published again before the sidecar dropped its images: indexed anew, and the stale removal is gone.
        const back = await service.syncProductImages("prod_1", [{ image_id: "img_a", url: "http://x/a2.jpg" }])
        expect(back.toIndex.map((r) => r.image_id)).toEqual(["img_a"])
        expect((await service.removalsDue(10)).map((r) => r.image_id)).toEqual(["img_c"])
      })

      it("inserts each image once when syncs of one product run at the same time", async () => {
        const images = [1, 2, 3].map((i) => ({ image_id: `img_race_${i}`, url: `http://x/${i}.jpg` }))
        const results = await Promise.all(Array.from({ length: 5 }, () => service.syncProductImages("prod_race", images)))
        expect(results.flatMap((r) => r.toIndex)).toHaveLength(3)
        expect(await service.listVisualImages({ product_id: "prod_race" })).toHaveLength(3)
      })

      it("keeps an image replaced while it was being indexed pending", async () => {
        await service.syncProductImages("prod_2", [{ image_id: "img_r", url: "http://x/old.jpg" }])
        await service.syncProductImages("prod_2", [{ image_id: "img_r", url: "http://x/new.jpg" }])
        expect(await service.recordIndexed("img_r", "v1", "http://x/old.jpg")).toBeNull()
        expect(await image("img_r")).toMatchObject({ status: "pending" })
        expect(await service.recordIndexed("img_r", "v1", "http://x/new.jpg")).toMatchObject({ status: "indexed", model_version: "v1" })
      })

      it("retries failures with doubling waits up to 10 minutes and gives up after 8 attempts", async () => {
        expect([0, 1, 2, 6, 7, 8, 20].map(backoffSeconds)).toEqual([5, 10, 20, 320, 600, 600, 600])
        await service.syncProductImages("prod_3", [{ image_id: "img_f", url: "http://x/f.jpg" }])
        expect((await service.dueForIndexing(10)).map((r) => r.image_id)).toContain("img_f")

        for (let attempt = 1; attempt < VISUAL_INDEX_MAX_ATTEMPTS; attempt++) {
          const row = (await service.recordFailure("img_f", `connection refused #${attempt}`))!
          expect(row).toMatchObject({ status: "pending", attempts: attempt, last_error: `connection refused #${attempt}` })
          expect(secondsBetween(row.next_attempt_at!, row.updated_at)).toBeCloseTo(backoffSeconds(attempt - 1), 0)
          // Not due while it waits.
          expect((await service.dueForIndexing(10)).map((r) => r.image_id)).not.toContain("img_f")
        }
        const last = (await service.recordFailure("img_f", "still down"))!
        expect(last).toMatchObject({ status: "failed", attempts: VISUAL_INDEX_MAX_ATTEMPTS, last_error: "still down", next_attempt_at: null })
        expect((await service.recentFailures(5))[0]).toMatchObject({ image_id: "img_f", last_error: "still down" })
        expect(await service.recordFailure("img_missing", "x")).toBeNull()

        // Success clears the error.
        await service.requestReindex({ product_id: "prod_3" })
        await service.recordIndexed("img_f", "v1")
        expect(await image("img_f")).toMatchObject({ status: "indexed", attempts: 0, last_error: null, next_attempt_at: null })
        expect((await service.recentFailures(5)).map((r) => r.image_id)).not.toContain("img_f")
      })

      it("lists due images never tried first and leaves failed ones for a reindex", async () => {
        await service.syncProductImages("prod_4", [
          { image_id: "img_d1", url: "http://x/d1.jpg" },
          { image_id: "img_d2", url: "http://x/d2.jpg" },
        ])
        // d1 waits for its retry; d2 is due.
        await service.recordFailure("img_d1", "timeout")
        expect((await service.dueForIndexing(50)).map((r) => r.image_id)).toEqual(expect.arrayContaining(["img_d2"]))
        expect((await service.dueForIndexing(50)).map((r) => r.image_id)).not.toContain("img_d1")
        expect(await service.dueForIndexing(0)).toEqual([])
        expect((await service.dueForIndexing(50, ["prod_4"])).map((r) => r.image_id)).toEqual(["img_d2"])
        expect(await service.dueForIndexing(50, ["prod_other"])).toEqual([])
      })

      it("queues reindexing per product, for all, and for outdated model versions, and counts per model version", async () => {
        await service.syncProductImages("prod_5", [
          { image_id: "img_s1", url: "http://x/s1.jpg" },
          { image_id: "img_s2", url: "http://x/s2.jpg" },
        ])
        await service.syncProductImages("prod_6", [
          { image_id: "img_s3", url: "http://x/s3.jpg" },
          { image_id: "img_s4", url: "http://x/s4.jpg" },
        ])
        await service.recordIndexed("img_s1", "v1")
        await service.recordIndexed("img_s2", "v2")
        await service.recordIndexed("img_s3", "v2")
        for (let i = 0; i < VISUAL_INDEX_MAX_ATTEMPTS; i++) await service.recordFailure("img_s4", "bad image")

        expect(await service.indexStats()).toEqual([
          { model_version: null, indexed: 0, pending: 0, failed: 1 },
          { model_version: "v1", indexed: 1, pending: 0, failed: 0 },
          { model_version: "v2", indexed: 2, pending: 0, failed: 0 },
        ])

        // Indexed by v1 while the sidecar runs v2: only s1 goes back to pending.
        expect(await service.requestReindexOutdated("v2")).toBe(1)
        expect(await image("img_s1")).toMatchObject({ status: "pending", model_version: "v1" })

        expect(await service.requestReindex({ product_id: "prod_6" })).toBe(2)
        expect(await image("img_s4")).toMatchObject({ status: "pending", attempts: 0, last_error: null, next_attempt_at: null })
        expect(await service.requestReindex({ image_ids: ["img_s2"] })).toBe(1)
        expect((await service.indexStats()).reduce((n, s) => n + s.pending, 0)).toBe(4)
        expect(await service.requestReindex()).toBe(4)
      })

      it("reports searches per day with no-garment, no-purchasable and click-through counts", async () => {
        const search = (fields: Partial<{ garment_found: boolean; purchasable_count: number; result_count: number }>) =>
          service.createVisualSearches({
            kind: "photo",
            item_count: fields.garment_found === false ? 0 : 1,
            garment_found: true,
            result_count: 5,
            purchasable_count: 5,
            latency_ms: 120,
            ...fields,
          })
        const hit = await search({})
        await search({ garment_found: false, result_count: 0, purchasable_count: 0 })
        await search({ purchasable_count: 0 })
        const other = await search({})
        await service.createVisualSearchClicks([
          { search_id: hit.id, product_id: "prod_a", position: 0 },
          { search_id: hit.id, product_id: "prod_b", position: 3 },
          { search_id: other.id, product_id: "prod_c", position: 1 },
        ])
        // A search of 10 days ago is outside a 7-day window.
        const old = await search({})
        await service.updateVisualSearches({ id: old.id, created_at: new Date(Date.now() - 10 * 86_400_000) } as any)

        const week = await service.searchAnalytics(7)
        expect(week.days).toHaveLength(7)
        const today = new Date().toISOString().slice(0, 10)
        expect(week.days[6]).toEqual({ date: today, searches: 4, no_garment: 1, no_purchasable: 1, clicks: 3, clicked_searches: 2 })
        expect(week.days.slice(0, 6).every((d) => d.searches === 0)).toBe(true)
        expect(week.totals).toEqual({ searches: 4, no_garment: 1, no_purchasable: 1, clicks: 3, clicked_searches: 2, click_through_rate: 0.5 })
        expect((await service.searchAnalytics(30)).totals.searches).toBe(5)
      })
    })
  },
})
