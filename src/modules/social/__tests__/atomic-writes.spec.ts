import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { SOCIAL_MODULE } from ".."
import SocialModuleService, { NewPostTag } from "../service"
import { SocialComment, SocialFollow, SocialLike, SocialPost, SocialPostImage, SocialPostTag, SocialReport } from "../models"

jest.setTimeout(60_000)

const photo = (n: number) => ({ url: `http://localhost/static/p${n}.jpg`, file_id: null, width: 600, height: 800 })
const tag = (product_id: string, photo_index = 0): NewPostTag => ({ product_id, variant_id: null, x: 0.5, y: 0.5, photo_index })
/** A tag the database refuses (product_id is NOT NULL): fails after the rows before it were written. */
const badTag = { ...tag("prod_x"), product_id: null } as unknown as NewPostTag
const standing = { account_age_days: 120, orders: 1, upheld_reports: 0, rejected_reports: 0 }

/**
 * Each multi-row write of the social module runs in one transaction: a failure part way through
 * leaves nothing of it written. Without @InjectTransactionManager each inner create/update commits
 * on its own, and these tests find the rows written before the failure.
 */
moduleIntegrationTestRunner<SocialModuleService>({
  moduleName: SOCIAL_MODULE,
  resolve: "./src/modules/social",
  moduleOptions: { auto_hide_report_threshold: 3 },
  moduleModels: [SocialPost, SocialPostImage, SocialPostTag, SocialLike, SocialComment, SocialFollow, SocialReport],
  testSuite: ({ service, MikroOrmWrapper }) => {
    /**
     * Runs `write` while the database refuses every UPDATE of a table: a failure in the middle of
     * a service method, after its earlier writes went through.
     */
    const withUpdatesRefused = async (table: string, write: () => Promise<unknown>) => {
      await MikroOrmWrapper.forkManager().execute(`
        CREATE OR REPLACE FUNCTION test_refuse_update() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'update refused'; END $$ LANGUAGE plpgsql;
        CREATE TRIGGER test_refuse_update BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION test_refuse_update();`)
      try {
        await expect(write()).rejects.toThrow("update refused")
      } finally {
        await MikroOrmWrapper.forkManager().execute(`DROP TRIGGER test_refuse_update ON ${table}`)
      }
    }

    const newPost = (customer_id: string, tags: NewPostTag[] = [tag("prod_a")]) =>
      service.createPostWithContent({ customer_id, caption: "Look", visibility: "public", status: "published", photos: [photo(1), photo(2)], tags })

    describe("atomic social writes", () => {
      it("creates a post with its photos and tags, or none of them when a tag fails", async () => {
        const post = await newPost("cus_ok", [tag("prod_a", 0), tag("prod_b", 1)])
        expect(await service.listSocialPostImages({ post_id: post.id })).toHaveLength(2)
        expect(await service.listSocialPostTags({ post_id: post.id })).toHaveLength(2)

        await expect(newPost("cus_failed", [tag("prod_a"), badTag])).rejects.toThrow()
        expect(await service.listSocialPosts({ customer_id: "cus_failed" }, { withDeleted: true })).toHaveLength(0)
        // Only the first post's photo: none of the failed post's was kept.
        expect(await service.listSocialPostImages({ url: photo(1).url }, { withDeleted: true })).toEqual([
          expect.objectContaining({ post_id: post.id }),
        ])
      })

      it("checks photos and tags in one place before writing anything", async () => {
        await expect(newPost("cus_checked", [tag("prod_a", 2)])).rejects.toThrow(
          "tag of product prod_a is on photo_index 2, but the post has 2 photo(s)"
        )
        await expect(
          service.createPostWithContent({
            customer_id: "cus_checked",
            caption: null,
            visibility: "public",
            status: "published",
            photos: [],
            tags: [],
          })
        ).rejects.toThrow("a post needs at least one photo")
        const tooMany = Array.from({ length: 21 }, (_, i) => tag(`prod_${i}`))
        await expect(newPost("cus_checked", tooMany)).rejects.toThrow("a post has at most 20 tags")
        expect(await service.listSocialPosts({ customer_id: "cus_checked" }, { withDeleted: true })).toHaveLength(0)
      })

      it("replaces a post's tags, or keeps the old ones when a new one fails; undo brings the old ones back", async () => {
        const post = await newPost("cus_tags", [tag("prod_old")])
        await expect(service.replacePostTags(post.id, [tag("prod_new"), badTag])).rejects.toThrow()
        expect((await service.listSocialPostTags({ post_id: post.id })).map((t) => t.product_id)).toEqual(["prod_old"])

        const replaced = await service.replacePostTags(post.id, [tag("prod_new", 1)])
        expect((await service.listSocialPostTags({ post_id: post.id })).map((t) => t.product_id)).toEqual(["prod_new"])
        await expect(service.replacePostTags(post.id, [tag("prod_new", 5)])).rejects.toThrow("photo_index 5")
        await service.undoReplacePostTags(replaced)
        expect((await service.listSocialPostTags({ post_id: post.id })).map((t) => t.product_id)).toEqual(["prod_old"])
      })

      it("moderates a post, its reports and counters together, or not at all", async () => {
        const post = await newPost("cus_mod")
        await service.reportPost({ post_id: post.id, customer_id: "cus_r1", reason: "spam", standing })
        // The post is updated first; the reports' update then fails.
        await withUpdatesRefused("social_report", () => service.moderatePost({ post_id: post.id, action: "remove", moderator_id: "user_1" }))
        expect(await service.retrieveSocialPost(post.id)).toMatchObject({ status: "published", moderated_by: null, open_report_count: 1 })
        expect(await service.listSocialReports({ post_id: post.id })).toEqual([expect.objectContaining({ resolved_at: null, outcome: null })])

        const undo = await service.moderatePost({ post_id: post.id, action: "remove", moderator_id: "user_1" })
        expect(await service.retrieveSocialPost(post.id)).toMatchObject({ status: "removed", moderated_by: "user_1", open_report_count: 0 })
        expect(await service.listSocialReports({ post_id: post.id })).toEqual([expect.objectContaining({ resolved_by: "user_1", outcome: "upheld" })])
        await service.undoModeration(undo)
        expect(await service.retrieveSocialPost(post.id)).toMatchObject({ status: "published", moderated_by: null, open_report_count: 1 })
      })

      it("records a report with its counters and auto-hide together, or not at all", async () => {
        const post = await newPost("cus_rep")
        // The report is inserted first; the post's counters then fail to update.
        await withUpdatesRefused("social_post", () => service.reportPost({ post_id: post.id, customer_id: "cus_r1", reason: "spam", standing }))
        expect(await service.listSocialReports({ post_id: post.id }, { withDeleted: true })).toHaveLength(0)
        expect(await service.retrieveSocialPost(post.id)).toMatchObject({ report_count: 0, open_report_count: 0 })
      })

      it("comments with the post's counter, or not at all", async () => {
        const post = await newPost("cus_com")
        await withUpdatesRefused("social_post", () => service.commentOnPost({ post_id: post.id, customer_id: "cus_c", body: "Nice" }))
        expect(await service.listSocialComments({ post_id: post.id }, { withDeleted: true })).toHaveLength(0)

        const { change } = await service.commentOnPost({ post_id: post.id, customer_id: "cus_c", body: "Nice" })
        expect((await service.retrieveSocialPost(post.id)).comment_count).toBe(1)
        await service.undoEngagement(change)
        expect((await service.retrieveSocialPost(post.id)).comment_count).toBe(0)
      })
    })
  },
})
