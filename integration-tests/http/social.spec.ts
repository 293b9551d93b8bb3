import fs from "node:fs"
import path from "node:path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { fileKeyOf, filesIn, isolatePrivateUploads, isSignedUrl, PUBLIC_DIR, storedPath } from "../helpers/files"
import { apiCaller, signInDemoAdmin, signInDemoCustomer, signUpCustomer } from "../helpers/api"
import { solidJpeg, solidPng } from "../helpers/images"
import { seedDemoShop } from "../helpers/demo-shop"
import { multipartForm } from "../helpers/multipart"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { selectProducts } from "../../src/scripts/demo-catalog/seed-catalog"
import { DEMO_CUSTOMERS } from "../../src/scripts/demo-catalog/seed-people"
import { generateDemoCatalog } from "../../src/scripts/demo-catalog/generate-catalog"
import { seedSocial } from "../../src/scripts/demo-catalog/seed-social"
import { SOCIAL_MODULE } from "../../src/modules/social"
import SocialModuleService from "../../src/modules/social/service"
import { createSocialPostWorkflow, updateSocialPostWorkflow } from "../../src/workflows/social/posts"

jest.setTimeout(300_000)

const PRODUCTS_PER_CATEGORY = 1
const PRIVATE_DIR = isolatePrivateUploads()
/** Every stored file, public and private: uploads that fail must add none. */
const allStoredFiles = () => [...filesIn(PUBLIC_DIR), ...filesIn(PRIVATE_DIR)]

type Who = "a" | "b" | "c" | "admin"
type Photo = { bytes: Buffer; name: string; type: string }

const postForm = (fields: Record<string, string>, photos: Photo[], field = "photos") =>
  multipartForm(
    fields,
    photos.map((photo) => ({ ...photo, field }))
  )

