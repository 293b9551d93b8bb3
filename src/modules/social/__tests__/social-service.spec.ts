import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { SOCIAL_MODULE } from ".."
import SocialModuleService from "../service"
import { decodeCursor } from "../feed"
import { SocialComment, SocialFollow, SocialLike, SocialPost, SocialPostImage, SocialPostTag, SocialReport } from "../models"

jest.setTimeout(60_000)

const HOUR = 3600 * 1000

moduleIntegrationTestRunner<SocialModuleService>({
  moduleName: SOCIAL_MODULE,
  resolve: "./src/modules/social",
  moduleOptions: { auto_hide_report_threshold: 2 },
  moduleModels: [SocialPost, SocialPostImage, SocialPostTag, SocialLike, SocialComment, SocialFollow, SocialReport],
  testSuite: ({ service }) => {
    /** Posts by author with created_at set (the feed ranks by age), in the order given. */
    const posts = async (rows: { customer_id: string; hoursAgo: number; visibility?: string; status?: string }[]) => {
      const created: { id: string; customer_id: string; status: string; visibility: string }[] = []
      for (const row of rows) {
        const post = await service.createSocialPosts({
          customer_id: row.customer_id,
          visibility: (row.visibility ?? "public") as any,
          status: (row.status ?? "published") as any,
        })
        await service.updateSocialPosts({ id: post.id, created_at: new Date(Date.now() - row.hoursAgo * HOUR) } as any)
        created.push(post)
      }
      return created
    }
    const like = async (post_id: string, ...customers: string[]) => {
      await service.createSocialLikes(customers.map((customer_id) => ({ post_id, customer_id })) as any)
      await service.recountPosts([post_id])
    }
    describe("social module", () => {
      it("reads its options with defaults and refuses a bad threshold", () => {
        expect(service.getOptions()).toEqual({ auto_hide_report_threshold: 2, require_approval: false })
        expect(() => new (SocialModuleService as any)({}, { auto_hide_report_threshold: 0 })).toThrow(/auto_hide_report_threshold/)
      })

      it("keeps like, comment and report counters from the rows, and one live like per customer and post", async () => {
        const [post] = await posts([{ customer_id: "cus_author", hoursAgo: 1 }])
        await like(post.id, "cus_a", "cus_b")
        await expect(service.createSocialLikes({ post_id: post.id, customer_id: "cus_a" } as any)).rejects.toThrow()
        await service.createSocialComments([
          { post_id: post.id, customer_id: "cus_a", body: "Love it" },
          { post_id: post.id, customer_id: "cus_b", body: "Where is the coat from?" },
        ] as any)
        await service.createSocialReports({ post_id: post.id, customer_id: "cus_b", reason: "spam" } as any)
        await service.recountPosts([post.id])
        expect(await service.retrieveSocialPost(post.id)).toMatchObject({ like_count: 2, comment_count: 2, report_count: 1, open_report_count: 1 })

        const [mine] = await service.listSocialLikes({ post_id: post.id, customer_id: "cus_a" } as any)
        await service.softDeleteSocialLikes([mine.id])
        await service.recountPosts([post.id])
        expect((await service.retrieveSocialPost(post.id)).like_count).toBe(1)
        // A soft-deleted like frees the key: liking again is a new row.
        await expect(service.createSocialLikes({ post_id: post.id, customer_id: "cus_a" } as any)).resolves.toBeTruthy()
      })

      it("lets the author see every post, followers their followers-only posts, and others only published public ones", async () => {
        const [pub, followers, priv, hidden] = await posts([
          { customer_id: "cus_author", hoursAgo: 4 },
          { customer_id: "cus_author", hoursAgo: 3, visibility: "followers" },
          { customer_id: "cus_author", hoursAgo: 2, visibility: "private" },
          { customer_id: "cus_author", hoursAgo: 1, status: "hidden" },
        ])
        await service.createSocialFollows({ follower_id: "cus_fan", followed_id: "cus_author" })
        const sees = async (viewer: string | null) => {
          const seen: string[] = []
          for (const p of [pub, followers, priv, hidden]) if (await service.canView(p as any, viewer)) seen.push(p.id)
          return seen
        }
        expect(await sees("cus_author")).toEqual([pub.id, followers.id, priv.id, hidden.id])
        expect(await sees("cus_fan")).toEqual([pub.id, followers.id])
        expect(await sees("cus_stranger")).toEqual([pub.id])
        expect(await sees(null)).toEqual([pub.id])

        const profile = (viewer: string | null) => service.listPostPage({ kind: "author", scope: "cus_author", viewer_id: viewer, limit: 10 })
        expect((await profile("cus_author")).ids).toEqual([hidden.id, priv.id, followers.id, pub.id])
        expect((await profile("cus_fan")).ids).toEqual([followers.id, pub.id])
        expect((await profile(null)).ids).toEqual([pub.id])
        expect(await service.countVisiblePostsOf("cus_author", "cus_fan")).toBe(2)
        expect(await service.countVisiblePostsOf("cus_author", "cus_author")).toBe(4)
        expect(await service.countFollows("cus_author")).toEqual({ follower_count: 1, following_count: 0 })
      })

      it("ranks for you by engagement, follow affinity and recency, and popular by engagement", async () => {
        const [quietFollowed, quietStranger, busyStranger, freshStranger] = await posts([
          { customer_id: "cus_friend", hoursAgo: 5 },
          { customer_id: "cus_nobody", hoursAgo: 5 },
          { customer_id: "cus_stranger", hoursAgo: 5 },
          { customer_id: "cus_other", hoursAgo: 0.1 },
        ])
        await like(busyStranger.id, "cus_1", "cus_2", "cus_3", "cus_4", "cus_5", "cus_6")
        await service.createSocialFollows({ follower_id: "cus_me", followed_id: "cus_friend" })

        // popular: six likes beat five hours; the two quiet posts of the same age tie (then by id).
        const popular = await service.listPostPage({ kind: "popular", viewer_id: "cus_me", limit: 10 })
        expect(popular.ids.slice(0, 2)).toEqual([busyStranger.id, freshStranger.id])
        expect(popular.ids.slice(2).sort()).toEqual([quietFollowed.id, quietStranger.id].sort())
        // for you: recency weighs more (the fresh post leads), and following the author lifts the
        // friend's quiet post above the stranger's equally quiet one.
        const forYou = await service.listPostPage({ kind: "for_you", viewer_id: "cus_me", limit: 10 })
        expect(forYou.ids).toEqual([freshStranger.id, busyStranger.id, quietFollowed.id, quietStranger.id])
        // Having liked an author's other posts raises their new ones for that shopper (who follows no one).
        const [older] = await posts([{ customer_id: "cus_nobody", hoursAgo: 30 }])
        await like(older.id, "cus_liker")
        const liker = await service.listPostPage({ kind: "for_you", viewer_id: "cus_liker", limit: 10 })
        expect(liker.ids.slice(0, 4)).toEqual([freshStranger.id, busyStranger.id, quietStranger.id, quietFollowed.id])
        const following = await service.listPostPage({ kind: "following", viewer_id: "cus_me", limit: 10 })
        expect(following.ids).toEqual([quietFollowed.id])
        // anonymous shoppers: for you is the popular ranking
        expect((await service.listPostPage({ kind: "for_you", viewer_id: null, limit: 10 })).ids.slice(0, 2)).toEqual([
          busyStranger.id,
          freshStranger.id,
        ])
      })

      it("pages through a feed without duplicates or gaps while posts, likes and follows arrive", async () => {
        const authors = ["cus_a", "cus_b", "cus_c", "cus_d"]
        const created = await posts(Array.from({ length: 23 }, (_, i) => ({ customer_id: authors[i % 4], hoursAgo: i * 1.5 + 1 })))
        for (const [i, post] of created.entries())
          if (i % 3 === 0) await like(post.id, ...Array.from({ length: (i % 5) + 1 }, (_, k) => `cus_fan${k}`))
        await service.createSocialFollows({ follower_id: "cus_me", followed_id: "cus_b" })

        const freshPosts: string[] = []
        for (const kind of ["following", "for_you", "popular"] as const) {
          const existingBefore = [...freshPosts]
          const seen: string[] = []
          let page = await service.listPostPage({ kind, viewer_id: "cus_me", limit: 5 })
          seen.push(...page.ids)
          let turn = 0
          while (page.next_cursor) {
            // Between pages: a new post, a burst of likes on the last post shown, and (once) a new follow.
            const [fresh] = await posts([{ customer_id: "cus_b", hoursAgo: 0 }])
            freshPosts.push(fresh.id)
            await like(page.ids[page.ids.length - 1], `cus_late${kind}${turn}a`, `cus_late${kind}${turn}b`, `cus_late${kind}${turn}c`)
            if (kind === "following" && turn === 0) await service.createSocialFollows({ follower_id: "cus_me", followed_id: "cus_c" })
            page = await service.listPostPage({ kind, viewer_id: "cus_me", limit: 5, cursor: decodeCursor(page.next_cursor, { kind, scope: null }) })
            expect(page.ids).not.toContain(fresh.id)
            seen.push(...page.ids)
            turn++
          }
          expect(turn).toBeGreaterThan(0)
          expect(new Set(seen).size).toBe(seen.length)
          // following: cus_b's posts only (cus_c was followed after the first page); others: every post that existed then.
          const expected =
            kind === "following"
              ? created.filter((p) => p.customer_id === "cus_b").map((p) => p.id)
              : [...created.map((p) => p.id), ...existingBefore]
          expect([...seen].sort()).toEqual([...expected].sort())
        }
      })

      it("refuses a cursor of another list or a tampered one", async () => {
        await posts([
          { customer_id: "cus_a", hoursAgo: 1 },
          { customer_id: "cus_a", hoursAgo: 2 },
        ])
        const page = await service.listPostPage({ kind: "popular", viewer_id: null, limit: 1 })
        expect(page.next_cursor).toEqual(expect.any(String))
        expect(() => decodeCursor(page.next_cursor!, { kind: "for_you", scope: null })).toThrow(/another feed/)
        expect(() => decodeCursor("not-a-cursor", { kind: "popular", scope: null })).toThrow(/cursor is not valid/)
        const last = await service.listPostPage({
          kind: "popular",
          viewer_id: null,
          limit: 1,
          cursor: decodeCursor(page.next_cursor!, { kind: "popular", scope: null }),
        })
        expect(last.ids).toHaveLength(1)
        expect(last.next_cursor).toBeNull()
      })

      it("queues pending posts and posts with open reports, oldest first", async () => {
        const [old, pending, fine] = await posts([
          { customer_id: "cus_a", hoursAgo: 10 },
          { customer_id: "cus_b", hoursAgo: 5, status: "pending" },
          { customer_id: "cus_c", hoursAgo: 1 },
        ])
        await service.createSocialReports({ post_id: old.id, customer_id: "cus_x", reason: "spam" } as any)
        await service.recountPosts([old.id, fine.id])
        const queue = await service.listModerationQueue({ limit: 10, offset: 0 })
        // pending since 5 hours, reported just now
        expect(queue).toEqual({ ids: [pending.id, old.id], count: 2 })
        expect((await service.listModerationQueue({ limit: 1, offset: 1 })).count).toBe(2)
        expect((await service.listModerationQueue({ limit: 1, offset: 5 })).count).toBe(2)
      })
    })
  },
})
