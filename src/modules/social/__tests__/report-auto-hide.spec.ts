import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { SOCIAL_MODULE } from ".."
import SocialModuleService from "../service"
import { SocialComment, SocialFollow, SocialLike, SocialPost, SocialPostImage, SocialPostTag, SocialReport } from "../models"

jest.setTimeout(60_000)

const throwaway = { account_age_days: 0, orders: 0, upheld_reports: 0, rejected_reports: 0 }
const regular = { account_age_days: 120, orders: 1, upheld_reports: 0, rejected_reports: 0 }

moduleIntegrationTestRunner<SocialModuleService>({
  moduleName: SOCIAL_MODULE,
  resolve: "./src/modules/social",
  moduleOptions: { auto_hide_report_threshold: 3 },
  moduleModels: [SocialPost, SocialPostImage, SocialPostTag, SocialLike, SocialComment, SocialFollow, SocialReport],
  testSuite: ({ service }) => {
    const report = async (post_id: string, customer_id: string, standing: typeof throwaway) => {
      await service.createSocialReports({
        post_id,
        customer_id,
        reason: "spam",
        weight: service.weighReport(standing),
        reporter_standing: standing,
      } as any)
      await service.recountPosts([post_id])
      return service.hideIfReportScoreReached(post_id)
    }

    describe("auto-hide by weighted reports", () => {
      it("keeps a post up after three throwaway accounts report it", async () => {
        const post = await service.createSocialPosts({ customer_id: "cus_author" })
        for (const customer of ["cus_t1", "cus_t2", "cus_t3"])
          expect(await report(post.id, customer, throwaway)).toEqual({ hidden: false, score: expect.any(Number) })
        const after = await service.retrieveSocialPost(post.id)
        expect(after).toMatchObject({ status: "published", open_report_count: 3 })
        expect(after.open_report_score).toBeCloseTo(0.3, 5)
      })

      it("hides it once reporters with standing bring the weighted sum to the threshold, and says so in the note", async () => {
        const post = await service.createSocialPosts({ customer_id: "cus_author" })
        expect((await report(post.id, "cus_r1", regular)).hidden).toBe(false) // 1.25
        expect((await report(post.id, "cus_t1", throwaway)).hidden).toBe(false) // 1.35
        expect((await report(post.id, "cus_r2", regular)).hidden).toBe(false) // 2.6
        expect(await report(post.id, "cus_r3", regular)).toEqual({ hidden: true, score: 3.85 })
        const hidden = await service.retrieveSocialPost(post.id)
        expect(hidden).toMatchObject({ status: "hidden", moderated_by: "system:auto-hide" })
        expect(hidden.moderation_note).toBe("Hidden automatically: 4 reports weighing 3.85 reached the threshold of 3")
        // Already hidden: later reports change nothing more.
        expect((await report(post.id, "cus_r4", regular)).hidden).toBe(false)
      })

      it("counts a reporter's upheld and rejected reports once moderators decide", async () => {
        const [a, b] = await Promise.all([service.createSocialPosts({ customer_id: "cus_x" }), service.createSocialPosts({ customer_id: "cus_y" })])
        await service.createSocialReports([
          { post_id: a.id, customer_id: "cus_rep", reason: "spam", outcome: "upheld", resolved_at: new Date() },
          { post_id: b.id, customer_id: "cus_rep", reason: "spam", outcome: "rejected", resolved_at: new Date() },
          { post_id: b.id, customer_id: "cus_other", reason: "spam" },
        ] as any)
        expect(await service.reporterTrackRecord("cus_rep")).toEqual({ upheld_reports: 1, rejected_reports: 1 })
        expect(await service.reporterTrackRecord("cus_other")).toEqual({ upheld_reports: 0, rejected_reports: 0 })
      })

      it("does not hide a post that is not published", async () => {
        const post = await service.createSocialPosts({ customer_id: "cus_author", status: "pending" } as any)
        for (const customer of ["cus_r1", "cus_r2", "cus_r3"]) await report(post.id, customer, regular)
        expect((await service.retrieveSocialPost(post.id)).status).toBe("pending")
      })
    })
  },
})