/**
 * The social feed through the Store and Admin APIs: posts with photo uploads and product tags,
 * likes, comments, follows, reports, the ranked feeds with cursors, moderation, and who may
 * see or change what (anonymous / customer A / customer B / admin) on every route.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const tokens: Record<Exclude<Who, "admin">, string> & { admin: string } = { a: "", b: "", c: "", admin: "" }
    const ids: Record<"a" | "b" | "c", string> = { a: "", b: "", c: "" }
    let products: { id: string; title: string; handle: string; variantIds: string[] }[] = []
    let photo: Photo

    // Ines Moreau (a), Jonas Becker (b), Maya Thompson (c)
    const [customerA, customerB, customerC] = DEMO_CUSTOMERS
    /** Any response, 2xx or not, as { status, data }. */
    const call = apiCaller(api, () => store.publishableKey, tokens)

    const createPost = async (
      who: "a" | "b" | "c",
      fields: { caption?: string; visibility?: string; tags?: unknown[] } = {},
      photos: Photo[] = [photo]
    ) => {
      const form: Record<string, string> = {}
      if (fields.caption !== undefined) form.caption = fields.caption
      if (fields.visibility) form.visibility = fields.visibility
      form.tags = JSON.stringify(fields.tags ?? [{ product_id: products[0].id }])
      const res = await call("post", "/store/social/posts", who, postForm(form, photos))
      expect([res.status, res.data?.message]).toEqual([201, undefined])
      return res.data.post
    }
    const social = () => getContainer().resolve<SocialModuleService>(SOCIAL_MODULE)
    const postCount = async () => (await social().listAndCountSocialPosts({}, { take: 1, withDeleted: true }))[1]

    beforeAll(async () => {
      const container = getContainer()
      store = (await seedDemoShop(container, { productsPerCategory: PRODUCTS_PER_CATEGORY })).store
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product", fields: ["id", "title", "handle", "variants.id"] })
      products = data.map((p: any) => ({ id: p.id, title: p.title, handle: p.handle, variantIds: p.variants.map((v: any) => v.id) }))
      const { data: customers } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { has_account: true } })
      const idOf = (email: string) => customers.find((c: any) => c.email === email)!.id
      ids.a = idOf(customerA.email)
      ids.b = idOf(customerB.email)
      ids.c = idOf(customerC.email)

      tokens.a = await signInDemoCustomer(api, 0)
      tokens.b = await signInDemoCustomer(api, 1)
      tokens.c = await signInDemoCustomer(api, 2)
      tokens.admin = await signInDemoAdmin(api)
      photo = { bytes: await solidJpeg(60, 80), name: "outfit.jpg", type: "image/jpeg" }
    })

    describe("posts", () => {
      it("creates a post with photos through the file module and product tags, in the contract's shape", async () => {
        const [product, other] = products
        const second = { bytes: await solidPng(30, 20, "#00aa0080"), name: "Detail Shot.PNG", type: "image/png" }
        const post = await createPost(
          "a",
          {
            caption: "  Sunday in the park  ",
            visibility: "public",
            tags: [
              { product_id: product.id, x: 0.25, y: 0.75 },
              { variant_id: other.variantIds[0], photo_index: 1 },
            ],
          },
          [photo, second]
        )
        expect(post).toMatchObject({
          caption: "Sunday in the park",
          visibility: "public",
          status: "published",
          author: { id: ids.a, display_name: "Ines M." },
          like_count: 0,
          comment_count: 0,
          liked_by_me: false,
        })
        expect(post.id).toMatch(/^spost_/)
        expect(post.photos.map((p: any) => [p.position, p.width, p.height])).toEqual([
          [0, 60, 80],
          [1, 30, 20],
        ])
        // A public post's photos are public files under random names (not "Detail Shot.PNG").
        for (const p of post.photos) expect(fs.existsSync(path.join(PUBLIC_DIR, fileKeyOf(p.url)))).toBe(true)
        expect(fileKeyOf(post.photos[1].url)).toMatch(/^\d+-post-[0-9a-f]{32}\.png$/)
        // Tags are product cards; without a region there is no price to show.
        const card = {
          id: product.id,
          title: product.title,
          handle: product.handle,
          thumbnail: expect.any(String),
          calculated_price: null,
          in_stock: expect.any(Boolean),
        }
        expect(post.tags).toEqual([
          { id: expect.any(String), product_id: product.id, variant_id: null, x: 0.25, y: 0.75, photo_index: 0, product: card },
          {
            id: expect.any(String),
            product_id: other.id,
            variant_id: other.variantIds[0],
            x: null,
            y: null,
            photo_index: 1,
            product: expect.objectContaining({ id: other.id, title: other.title }),
          },
        ])
        // The e-mail never leaves the API, nor do internal columns.
        const read = await call("get", `/store/social/posts/${post.id}`, "b")
        expect(read.status).toBe(200)
        expect(read.data.post).toEqual(post)
        expect(JSON.stringify(read.data)).not.toMatch(/@curator\.local|file_id|customer_id|report/)

        // With the shopper's country the cards carry the region's prices: the tagged variant's own, else the lowest.
        const inUs = (await call("get", `/store/social/posts/${post.id}?country_code=us`)).data.post
        const cards = [inUs.tags[0].product, inUs.tags[1].product]
        for (const c of cards)
          expect(c.calculated_price).toEqual({ calculated_amount: expect.any(Number), original_amount: expect.any(Number), currency_code: "usd" })
        const feed = await call("get", `/store/social/feed?region_id=${store.regionIdsByCurrency.eur}&limit=50`)
        expect(feed.data.posts.find((p: any) => p.id === post.id).tags[0].product.calculated_price.currency_code).toBe("eur")
        expect((await call("get", `/store/social/posts/${post.id}?country_code=zz`)).status).toBe(400)

        // `fields` picks from the response's own fields, as on Medusa's routes; anything else is a 400 naming it.
        const picked = await call("get", `/store/social/posts/${post.id}?fields=id,caption,tags.product.title`)
        expect(picked.data.post).toEqual({
          id: post.id,
          caption: "Sunday in the park",
          tags: [{ product: { title: product.title } }, { product: { title: other.title } }],
        })
        const plus = await call("get", `/store/social/posts/${post.id}?fields=-tags,-photos`)
        expect(Object.keys(plus.data.post).sort()).toEqual([
          "author",
          "caption",
          "comment_count",
          "created_at",
          "id",
          "like_count",
          "liked_by_me",
          "status",
          "visibility",
        ])
        const refused = await call("get", `/store/social/feed?fields=id,customer.email`)
        expect([refused.status, refused.data.message]).toEqual([400, expect.stringMatching(/"customer\.email" is not allowed/)])
      })

      it("refuses bad posts with a 400 that names the problem, uploading and creating nothing", async () => {
        const before = await postCount()
        const filesBefore = allStoredFiles()
        const marker = `nothing-${Date.now()}`
        const post = (body: unknown, extra?: Record<string, string>) => call("post", "/store/social/posts", "a", body, extra)
        const expect400 = async (res: any, message: RegExp) => {
          expect([res.status, res.data.message]).toEqual([400, expect.stringMatching(message)])
        }
        const good = { bytes: photo.bytes, name: `${marker}.jpg`, type: "image/jpeg" }
        await expect400(await post({ caption: "JSON only", visibility: "public" }), /needs at least one photo.*"photos" field/)
        await expect400(await post(postForm({ caption: "no files" }, [])), /needs at least one photo/)
        await expect400(
          await post(postForm({}, [{ bytes: Buffer.from("GIF89a not really"), name: `${marker}.gif`, type: "image/gif" }])),
          /JPEG, PNG or WebP/
        )
        await expect400(await post(postForm({}, Array(7).fill(good))), /at most 6 photos/)
        await expect400(await post(postForm({}, [good], "photo")), /"photos" field/)
        await expect400(await post("caption=hi", { "content-type": "text/plain" }), /Content-Type must be multipart\/form-data or application\/json/)
        await expect400(await post(postForm({ tags: JSON.stringify([{ product_id: "prod_does_not_exist" }]) }, [good])), /prod_does_not_exist/)
        await expect400(await post(postForm({ tags: JSON.stringify([{ variant_id: "variant_nope" }]) }, [good])), /variant_nope/)
        await expect400(
          await post(postForm({ tags: JSON.stringify([{ product_id: products[0].id, variant_id: products[1].variantIds[0] }]) }, [good])),
          /is not a variant of product/
        )
        await expect400(await post(postForm({ tags: "[{not json" }, [good])), /tags must be a JSON array/)
        await expect400(
          await post(postForm({ tags: JSON.stringify([{ product_id: products[0].id, x: 1.5, y: 0.2 }]) }, [good])),
          /field 'tags, 0, x' too big, expected at most: '1'/
        )
        await expect400(await post(postForm({ tags: JSON.stringify([{ product_id: products[0].id, x: 0.5 }]) }, [good])), /both x and y/)
        await expect400(
          await post(postForm({ tags: JSON.stringify([{ product_id: products[0].id, photo_index: 2 }]) }, [good])),
          /photo_index 2 needs at least 3 photos/
        )
        await expect400(
          await post(postForm({ visibility: "friends" }, [good])),
          /'public, followers, private' for field 'visibility', but got: 'friends'/
        )
        await expect400(await post(postForm({ caption: "x".repeat(2201) }, [good])), /field 'caption' too big, expected at most: '2200'/)
        await expect400(await post(postForm({ author: "someone" }, [good])), /Unrecognized fields: 'author'/)

        expect(await postCount()).toBe(before)
        expect(allStoredFiles()).toEqual(filesBefore)
      })

      it("leaves no file and no post behind when a step after the upload fails, and undoes a half-done edit", async () => {
        const filename = `compensation-${Date.now()}.jpg`
        const before = await postCount()
        const filesBefore = allStoredFiles()
        // Tagging photo 3 of a one-photo post gets past the route's checks only when the workflow is
        // called directly: the post step refuses it after the files were uploaded.
        const { errors } = await createSocialPostWorkflow(getContainer()).run({
          input: {
            customer_id: ids.a,
            caption: "Doomed",
            photos: [{ filename, mimeType: "image/jpeg", content: photo.bytes.toString("base64"), width: 60, height: 80 }],
            tags: [{ product_id: products[0].id, photo_index: 3 }],
          },
          throwOnError: false,
        })
        expect(errors.map((e: any) => e.error?.message)).toEqual([expect.stringMatching(/photo_index 3, but the post has 1 photo/)])
        expect(allStoredFiles()).toEqual(filesBefore)
        expect(await postCount()).toBe(before)
        expect(await social().listSocialPostImages({}, { take: null })).toEqual([])
        expect(await social().listSocialPostTags({}, { take: null })).toEqual([])

        // An edit whose tag replacement fails after the caption was written puts the caption back.
        const post = await createPost("a", { caption: "Original", visibility: "public", tags: [{ product_id: products[0].id }] })
        const failed = await updateSocialPostWorkflow(getContainer()).run({
          input: {
            customer_id: ids.a,
            id: post.id,
            caption: "Changed",
            visibility: "private",
            tags: [{ product_id: products[1].id, photo_index: 4 }],
          },
          throwOnError: false,
        })
        expect(failed.errors).toHaveLength(1)
        const after = (await call("get", `/store/social/posts/${post.id}`, "a")).data.post
        expect(after).toMatchObject({ caption: "Original", visibility: "public" })
        expect(after.tags.map((t: any) => t.product_id)).toEqual([products[0].id])
      })

      it("lets only the author edit and delete a post; tags are replaced and checked; files go with the post", async () => {
        const post = await createPost("a", { caption: "Before", tags: [{ product_id: products[0].id }] })
        const edit = (who: Who | undefined, body: unknown) => call("post", `/store/social/posts/${post.id}`, who, body)

        expect((await edit(undefined, { caption: "x" })).status).toBe(401)
        expect((await edit("admin", { caption: "x" })).status).toBe(401)
        const byB = await edit("b", { caption: "Stolen" })
        expect([byB.status, byB.data.message]).toEqual([403, `Only the author of post ${post.id} may change it`])

        const bad = await edit("a", { caption: "Half", tags: [{ product_id: "prod_missing" }] })
        expect([bad.status, bad.data.message]).toEqual([400, "Tagged product prod_missing does not exist"])
        expect((await call("get", `/store/social/posts/${post.id}`, "a")).data.post).toMatchObject({
          caption: "Before",
          tags: [{ product_id: products[0].id }],
        })

        const ok = await edit("a", {
          caption: "After",
          visibility: "followers",
          tags: [{ product_id: products[1].id, x: 0.5, y: 0.5 }, { product_id: products[2].id }],
        })
        expect(ok.status).toBe(200)
        expect(ok.data.post).toMatchObject({ caption: "After", visibility: "followers" })
        expect(ok.data.post.tags.map((t: any) => t.product_id).sort()).toEqual([products[1].id, products[2].id].sort())
        expect((await edit("a", { tags: [{ product_id: products[0].id, photo_index: 1 }] })).data.message).toMatch(
          /photo_index 1, but the post has 1 photo/
        )
        expect((await edit("a", "caption=x")).status).toBe(400)

        // B does not follow A, so the followers-only post is now invisible to B: 404, not 403.
        expect((await call("delete", `/store/social/posts/${post.id}`, "b")).status).toBe(404)
        // Made followers-only, its photo moved to private storage: gone from the old public URL, signed now.
        expect(fs.existsSync(path.join(PUBLIC_DIR, fileKeyOf(post.photos[0].url)))).toBe(false)
        expect(isSignedUrl(ok.data.post.photos[0].url)).toBe(true)
        const fileKey = fileKeyOf(ok.data.post.photos[0].url)
        expect(fs.existsSync(storedPath(fileKey, PRIVATE_DIR))).toBe(true)
        const deleted = await call("delete", `/store/social/posts/${post.id}`, "a")
        expect(deleted.data).toEqual({ id: post.id, object: "social_post", deleted: true })
        expect(fs.existsSync(storedPath(fileKey, PRIVATE_DIR))).toBe(false)
        expect((await call("get", `/store/social/posts/${post.id}`, "a")).status).toBe(404)
      })
    })

    describe("who sees what", () => {
      it("applies visibility and status to every read route for anonymous, A, B (a follower), C and admin", async () => {
        const pub = await createPost("a", { caption: "public" })
        const followers = await createPost("a", { caption: "followers", visibility: "followers" })
        const priv = await createPost("a", { caption: "private", visibility: "private" })
        const hidden = await createPost("a", { caption: "hidden" })
        const removed = await createPost("a", { caption: "removed" })
        const pending = await createPost("a", { caption: "pending" })
        await social().updateSocialPosts([
          { id: hidden.id, status: "hidden" },
          { id: removed.id, status: "removed" },
          { id: pending.id, status: "pending" },
        ])
        expect((await call("post", `/store/social/customers/${ids.a}/follow`, "b")).status).toBe(200)

        const all = [pub, followers, priv, hidden, removed, pending]
        const visible: Record<string, string[]> = {
          anonymous: [pub.id],
          a: all.map((p) => p.id),
          b: [pub.id, followers.id],
          c: [pub.id],
          admin: [pub.id], // an admin's token is not a customer's: the store answers as to anyone
        }
        for (const [viewer, expected] of Object.entries(visible)) {
          const who = viewer === "anonymous" ? undefined : (viewer as Who)
          for (const p of all) {
            const res = await call("get", `/store/social/posts/${p.id}`, who)
            expect([viewer, p.caption, res.status]).toEqual([viewer, p.caption, expected.includes(p.id) ? 200 : 404])
            const comments = await call("get", `/store/social/posts/${p.id}/comments`, who)
            expect([viewer, p.caption, "comments", comments.status]).toEqual([viewer, p.caption, "comments", expected.includes(p.id) ? 200 : 404])
          }
          const profile = await call("get", `/store/social/customers/${ids.a}/posts?limit=50`, who)
          expect([viewer, profile.data.posts.map((p: any) => p.id).sort()]).toEqual([viewer, [...expected].sort()])
          const { data: count } = await call("get", `/store/social/customers/${ids.a}`, who)
          expect([viewer, count.profile.post_count]).toEqual([viewer, expected.length])
          // Feeds and product pages show only published posts, the author's own too.
          const published = expected.filter((id) => ![hidden.id, removed.id, pending.id].includes(id)).sort()
          const product = await call("get", `/store/social/products/${products[0].id}/posts?limit=50`, who)
          expect([viewer, product.data.posts.map((p: any) => p.id).sort()]).toEqual([viewer, published])
          const feed = await call("get", "/store/social/feed?limit=50", who)
          expect([viewer, feed.data.posts.map((p: any) => p.id).sort()]).toEqual([viewer, published])
        }
        // Authors see their own post's status.
        expect((await call("get", `/store/social/posts/${hidden.id}`, "a")).data.post.status).toBe("hidden")

        // Writes on posts one cannot see answer 404; on visible ones, the author's rights only.
        for (const p of [priv, hidden, pending]) {
          expect((await call("post", `/store/social/posts/${p.id}/like`, "b")).status).toBe(404)
          expect((await call("post", `/store/social/posts/${p.id}/comments`, "b", { body: "hi" })).status).toBe(404)
          expect((await call("post", `/store/social/posts/${p.id}/reports`, "b", { reason: "spam" })).status).toBe(404)
          expect((await call("post", `/store/social/posts/${p.id}`, "b", { caption: "x" })).status).toBe(404)
        }
        expect((await call("post", `/store/social/posts/${followers.id}/like`, "b")).status).toBe(200)
        expect((await call("post", `/store/social/posts/${followers.id}/like`, "c")).status).toBe(404)

        // Every write route: 401 without a customer (anonymous or admin token).
        const writes: [string, string, unknown?][] = [
          ["post", "/store/social/posts", { caption: "x" }],
          ["post", `/store/social/posts/${pub.id}`, { caption: "x" }],
          ["delete", `/store/social/posts/${pub.id}`],
          ["post", `/store/social/posts/${pub.id}/like`],
          ["delete", `/store/social/posts/${pub.id}/like`],
          ["post", `/store/social/posts/${pub.id}/comments`, { body: "x" }],
          ["post", `/store/social/posts/${pub.id}/reports`, { reason: "spam" }],
          ["delete", `/store/social/comments/scmt_x`],
          ["post", `/store/social/customers/${ids.a}/follow`],
          ["delete", `/store/social/customers/${ids.a}/follow`],
        ]
        for (const [method, url, body] of writes) {
          expect([method, url, (await call(method, url, undefined, body)).status]).toEqual([method, url, 401])
          expect([method, url, (await call(method, url, "admin", body)).status]).toEqual([method, url, 401])
        }
        // The publishable key is required on every store route.
        const noKey = await api.get(`/store/social/posts/${pub.id}`, { validateStatus: () => true })
        expect(noKey.status).toBe(400)
      })
    })

    describe("likes, comments and follows", () => {
      it("likes once however often asked, unlikes as a no-op when not liked, and counts", async () => {
        const post = await createPost("a")
        const like = (who: Who, method = "post") => call(method, `/store/social/posts/${post.id}/like`, who)
        const first = await like("b")
        expect([first.status, first.data.post.like_count, first.data.post.liked_by_me]).toEqual([200, 1, true])
        const again = await like("b")
        expect([again.status, again.data.post.like_count, again.data.post.liked_by_me]).toEqual([200, 1, true])
        expect((await like("c")).data.post.like_count).toBe(2)
        expect((await like("a")).data.post.like_count).toBe(3) // authors may like their own posts
        const seenByC = (await call("get", `/store/social/posts/${post.id}`, "c")).data.post
        expect([seenByC.like_count, seenByC.liked_by_me]).toEqual([3, true])
        expect((await call("get", `/store/social/posts/${post.id}`)).data.post.liked_by_me).toBe(false)

        const unlike = await like("b", "delete")
        expect([unlike.status, unlike.data.post.like_count, unlike.data.post.liked_by_me]).toEqual([200, 2, false])
        const noop = await like("b", "delete")
        expect([noop.status, noop.data.post.like_count]).toEqual([200, 2])
        expect((await like("b")).data.post.like_count).toBe(3)
        expect((await call("post", "/store/social/posts/spost_missing/like", "b")).status).toBe(404)
      })

      it("nests replies one level under comments, and lets the comment's or the post's author delete", async () => {
        const post = await createPost("a")
        const comment = async (who: Who, body: unknown) => call("post", `/store/social/posts/${post.id}/comments`, who, body)
        const first = await comment("b", { body: "  Where is the coat from?  " })
        expect(first.status).toBe(201)
        expect(first.data.comment).toMatchObject({
          body: "Where is the coat from?",
          parent_id: null,
          author: { id: ids.b, display_name: "Jonas B." },
          replies: [],
        })
        const reply = await comment("a", { body: "Tagged it!", parent_id: first.data.comment.id })
        expect(reply.data.comment.parent_id).toBe(first.data.comment.id)
        await comment("c", { body: "Love the colours" })
        const third = await comment("c", { body: "And the shoes" })

        const nested = await comment("b", { body: "deeper", parent_id: reply.data.comment.id })
        expect([nested.status, nested.data.message]).toEqual([
          400,
          `parent_id ${reply.data.comment.id} is a reply; reply to the comment it answers instead`,
        ])
        const otherPost = await createPost("b")
        const elsewhere = await call("post", `/store/social/posts/${otherPost.id}/comments`, "b", { body: "x", parent_id: first.data.comment.id })
        expect([elsewhere.status, elsewhere.data.message]).toEqual([400, `parent_id ${first.data.comment.id} is not a comment on this post`])
        expect((await comment("b", { body: "" })).data.message).toMatch(/'body' too small/)
        expect((await comment("b", {})).data.message).toMatch(/Field 'body' is required/)

        const list = await call("get", `/store/social/posts/${post.id}/comments?limit=2`)
        expect(list.status).toBe(200)
        expect(list.data).toMatchObject({ count: 3, offset: 0, limit: 2 })
        expect(list.data.comments.map((c: any) => [c.body, c.replies.map((r: any) => r.body)])).toEqual([
          ["Where is the coat from?", ["Tagged it!"]],
          ["Love the colours", []],
        ])
        expect(JSON.stringify(list.data)).not.toMatch(/@curator\.local/)
        expect((await call("get", `/store/social/posts/${post.id}/comments?offset=2`)).data.comments.map((c: any) => c.body)).toEqual([
          "And the shoes",
        ])
        expect((await call("get", `/store/social/posts/${post.id}`)).data.post.comment_count).toBe(4)

        // B wrote neither the post nor C's comment; A (the post's author) and C may delete it.
        expect((await call("delete", `/store/social/comments/${third.data.comment.id}`, "b")).status).toBe(403)
        expect((await call("delete", `/store/social/comments/${third.data.comment.id}`, "c")).data).toEqual({
          id: third.data.comment.id,
          object: "social_comment",
          deleted: true,
        })
        // Deleting a comment takes its replies with it.
        expect((await call("delete", `/store/social/comments/${first.data.comment.id}`, "a")).status).toBe(200)
        const after = await call("get", `/store/social/posts/${post.id}/comments`)
        expect(after.data.comments.map((c: any) => c.body)).toEqual(["Love the colours"])
        expect((await call("get", `/store/social/posts/${post.id}`)).data.post.comment_count).toBe(1)
        expect((await call("delete", "/store/social/comments/scmt_missing", "a")).status).toBe(404)
      })

      it("follows others (not oneself), once, and shows counts on profiles", async () => {
        const self = await call("post", `/store/social/customers/${ids.a}/follow`, "a")
        expect([self.status, self.data.message]).toEqual([400, "You cannot follow yourself"])
        expect((await call("post", "/store/social/customers/cus_missing/follow", "a")).status).toBe(404)
        expect((await call("get", "/store/social/customers/cus_missing")).status).toBe(404)

        const follow = await call("post", `/store/social/customers/${ids.b}/follow`, "a")
        expect(follow.status).toBe(200)
        expect(follow.data.profile).toEqual({
          id: ids.b,
          display_name: "Jonas B.",
          post_count: 0,
          follower_count: 1,
          following_count: 0,
          followed_by_me: true,
        })
        expect((await call("post", `/store/social/customers/${ids.b}/follow`, "a")).data.profile.follower_count).toBe(1)
        await call("post", `/store/social/customers/${ids.b}/follow`, "c")
        expect((await call("get", `/store/social/customers/${ids.b}`)).data.profile).toMatchObject({ follower_count: 2, followed_by_me: false })
        expect((await call("get", `/store/social/customers/${ids.a}`, "b")).data.profile).toMatchObject({
          following_count: 1,
          follower_count: 0,
          followed_by_me: false,
        })

        const unfollow = await call("delete", `/store/social/customers/${ids.b}/follow`, "a")
        expect(unfollow.data.profile).toMatchObject({ follower_count: 1, followed_by_me: false })
        expect((await call("delete", `/store/social/customers/${ids.b}/follow`, "a")).status).toBe(200)
        expect(JSON.stringify((await call("get", `/store/social/customers/${ids.b}`)).data)).not.toMatch(/@curator\.local|email/)
      })
    })

    describe("feeds", () => {
      it("pages the feed with an opaque cursor: no duplicates, new posts wait for a fresh first page", async () => {
        await call("post", `/store/social/customers/${ids.b}/follow`, "a")
        const created: string[] = []
        for (let i = 0; i < 7; i++) created.push((await createPost(i % 2 ? "b" : "c", { caption: `look ${i}` })).id)
        const bOnly = await createPost("b", { caption: "for followers", visibility: "followers" })
        await call("post", `/store/social/posts/${created[2]}/like`, "b")

        for (const [tab, who, expected] of [
          ["for_you", "a", [...created, bOnly.id]],
          ["popular", "a", created],
          ["following", "a", [...created.filter((_, i) => i % 2), bOnly.id]],
          ["for_you", undefined, created],
          ["following", undefined, created], // anonymous shoppers get the popular feed
        ] as [string, Who | undefined, string[]][]) {
          const seen: string[] = []
          let cursor: string | null = null
          let pages = 0
          do {
            const res: any = await call("get", `/store/social/feed?tab=${tab}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, who)
            expect(res.status).toBe(200)
            expect(res.data.posts.length).toBeLessThanOrEqual(3)
            seen.push(...res.data.posts.map((p: any) => p.id))
            cursor = res.data.next_cursor
            if (pages++ === 0) await createPost("c", { caption: "arrived meanwhile" }).then((p) => expect(p.id).toBeTruthy())
          } while (cursor)
          expect([tab, who, new Set(seen).size]).toEqual([tab, who, seen.length])
          expect([tab, who, seen.filter((id) => expected.includes(id)).sort()]).toEqual([tab, who, [...expected].sort()])
        }
        const popular = (await call("get", "/store/social/feed?tab=popular&limit=1")).data
        expect(popular.posts[0].id).toBe(created[2]) // the only liked post leads the popular feed
        const bad = await call("get", `/store/social/feed?tab=following&cursor=${popular.next_cursor}`, "a")
        expect([bad.status, bad.data.message]).toEqual([400, "cursor is not valid: it belongs to another feed or tab"])
        expect((await call("get", "/store/social/feed?cursor=garbage", "a")).data.message).toMatch(/cursor is not valid/)
        expect((await call("get", "/store/social/feed?tab=trending")).data.message).toMatch(
          /'for_you, following, popular' for field 'tab', but got: 'trending'/
        )
        expect((await call("get", "/store/social/feed?limit=500")).data.message).toMatch(/field 'limit' too big, expected at most: '50'/)
      })

      it("lists a product's community posts and a customer's posts with cursors", async () => {
        const [product, other] = products
        const tagged = [
          await createPost("a", { tags: [{ product_id: product.id }] }),
          await createPost("b", { tags: [{ variant_id: product.variantIds[0] }] }),
        ]
        await createPost("c", { tags: [{ product_id: other.id }] })
        const first = await call("get", `/store/social/products/${product.id}/posts?limit=1`)
        expect(first.data.posts).toHaveLength(1)
        const second = await call("get", `/store/social/products/${product.id}/posts?limit=1&cursor=${first.data.next_cursor}`)
        expect([...first.data.posts, ...second.data.posts].map((p: any) => p.id).sort()).toEqual(tagged.map((p) => p.id).sort())
        expect(second.data.next_cursor).toBeNull()
        expect((await call("get", `/store/social/products/prod_missing/posts`)).status).toBe(404)
        const wrongScope = await call("get", `/store/social/products/${other.id}/posts?cursor=${first.data.next_cursor}`)
        expect(wrongScope.status).toBe(400)

        const mine = await call("get", `/store/social/customers/${ids.a}/posts`)
        expect(mine.data).toEqual({ posts: [expect.objectContaining({ id: tagged[0].id })], next_cursor: null })
      })
    })

    describe("reports and moderation", () => {
      it("takes one report per customer and queues the post for the moderators; three new accounts' reports do not hide it", async () => {
        const post = await createPost("a", { caption: "Suspicious bag" })
        const report = (who: Who, body: unknown) => call("post", `/store/social/posts/${post.id}/reports`, who, body)
        expect((await report("b", { reason: "fake" })).data.message).toMatch(
          /'spam, inappropriate, counterfeit, harassment, other' for field 'reason', but got: 'fake'/
        )
        const own = await report("a", { reason: "spam" })
        expect([own.status, own.data.message]).toEqual([400, "You cannot report your own post"])
        const first = await report("b", { reason: "counterfeit", note: "Logo is off" })
        expect(first.status).toBe(201)
        expect(first.data.report).toEqual({
          id: expect.any(String),
          post_id: post.id,
          reason: "counterfeit",
          note: "Logo is off",
          created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        })
        const twice = await report("b", { reason: "spam" })
        expect([twice.status, twice.data.message]).toEqual([422, `You have already reported post ${post.id}`])
        await report("c", { reason: "spam" })
        expect((await call("get", `/store/social/posts/${post.id}`)).status).toBe(200) // 2 reports: still up

        // A third customer reports. All three accounts were made moments ago, so their reports weigh
        // 0.1 each (social-reports.spec.ts covers the weighing): far from the threshold of 3.
        const email = `reporter-${Date.now()}@curator.local`
        const { token: extraToken } = await signUpCustomer(api, store.publishableKey, { email, first_name: "Third", last_name: "Reporter" })
        const third = await call(
          "post",
          `/store/social/posts/${post.id}/reports`,
          undefined,
          { reason: "inappropriate" },
          { authorization: `Bearer ${extraToken}` }
        )
        expect(third.status).toBe(201)
        expect((await call("get", `/store/social/posts/${post.id}`, "b")).status).toBe(200)

        const queue = await call("get", "/admin/social/moderation-queue", "admin")
        expect(queue.status).toBe(200)
        expect(queue.data).toMatchObject({ count: 1, offset: 0, limit: 20 })
        expect(queue.data.posts[0]).toMatchObject({
          id: post.id,
          status: "published",
          report_count: 3,
          open_report_count: 3,
          open_report_score: 0.3,
          hidden_reason: null,
        })
        expect(queue.data.posts[0].reports.map((r: any) => r.reason)).toEqual(["counterfeit", "spam", "inappropriate"])
      })

      it("lets admins approve, hide and remove posts, recording who and when, with the author's history", async () => {
        const reported = await createPost("a", { caption: "Reported look" })
        const other = await createPost("a", { caption: "Another look" })
        await call("post", `/store/social/posts/${reported.id}/reports`, "b", { reason: "harassment" })
        const pendingPost = await createPost("b", { caption: "Waiting" })
        await social().updateSocialPosts({ id: pendingPost.id, status: "pending" })

        const queue = (await call("get", "/admin/social/moderation-queue", "admin")).data
        expect(queue.posts.map((p: any) => p.id)).toEqual([reported.id, pendingPost.id]) // oldest wait first

        const list = await call("get", `/admin/social/posts?reported=true`, "admin")
        expect(list.data).toMatchObject({ count: 1, posts: [{ id: reported.id, report_count: 1 }] })
        expect((await call("get", `/admin/social/posts?status=pending`, "admin")).data.posts.map((p: any) => p.id)).toEqual([pendingPost.id])
        expect((await call("get", `/admin/social/posts?customer_id=${ids.a}&limit=1`, "admin")).data).toMatchObject({ count: 2, limit: 1, offset: 0 })
        expect((await call("get", `/admin/social/posts?status=gone`, "admin")).status).toBe(400)

        const moderate = (id: string, body: unknown, who: Who | undefined = "admin") => call("post", `/admin/social/posts/${id}/moderate`, who, body)
        const approved = await moderate(pendingPost.id, { action: "approve" })
        expect(approved.status).toBe(200)
        expect(approved.data.post).toMatchObject({
          status: "published",
          moderated_by: expect.stringMatching(/^user_/),
          moderator: { id: expect.stringMatching(/^user_/), name: expect.not.stringMatching(/^user_/) },
          moderated_at: expect.any(String),
        })
        expect((await call("get", `/store/social/posts/${pendingPost.id}`, "c")).status).toBe(200)

        const kept = await moderate(reported.id, { action: "approve", note: "Not harassment" })
        expect(kept.data.post).toMatchObject({ status: "published", open_report_count: 0, report_count: 1, moderation_note: "Not harassment" })
        expect(kept.data.post.reports[0]).toMatchObject({
          reason: "harassment",
          resolved_at: expect.any(String),
          resolved_by: expect.stringMatching(/^user_/),
        })
        expect((await call("get", "/admin/social/moderation-queue", "admin")).data.count).toBe(0)

        expect((await moderate(other.id, { action: "hide" })).data.post.status).toBe("hidden")
        expect((await call("get", `/store/social/posts/${other.id}`, "b")).status).toBe(404)
        const removed = await moderate(reported.id, { action: "remove", note: "Second look" })
        expect(removed.data.post.status).toBe("removed")
        expect((await call("get", `/store/social/posts/${reported.id}`, "a")).data.post.status).toBe("removed")

        const detail = await call("get", `/admin/social/posts/${reported.id}`, "admin")
        expect(detail.data.post.author_history).toEqual({
          customer_id: ids.a,
          post_count: 2,
          by_status: { published: 0, pending: 0, hidden: 1, removed: 1 },
          reports_received: 1,
        })
        expect((await moderate(reported.id, { action: "delete" })).data.message).toMatch(
          /'approve, hide, remove' for field 'action', but got: 'delete'/
        )
        expect((await moderate("spost_missing", { action: "hide" })).status).toBe(404)

        // Admin routes answer admin users only.
        for (const [method, url, body] of [
          ["get", "/admin/social/posts"],
          ["get", `/admin/social/posts/${reported.id}`],
          ["post", `/admin/social/posts/${reported.id}/moderate`, { action: "approve" }],
          ["get", "/admin/social/moderation-queue"],
        ] as [string, string, unknown?][]) {
          expect([url, (await call(method, url, undefined, body)).status]).toEqual([url, 401])
          expect([url, (await call(method, url, "a", body)).status]).toEqual([url, 401])
          expect([url, (await call(method, url, "b", body)).status]).toEqual([url, 401])
        }
        expect((await call("get", `/admin/social/posts/${reported.id}`, "admin")).data.post.status).toBe("removed")
      })
    })

    describe("demo seed", () => {
      it("seeds follows, posts with product tags, likes, comments with replies and a reported post, once", async () => {
        const container = getContainer()
        const catalog = selectProducts(generateDemoCatalog(), PRODUCTS_PER_CATEGORY)
        await seedSocial(container, catalog)
        const counts = async () => {
          const s = social()
          const [[, posts], [, follows], [, likes], [, comments], [, reports]] = await Promise.all([
            s.listAndCountSocialPosts({}, { take: 1 }),
            s.listAndCountSocialFollows({}, { take: 1 }),
            s.listAndCountSocialLikes({}, { take: 1 }),
            s.listAndCountSocialComments({}, { take: 1 }),
            s.listAndCountSocialReports({}, { take: 1 }),
          ])
          return { posts, follows, likes, comments, reports }
        }
        const first = await counts()
        expect(first.posts).toBeGreaterThanOrEqual(18)
        expect(first.follows).toBeGreaterThanOrEqual(8)
        expect(first.likes).toBeGreaterThan(20)
        expect(first.comments).toBeGreaterThan(10)
        expect(first.reports).toBe(1)
        const replies = await social().listSocialComments({ parent_id: { $ne: null } } as any, { take: 1 })
        expect(replies).toHaveLength(1)

        await seedSocial(container, catalog)
        expect(await counts()).toEqual(first)

        const feed = await call("get", "/store/social/feed?limit=50", "a")
        expect(feed.data.posts.length).toBeGreaterThan(10)
        for (const post of feed.data.posts) {
          expect(post.tags.length).toBeGreaterThan(0)
          expect(post.tags[0].product).toEqual(expect.objectContaining({ title: expect.any(String) }))
          expect(post.photos[0].url).toMatch(/^http/)
        }
        expect((await call("get", "/admin/social/posts?reported=true", "admin")).data.count).toBe(1)
      })
    })
  },
})
