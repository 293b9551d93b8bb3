import sharp from "sharp"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { seedPeople } from "../../src/scripts/demo-catalog/seed-people"
import { renderGarmentSvg } from "../../src/scripts/demo-catalog/render-garment"
import { SOCIAL_MODULE } from "../../src/modules/social"
import type SocialModuleService from "../../src/modules/social/service"
import { mlSidecar } from "../../src/visual/ml-sidecar-client"
import { reconcilePostPhotoIndex } from "../../src/workflows/social/post-photo-index"
import { apiCaller, signInDemoAdmin, signInDemoCustomer } from "../helpers/api"
import { isolatePrivateUploads } from "../helpers/files"
import { startMlSidecar, whileSidecarUnreachable } from "../helpers/ml-sidecar"
import { multipartForm } from "../helpers/multipart"

jest.setTimeout(600_000)
isolatePrivateUploads()

type Who = "a" | "b" | "admin"

/** A demo catalog garment, rendered as the seed renders product photos. */
const garmentPhoto = (spec: { shape: "tee" | "bag" | "coat"; colourHex: string; pattern: "solid" | "striped" | "checked"; seed: number }) =>
  sharp(
    Buffer.from(renderGarmentSvg({ shape: spec.shape, colourHex: spec.colourHex, pattern: spec.pattern, view: "front", variationSeed: spec.seed }))
  )
    .jpeg({ quality: 85 })
    .toBuffer()

/** Someone else's copy of a photo: cropped a little, scaled down and saved again, as a screenshot or a re-upload makes it. */
async function nearCopyOf(photo: Buffer): Promise<Buffer> {
  const { width = 0, height = 0 } = await sharp(photo).metadata()
  return sharp(photo)
    .extract({ left: Math.round(width * 0.04), top: Math.round(height * 0.03), width: Math.round(width * 0.92), height: Math.round(height * 0.94) })
    .resize({ width: Math.round(width * 0.8) })
    .modulate({ brightness: 1.04 })
    .jpeg({ quality: 72 })
    .toBuffer()
}

