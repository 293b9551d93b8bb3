import fs from "node:fs"
import path from "node:path"
import sharp from "sharp"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow, createSalesChannelsWorkflow } from "@medusajs/medusa/core-flows"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { seedCatalog } from "../../src/scripts/demo-catalog/seed-catalog"
import { DEMO_CUSTOMERS, seedPeople } from "../../src/scripts/demo-catalog/seed-people"
import { fileUrlSecret } from "../../src/files/photo-urls"
import { SOCIAL_MODULE } from "../../src/modules/social"
import SocialModuleService from "../../src/modules/social/service"
import { WARDROBE_MODULE } from "../../src/modules/wardrobe"
import WardrobeModuleService from "../../src/modules/wardrobe/service"
import privatizeStoredPhotos from "../../src/scripts/privatize-stored-photos"
import { signFileKey } from "../../src/files/signed-urls"
import { fileKeyOf, filesIn, isolatePrivateUploads, isSignedUrl, pathAndQuery, PUBLIC_DIR, storedPath } from "../helpers/files"
import { apiCaller, signInDemoAdmin, signInDemoCustomer } from "../helpers/api"
import { solidJpeg } from "../helpers/images"
import { multipartForm } from "../helpers/multipart"

jest.setTimeout(300_000)

const PRIVATE_DIR = isolatePrivateUploads()
// Rate limits have their own tests; here many uploads in a row are the point.
process.env.RATE_LIMIT_ENABLED = "false"

type Shopper = "a" | "b" | "c" | "d" | "e"
type Who = Shopper | "admin"
const SHOPPERS: Shopper[] = ["a", "b", "c", "d", "e"]

/** Colours far enough apart that a re-encoded JPEG of one is never nearer another. */
const PALETTE: [number, number, number][] = []
for (const r of [20, 125, 235]) for (const g of [20, 125, 235]) for (const b of [40, 210]) PALETTE.push([r, g, b])

const paletteJpeg = (rgb: [number, number, number]) => solidJpeg(48, 64, { r: rgb[0], g: rgb[1], b: rgb[2] })

/** The palette index nearest to an image's mean colour. */
async function paletteIndexOf(bytes: Buffer): Promise<number> {
  const { channels } = await sharp(bytes).stats()
  const mean = channels.slice(0, 3).map((c) => c.mean)
  const distance = (rgb: number[]) => rgb.reduce((sum, v, i) => sum + (v - mean[i]) ** 2, 0)
  return PALETTE.reduce((best, rgb, i) => (distance(rgb) < distance(PALETTE[best]) ? i : best), 0)
}

const multipart = (fields: Record<string, string>, field: string, files: { bytes: Buffer; name: string }[]) =>
  multipartForm(
    fields,
    files.map((file) => ({ field, ...file }))
  )

