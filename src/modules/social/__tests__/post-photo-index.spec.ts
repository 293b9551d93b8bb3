import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { SOCIAL_MODULE } from ".."
import SocialModuleService, { NewSocialPost } from "../service"
import { SocialComment, SocialFollow, SocialLike, SocialPost, SocialPostImage, SocialPostTag, SocialReport } from "../models"

jest.setTimeout(60_000)

const owned = (n: number) => ({ url: `http://localhost/static/p${n}.jpg`, file_id: `post-${n}.jpg`, width: 600, height: 800 })
const checked = { checked_at: new Date(), duplicate_of_post_id: null, reason: null }

/**
 * What the image index of post photos is reconciled from (src/workflows/social/post-photo-index.ts):
 * posts not yet checked for near-copies, photos to put in and to take out, and a late check that
 * holds a copy for moderators.
 */
moduleIntegrationTestRunner<SocialModuleService>({
  moduleName: SOCIAL_MODULE,
  resolve: "./src/modules/social",
  moduleModels: [SocialPost, SocialPostImage, SocialPostTag, SocialLike, SocialComment, SocialFollow, SocialReport],
  testSuite: ({ service }) => {
    const newPost = (input: Partial<NewSocialPost> = {}) =>
      service.createPostWithContent({
        customer_id: "cus_a",
        caption: null,
        visibility: "public",
        status: "published",
        photos: [owned(1)],
        tags: [],
        duplicate: checked,
        ...input,
      })
    const photoIdsOf = async (postId: string) => (await service.listSocialPostImages({ post_id: postId }, { select: ["id"] })).map((p) => p.id)

    it("indexes the own photos of checked live posts, and takes out those of deleted and removed posts", async () => {
      const live = await newPost({ photos: [owned(1), owned(2)] })
      const unchecked = await newPost({ duplicate: { checked_at: null, duplicate_of_post_id: null, reason: null } })
      // A demo post reusing a catalog image: not the post's own file, never indexed.
      await newPost({ photos: [{ ...owned(3), file_id: null }] })
      const toIndex = await service.listPhotosToIndex(10)
      expect(toIndex.map((p) => p.post_id).sort()).toEqual([live.id, live.id])
      expect(toIndex[0]).toMatchObject({ customer_id: "cus_a", file_id: expect.stringMatching(/^post-/) })
      expect((await service.listPostsAwaitingDuplicateCheck(10)).map((p) => p.id)).toEqual([unchecked.id])

      const removed = await newPost()
      const deleted = await newPost()
      await service.markPhotosIndexed(
        [...(await photoIdsOf(live.id)), ...(await photoIdsOf(removed.id)), ...(await photoIdsOf(deleted.id))],
        new Date()
      )
      expect(await service.listPhotosToIndex(10)).toEqual([])
      expect(await service.listPhotosToUnindex(10)).toEqual([])

      await service.updateSocialPosts({ id: removed.id, status: "removed" })
      const deletedPhotos = await photoIdsOf(deleted.id)
      await service.softDeleteSocialPosts([deleted.id])
      const toUnindex = await service.listPhotosToUnindex(10)
      expect(toUnindex.map((p) => p.id).sort()).toEqual([...(await photoIdsOf(removed.id)), ...deletedPhotos].sort())

      // Taken out (soft-deleted photos too): nothing left to do.
      await service.markPhotosIndexed(
        toUnindex.map((p) => p.id),
        null
      )
      expect(await service.listPhotosToUnindex(10)).toEqual([])
      expect(await service.listPhotosToIndex(10)).toEqual([])
    })

    it("holds a published post a late check finds to be a copy, and leaves a moderator's decision alone", async () => {
      const unchecked = { checked_at: null, duplicate_of_post_id: null, reason: null }
      const copy = await newPost({ customer_id: "cus_b", duplicate: unchecked })
      const finding = {
        checked_at: new Date(),
        duplicate_of_post_id: "spost_original",
        reason: "A near-duplicate of post spost_original by @Ines M.",
      }
      expect(await service.recordDuplicateCheck({ post_id: copy.id, ...finding })).toEqual({ held: true })
      expect(await service.retrieveSocialPost(copy.id)).toMatchObject({
        status: "pending",
        duplicate_of_post_id: "spost_original",
        duplicate_reason: finding.reason,
        duplicate_checked_at: expect.any(Date),
      })
      expect(await service.listPostsAwaitingDuplicateCheck(10)).toEqual([])

      // Approved by a moderator before the late check: recorded, not held again.
      const approved = await newPost({ customer_id: "cus_c", duplicate: unchecked })
      await service.moderatePost({ post_id: approved.id, action: "approve", moderator_id: "user_1" })
      expect(await service.recordDuplicateCheck({ post_id: approved.id, ...finding })).toEqual({ held: false })
      expect(await service.retrieveSocialPost(approved.id)).toMatchObject({ status: "published", duplicate_of_post_id: "spost_original" })

      // No copy found: published as it was.
      const clean = await newPost({ customer_id: "cus_d", duplicate: unchecked })
      expect(await service.recordDuplicateCheck({ post_id: clean.id, ...checked })).toEqual({ held: false })
      expect(await service.retrieveSocialPost(clean.id)).toMatchObject({ status: "published", duplicate_of_post_id: null })
    })
  },
})