/**
 * Near-copies of other authors' posts (issue #15 §4), with the real ML sidecar: post photos are
 * indexed as they are posted; a new post whose photo nearly copies another author's post waits as
 * pending with the reason and the original for moderators; the author's own re-post is published;
 * with the sidecar down posts are published as usual and checked once it is back; a deleted post's
 * photos leave the index.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let sidecar: Awaited<ReturnType<typeof startMlSidecar>>
    const tokens: Record<Who, string> = { a: "", b: "", admin: "" }
    const call = apiCaller<Who>(api, () => store.publishableKey, tokens)
    let original: Buffer

    const post = async (who: "a" | "b", caption: string, photos: Buffer[], visibility = "public") => {
      const form = multipartForm(
        { caption, visibility },
        photos.map((bytes, i) => ({ field: "photos", bytes, name: `look-${i}.jpg` }))
      )
      const res = await call("post", "/store/social/posts", who, form)
      expect(res.status).toBe(201)
      return res.data.post as { id: string; status: string; photos: { id: string }[] }
    }
    const adminPost = async (id: string) => (await call("get", `/admin/social/posts/${id}`, "admin")).data.post

    beforeAll(async () => {
      sidecar = await startMlSidecar()
      store = await seedStore(getContainer())
      await seedPeople(getContainer())
      tokens.a = await signInDemoCustomer(api, 0)
      tokens.b = await signInDemoCustomer(api, 1)
      tokens.admin = await signInDemoAdmin(api)
      original = await garmentPhoto({ shape: "tee", colourHex: "#8fb8de", pattern: "striped", seed: 3 })
    })

    afterAll(async () => {
      await sidecar?.stop()
    })

    // The database is restored to the seeded state before each test (the sidecar's index is not): each test posts its own original.

    it("indexes a new post's photos with the post and its author, private posts too", async () => {
      const originalPost = await post("a", "Striped tee", [original])
      expect(originalPost.status).toBe("published")
      const indexed = await mlSidecar().getImage(originalPost.photos[0].id)
      const me = (await call("get", "/store/customers/me", "a")).data.customer
      expect(indexed?.metadata).toMatchObject({ kind: "post", post_id: originalPost.id, author_id: me.id })

      const privatePost = await post(
        "a",
        "Just for me",
        [await garmentPhoto({ shape: "coat", colourHex: "#6b7045", pattern: "checked", seed: 5 })],
        "private"
      )
      expect((await mlSidecar().getImage(privatePost.photos[0].id))?.metadata).toMatchObject({ kind: "post", post_id: privatePost.id })
      // Nobody else sees it, whatever the index holds.
      expect((await call("get", `/store/social/posts/${privatePost.id}`, "b")).status).toBe(404)
    })

    it("holds another author's near-copy as pending with the reason and the original; an unrelated photo is published", async () => {
      const originalPost = await post("a", "Striped tee", [original])
      const copy = await post("b", "My tee", [await nearCopyOf(original)])
      expect(copy.status).toBe("pending")
      // Others do not see it; the moderation queue has it with the original named.
      expect((await call("get", `/store/social/posts/${copy.id}`)).status).toBe(404)
      const queue = (await call("get", "/admin/social/moderation-queue", "admin")).data.posts
      expect(queue.map((p: any) => p.id)).toContain(copy.id)
      const held = await adminPost(copy.id)
      expect(held.status).toBe("pending")
      expect(held.duplicate_of.post_id).toBe(originalPost.id)
      expect(held.duplicate_of.reason).toMatch(new RegExp(`near-duplicate of post ${originalPost.id} by @\\S+`))
      // The link leads to the original for the moderator.
      expect((await adminPost(held.duplicate_of.post_id)).id).toBe(originalPost.id)

      const unrelated = await post("b", "My bag", [await garmentPhoto({ shape: "bag", colourHex: "#5a3825", pattern: "solid", seed: 9 })])
      expect(unrelated.status).toBe("published")
      expect((await adminPost(unrelated.id)).duplicate_of).toBeNull()

      // A moderator approves the copy: published, the record of what it copies kept.
      const approved = await call("post", `/admin/social/posts/${copy.id}/moderate`, "admin", { action: "approve" })
      expect(approved.data.post).toMatchObject({ status: "published", duplicate_of: { post_id: originalPost.id } })
    })

    it("publishes the author's own re-post", async () => {
      await post("a", "Striped tee", [original])
      const repost = await post("a", "Striped tee again", [await nearCopyOf(original)])
      expect(repost.status).toBe("published")
      expect((await adminPost(repost.id)).duplicate_of).toBeNull()
    })

    it("publishes posts while the sidecar is down, and checks and indexes them once it is back", async () => {
      const originalPost = await post("a", "Striped tee", [original])
      const copy = await nearCopyOf(original)
      const whileDown = await whileSidecarUnreachable(() => post("b", "Posted while the image service was down", [copy]))
      // Not blocked, not lost.
      expect(whileDown.status).toBe("published")
      expect((await call("get", `/store/social/posts/${whileDown.id}`)).data.post.id).toBe(whileDown.id)
      const social = getContainer().resolve<SocialModuleService>(SOCIAL_MODULE)
      const [unchecked] = await social.listSocialPosts({ id: whileDown.id }, { select: ["id", "duplicate_checked_at"] })
      expect(unchecked.duplicate_checked_at).toBeNull()
      expect(await mlSidecar().getImage(whileDown.photos[0].id)).toBeNull()

      // The sidecar is back: the reconcile job checks the post (a copy of a's earlier post: held) and indexes its photos.
      // (The scheduled job may have got there first: the state is what counts.)
      expect((await reconcilePostPhotoIndex(getContainer())).error).toBeUndefined()
      const held = await adminPost(whileDown.id)
      expect(held.status).toBe("pending")
      expect(held.duplicate_of.post_id).toBe(originalPost.id)
      expect((await call("get", `/store/social/posts/${whileDown.id}`)).status).toBe(404)
      expect((await mlSidecar().getImage(whileDown.photos[0].id))?.metadata).toMatchObject({ post_id: whileDown.id })
      // Nothing left to do.
      expect(await reconcilePostPhotoIndex(getContainer())).toMatchObject({ checked: 0, held: 0, indexed: 0, unindexed: 0 })
    })

    it("takes a deleted post's photos out of the index, and a removed post's", async () => {
      const originalPost = await post("a", "Striped tee", [original])
      expect(await mlSidecar().getImage(originalPost.photos[0].id)).not.toBeNull()
      const deleted = await call("delete", `/store/social/posts/${originalPost.id}`, "a")
      expect(deleted.status).toBe(200)
      expect(await mlSidecar().getImage(originalPost.photos[0].id)).toBeNull()

      const removed = await post("b", "Coat", [await garmentPhoto({ shape: "coat", colourHex: "#1b1b1d", pattern: "solid", seed: 11 })])
      expect(await mlSidecar().getImage(removed.photos[0].id)).not.toBeNull()
      await call("post", `/admin/social/posts/${removed.id}/moderate`, "admin", { action: "remove" })
      expect(await mlSidecar().getImage(removed.photos[0].id)).toBeNull()
    })
  },
})