/**
 * Stored files: random names that never collide (concurrent uploads called alike, concurrent
 * replacements), private photos served only through short-lived signed URLs, post photos that
 * follow the post's visibility and moderation at once, and catalog products a shopper must not
 * see kept out of posts and wardrobe `fields`.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const tokens = {} as Record<Who, string>
    const ids = {} as Record<Shopper, string>
    let productIds: string[] = []

    const call = apiCaller(api, () => store.publishableKey, tokens)
    /** A file URL fetched as an <img> would: no credentials, no publishable key. */
    const fetchFile = (url: string, extra: Record<string, string> = {}) =>
      api.get(pathAndQuery(url), { responseType: "arraybuffer", headers: extra, validateStatus: () => true })

    const createItem = async (who: Shopper, rgb: [number, number, number], name = "image.jpg") => {
      const res = await call("post", "/store/wardrobe/items", who, multipart({ name: "Tee" }, "photo", [{ bytes: await paletteJpeg(rgb), name }]))
      expect([res.status, res.data.message]).toEqual([201, undefined])
      return res.data.item
    }
    const createPost = async (who: Shopper, visibility: string, rgb: [number, number, number], tags: unknown[] = []) => {
      const res = await call(
        "post",
        "/store/social/posts",
        who,
        multipart({ visibility, tags: JSON.stringify(tags) }, "photos", [{ bytes: await paletteJpeg(rgb), name: "image.jpg" }])
      )
      expect([res.status, res.data.message]).toEqual([201, undefined])
      return res.data.post
    }
    const expectServed = async (url: string, paletteIndex: number) => {
      const res = await fetchFile(url)
      expect([url, res.status]).toEqual([url, 200])
      expect(await paletteIndexOf(Buffer.from(res.data))).toBe(paletteIndex)
      return res
    }

    beforeAll(async () => {
      const container = getContainer()
      store = await seedStore(container)
      await seedCatalog(container, store, { productsPerCategory: 1 })
      await seedPeople(container)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: products } = await query.graph({ entity: "product", fields: ["id"], filters: { status: "published" } })
      productIds = products.map((p: any) => p.id)
      const { data: customers } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { has_account: true } })
      for (const [i, who] of SHOPPERS.entries()) {
        tokens[who] = await signInDemoCustomer(api, i)
        ids[who] = customers.find((c: any) => c.email === DEMO_CUSTOMERS[i].email)!.id
      }
      tokens.admin = await signInDemoAdmin(api)
    })

    describe("stored names", () => {
      it("keeps 14 concurrent uploads all named image.jpg, from five customers, apart: each record serves its own pixels", async () => {
        const uploads = Array.from({ length: 14 }, (_, i) => ({ i, who: SHOPPERS[i % SHOPPERS.length], kind: i % 2 ? "post" : "item" }))
        const results = await Promise.all(
          uploads.map(async (u) => {
            if (u.kind === "item") return { ...u, url: (await createItem(u.who, PALETTE[u.i])).photo_url as string }
            const post = await createPost(u.who, u.i % 4 === 1 ? "public" : "followers", PALETTE[u.i])
            return { ...u, url: post.photos[0].url as string, postId: post.id as string }
          })
        )
        const keys = results.map((r) => fileKeyOf(r.url))
        expect(new Set(keys).size).toBe(14)
        for (const key of keys) expect(key).not.toMatch(/image/)
        for (const r of results) await expectServed(r.url, r.i)
        // Read back by their owners, the records still point at their own files.
        for (const r of results.filter((r) => r.kind === "item")) {
          const { data } = await call("get", "/store/wardrobe/items?limit=50", r.who)
          const urls = data.items.map((i: any) => fileKeyOf(i.photo_url))
          expect(urls).toContain(fileKeyOf(r.url))
        }
      })

      it("leaves exactly one file after six concurrent photo replacements on one item", async () => {
        const item = await createItem("a", PALETTE[0])
        const before = filesIn(PRIVATE_DIR)
        const firstKey = fileKeyOf(item.photo_url)
        expect(before).toContain(firstKey)
        const replies = await Promise.all(
          [1, 2, 3, 4, 5, 6].map(async (n) =>
            call(
              "post",
              `/store/wardrobe/items/${item.id}`,
              "a",
              multipart({ notes: `take ${n}` }, "photo", [{ bytes: await paletteJpeg(PALETTE[n]), name: "image.jpg" }])
            )
          )
        )
        expect(replies.map((r) => [r.status, r.data.message])).toEqual(Array(6).fill([200, undefined]))
        const final = (await call("get", `/store/wardrobe/items/${item.id}`, "a")).data.item
        const finalKey = fileKeyOf(final.photo_url)
        // The first photo and the five that lost are gone; only the item's current photo remains.
        expect(filesIn(PRIVATE_DIR)).toEqual([...before.filter((k) => k !== firstKey), finalKey].sort())
        const served = await paletteIndexOf(Buffer.from((await fetchFile(final.photo_url)).data))
        expect([1, 2, 3, 4, 5, 6]).toContain(served)
      })
    })

    describe("private photos", () => {
      it("serves a wardrobe photo only at its signed URL: no other credential needed, refused without, expired or tampered", async () => {
        const item = await createItem("a", PALETTE[7], "../../etc/passwd.jpg")
        const url: string = item.photo_url
        expect(isSignedUrl(url)).toBe(true)
        const key = fileKeyOf(url)
        expect(key).toMatch(/^private-\d+-private-wardrobe-[0-9a-f]{32}\.jpg$/)
        // Stored outside the public folder, so no static URL reaches it.
        expect(fs.existsSync(storedPath(key, PRIVATE_DIR))).toBe(true)
        expect(fs.existsSync(path.join(PUBLIC_DIR, key))).toBe(false)
        expect((await fetchFile(`http://x/static/${key}`)).status).toBe(404)

        const ok = await expectServed(url, 7)
        expect(ok.headers["content-type"]).toBe("image/jpeg")
        expect(ok.headers["x-content-type-options"]).toBe("nosniff")
        const maxAge = Number(/^private, max-age=(\d+)$/.exec(ok.headers["cache-control"])?.[1])
        const expires = Number(new URL(url).searchParams.get("expires"))
        expect(maxAge).toBeGreaterThan(0)
        expect(maxAge).toBeLessThanOrEqual(expires - Math.floor(Date.now() / 1000) + 1)

        const u = new URL(url)
        const signature = u.searchParams.get("signature")!
        const bare = `http://x${u.pathname}`
        const secret = fileUrlSecret(getContainer())
        const past = Math.floor(Date.now() / 1000) - 10
        const refusals: [string, string, Record<string, string>?][] = [
          ["no signature, anonymous", bare],
          ["no signature, customer B", bare, { authorization: `Bearer ${tokens.b}`, "x-publishable-api-key": store.publishableKey }],
          ["no signature, the owner", bare, { authorization: `Bearer ${tokens.a}` }],
          ["expires only", `${bare}?expires=${expires}`],
          ["signature only", `${bare}?signature=${signature}`],
          ["tampered signature", `${bare}?expires=${expires}&signature=${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`],
          ["extended expiry", `${bare}?expires=${expires + 86_400}&signature=${signature}`],
          ["expired", `${bare}?expires=${past}&signature=${signFileKey(key, past, secret)}`],
          ["signed by another secret", `${bare}?expires=${expires}&signature=${signFileKey(key, expires, "guessed")}`],
          [
            "another file's signature",
            `http://x/files/private/${encodeURIComponent(key.replace(/[0-9a-f]{32}/, "0".repeat(32)))}?expires=${expires}&signature=${signature}`,
          ],
        ]
        for (const [label, attempt, headers] of refusals) {
          const res = await fetchFile(attempt, headers)
          expect([label, res.status]).toEqual([label, 403])
          expect(res.headers["content-type"]).toMatch(/json/)
        }
        expect(
          JSON.parse(Buffer.from((await fetchFile(`${bare}?expires=${past}&signature=${signFileKey(key, past, secret)}`)).data).toString()).message
        ).toMatch(/expired/)
        // Traversal: refused even with a valid signature for the crafted key; a missing file is a 404.
        for (const crafted of ["../package.json", "..%2Fpackage.json", "private-1-x/../../package.json"]) {
          const res = await fetchFile(
            `http://x/files/private/${encodeURIComponent(crafted)}?expires=${expires}&signature=${signFileKey(crafted, expires, secret)}`
          )
          expect([crafted, res.status]).toEqual([crafted, 403])
        }
        const missing = key.replace(/[0-9a-f]{32}/, "f".repeat(32))
        expect(
          (await fetchFile(`http://x/files/private/${missing}?expires=${expires}&signature=${signFileKey(missing, expires, secret)}`)).status
        ).toBe(404)

        // Deleting the item deletes the file: its signed URL stops at once.
        expect((await call("delete", `/store/wardrobe/items/${item.id}`, "a")).status).toBe(200)
        expect((await fetchFile(url)).status).toBe(404)
      })

      it("serves followers-only and private posts' photos only at signed URLs, and moves photos when the visibility changes", async () => {
        expect((await call("post", `/store/social/customers/${ids.a}/follow`, "b")).status).toBe(200)
        const followers = await createPost("a", "followers", PALETTE[8])
        const signed: string = followers.photos[0].url
        expect(isSignedUrl(signed)).toBe(true)
        const key = fileKeyOf(signed)
        expect(fs.existsSync(path.join(PUBLIC_DIR, key))).toBe(false)
        expect((await fetchFile(`http://x/static/${key}`)).status).toBe(404)
        expect((await fetchFile(`http://x${new URL(signed).pathname}`)).status).toBe(403)
        // B follows A and gets a working URL; C does not see the post at all.
        const forB = (await call("get", `/store/social/posts/${followers.id}`, "b")).data.post.photos[0].url
        await expectServed(forB, 8)
        expect((await call("get", `/store/social/posts/${followers.id}`, "c")).status).toBe(404)

        // Public → private: the old public URL stops at once; private → public: the signed one does.
        const pub = await createPost("a", "public", PALETTE[9])
        const publicUrl: string = pub.photos[0].url
        expect(new URL(publicUrl).pathname).toMatch(/^\/static\/\d+-post-[0-9a-f]{32}\.jpg$/)
        await expectServed(publicUrl, 9)
        const madePrivate = await call("post", `/store/social/posts/${pub.id}`, "a", { visibility: "private" })
        expect(madePrivate.status).toBe(200)
        expect((await fetchFile(publicUrl)).status).toBe(404)
        const privateUrl: string = madePrivate.data.post.photos[0].url
        expect(isSignedUrl(privateUrl)).toBe(true)
        await expectServed(privateUrl, 9)
        const madePublic = await call("post", `/store/social/posts/${pub.id}`, "a", { visibility: "public" })
        expect((await fetchFile(privateUrl)).status).toBe(404)
        const publicAgain: string = madePublic.data.post.photos[0].url
        expect(isSignedUrl(publicAgain)).toBe(false)
        await expectServed(publicAgain, 9)
        // Anyone loads a public post's photo, as a cacheable static file.
        const anon = (await call("get", `/store/social/posts/${pub.id}`)).data.post.photos[0].url
        expect(anon).toBe(publicAgain)
      })

      it("stops serving a post's photos at once when a moderator hides or removes it or its author deletes it", async () => {
        const moderate = (id: string, action: string) => call("post", `/admin/social/posts/${id}/moderate`, "admin", { action })
        // Hidden: the public URL stops; the moderator still sees it, signed; approved, it is public again.
        const pub = await createPost("a", "public", PALETTE[10])
        const publicUrl: string = pub.photos[0].url
        await expectServed(publicUrl, 10)
        const hidden = await moderate(pub.id, "hide")
        expect([hidden.status, hidden.data.post?.status]).toEqual([200, "hidden"])
        expect((await fetchFile(publicUrl)).status).toBe(404)
        const forModerator: string = hidden.data.post.photos[0].url
        expect(isSignedUrl(forModerator)).toBe(true)
        await expectServed(forModerator, 10)
        const approved = await moderate(pub.id, "approve")
        expect(approved.data.post.status).toBe("published")
        expect((await fetchFile(forModerator)).status).toBe(404)
        await expectServed(approved.data.post.photos[0].url, 10)
        expect(isSignedUrl(approved.data.post.photos[0].url)).toBe(false)

        // Removed: even a signed URL handed out before (a followers-only post) stops at once.
        const followers = await createPost("a", "followers", PALETTE[11])
        const handedOut: string = followers.photos[0].url
        await expectServed(handedOut, 11)
        expect((await moderate(followers.id, "remove")).data.post.status).toBe("removed")
        expect((await fetchFile(handedOut)).status).toBe(404)

        // Deleted by the author: public and signed URLs both stop.
        const pub2 = await createPost("a", "public", PALETTE[12])
        const priv = await createPost("a", "private", PALETTE[13])
        await expectServed(pub2.photos[0].url, 12)
        await expectServed(priv.photos[0].url, 13)
        for (const post of [pub2, priv]) expect((await call("delete", `/store/social/posts/${post.id}`, "a")).status).toBe(200)
        expect((await fetchFile(pub2.photos[0].url)).status).toBe(404)
        expect((await fetchFile(priv.photos[0].url)).status).toBe(404)
      })

      it("keeps lookbook images public", async () => {
        const created = await call("post", "/admin/lookbooks", "admin", { title: "Public images" })
        expect(created.status).toBe(201)
        const cover = await call(
          "post",
          `/admin/lookbooks/${created.data.lookbook.id}/cover`,
          "admin",
          multipart({}, "image", [{ bytes: await paletteJpeg(PALETTE[14]), name: "image.jpg" }])
        )
        expect(cover.status).toBe(200)
        const url: string = cover.data.lookbook.cover_image_url
        expect(new URL(url).pathname).toMatch(/^\/static\/\d+-lookbook-[0-9a-f]{32}\.jpg$/)
        await expectServed(url, 14)
      })
    })

    describe("photos stored before", () => {
      it("keep working (signed for wardrobes), and the upgrade script moves them where they belong", async () => {
        const container = getContainer()
        const files = container.resolve(Modules.FILE)
        // As uploaded before random names: public, named after the upload.
        const legacy = async (name: string, rgb: [number, number, number]) =>
          files.createFiles({ filename: name, mimeType: "image/jpeg", content: (await paletteJpeg(rgb)).toString("base64"), access: "public" })
        const item = await createItem("c", PALETTE[3])
        const oldItemFile = await legacy("wardrobe-my-coat.jpg", PALETTE[15])
        await container
          .resolve<WardrobeModuleService>(WARDROBE_MODULE)
          .updateWardrobeItems({ id: item.id, photo_url: oldItemFile.url, photo_file_id: oldItemFile.id })
        const post = await createPost("c", "followers", PALETTE[4])
        const oldPostFile = await legacy("social-party.jpg", PALETTE[16])
        const social = container.resolve<SocialModuleService>(SOCIAL_MODULE)
        await social.updateSocialPostImages({ id: post.photos[0].id, url: oldPostFile.url, file_id: oldPostFile.id })

        // Read-time: responses carry signed URLs that serve the old files.
        const itemUrl = (await call("get", `/store/wardrobe/items/${item.id}`, "c")).data.item.photo_url
        const postUrl = (await call("get", `/store/social/posts/${post.id}`, "c")).data.post.photos[0].url
        expect([isSignedUrl(itemUrl), isSignedUrl(postUrl)]).toEqual([true, true])
        await expectServed(itemUrl, 15)
        await expectServed(postUrl, 16)

        await privatizeStoredPhotos({ container } as any)
        expect((await fetchFile(oldItemFile.url)).status).toBe(404)
        expect((await fetchFile(oldPostFile.url)).status).toBe(404)
        const movedItem = (await call("get", `/store/wardrobe/items/${item.id}`, "c")).data.item.photo_url
        const movedPost = (await call("get", `/store/social/posts/${post.id}`, "c")).data.post.photos[0].url
        expect(fileKeyOf(movedItem)).toMatch(/^private-\d+-private-wardrobe-/)
        expect(fileKeyOf(movedPost)).toMatch(/^private-\d+-private-post-/)
        await expectServed(movedItem, 15)
        await expectServed(movedPost, 16)
        // Again: nothing left to move.
        const keys = [fileKeyOf(movedItem), fileKeyOf(movedPost)]
        await privatizeStoredPhotos({ container } as any)
        expect(fileKeyOf((await call("get", `/store/wardrobe/items/${item.id}`, "c")).data.item.photo_url)).toBe(keys[0])
        expect(fileKeyOf((await call("get", `/store/social/posts/${post.id}`, "c")).data.post.photos[0].url)).toBe(keys[1])
      })
    })

    describe("products a shopper must not see", () => {
      // Created in each test: the test runner restores the database to its state after the
      // suite's beforeAll before every test.
      const createHiddenProducts = async () => {
        const container = getContainer()
        const { result: channels } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "Wholesale only" }] } })
        const product = (title: string, status: "draft" | "published", channel: string) => ({
          title,
          status,
          description: `${title}: embargoed until launch`,
          shipping_profile_id: store.shippingProfileId,
          sales_channels: [{ id: channel }],
          options: [{ title: "Size", values: ["M"] }],
          variants: [
            { title: "M", sku: `${title}-M`, options: { Size: "M" }, manage_inventory: false, prices: [{ currency_code: "eur", amount: 90 }] },
          ],
        })
        const { result } = await createProductsWorkflow(container).run({
          input: { products: [product("Secret collab", "draft", store.salesChannelId), product("Wholesale coat", "published", channels[0].id)] },
        })
        return { draftId: result[0].id, otherChannelId: result[1].id }
      }

      it("refuses a post tagging a draft product or one outside the store's sales channel, naming the tag", async () => {
        const { draftId, otherChannelId } = await createHiddenProducts()
        const filesBefore = [...filesIn(PUBLIC_DIR), ...filesIn(PRIVATE_DIR)]
        for (const id of [draftId, otherChannelId]) {
          const res = await call(
            "post",
            "/store/social/posts",
            "b",
            multipart({ tags: JSON.stringify([{ product_id: productIds[0] }, { product_id: id }]) }, "photos", [
              { bytes: await paletteJpeg(PALETTE[0]), name: "image.jpg" },
            ])
          )
          expect([res.status, res.data.message]).toEqual([400, `Tagged product ${id} is not available in this store`])
        }
        expect([...filesIn(PUBLIC_DIR), ...filesIn(PRIVATE_DIR)].filter((f) => !filesBefore.includes(f))).toEqual([])
        const post = await createPost("b", "public", PALETTE[1], [{ product_id: productIds[0] }])
        const retag = await call("post", `/store/social/posts/${post.id}`, "b", { tags: [{ product_id: draftId }] })
        expect([retag.status, retag.data.message]).toEqual([400, `Tagged product ${draftId} is not available in this store`])
      })

      it("answers 400 naming any `fields` outside the wardrobe routes' allowed lists, and keeps drafts out of outfits", async () => {
        const { draftId } = await createHiddenProducts()
        const item = await createItem("b", PALETTE[2])
        const probes: [string, string][] = [
          [`/store/wardrobe/items/${item.id}?fields=id,product_variant.product.*`, "product_variant.product.*"],
          ["/store/wardrobe/items?fields=*product_variant", "*product_variant"],
          ["/store/wardrobe/items?fields=%2Bproduct_variant.product.description", "+product_variant.product.description"],
          ["/store/wardrobe/outfits?fields=products.product.description", "products.product.description"],
          ["/store/wardrobe/outfits?fields=items.item.*", "items.item.*"],
        ]
        for (const [url, field] of probes) {
          const res = await call("get", url, "b")
          expect([url, res.status, res.data.message]).toEqual([url, 400, expect.stringContaining(`"${field}"`)])
          expect(JSON.stringify(res.data)).not.toMatch(/embargoed/)
        }
        expect((await call("get", `/store/wardrobe/items/${item.id}?fields=id,name,photo_url`, "b")).status).toBe(200)
        const outfit = await call("post", "/store/wardrobe/outfits", "b", { name: "Launch look", products: [{ product_id: draftId }] })
        expect([outfit.status, outfit.data.message]).toEqual([404, `Product with id: ${draftId} was not found`])
      })
    })
  },
})
