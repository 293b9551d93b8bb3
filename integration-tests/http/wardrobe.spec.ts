import fs from "node:fs"
import sharp from "sharp"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { fileKeyOf, filesIn, isolatePrivateUploads, isSignedUrl, pathAndQuery, storedPath } from "../helpers/files"
import { apiCaller, signInDemoAdmin, signInDemoCustomer, storeHeaders } from "../helpers/api"
import { solidPng } from "../helpers/images"
import { demoCustomerAddress, seedDemoShop } from "../helpers/demo-shop"
import { multipartForm } from "../helpers/multipart"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { selectProducts } from "../../src/scripts/demo-catalog/seed-catalog"
import { generateDemoCatalog } from "../../src/scripts/demo-catalog/generate-catalog"
import { seedWardrobe } from "../../src/scripts/demo-catalog/seed-wardrobe"
import { WARDROBE_MODULE } from "../../src/modules/wardrobe"
import WardrobeModuleService from "../../src/modules/wardrobe/service"
import { addPurchasedItemsToWardrobeWorkflow } from "../../src/workflows/wardrobe/add-purchased-items-to-wardrobe"
import { createWardrobeItemWorkflow, updateWardrobeItemWorkflow } from "../../src/workflows/wardrobe/wardrobe-items"

jest.setTimeout(300_000)

const PRODUCTS_PER_CATEGORY = 1
const PRIVATE_DIR = isolatePrivateUploads()

/** The stored file of a wardrobe photo's file key. */
const storedFile = (fileKey: string) => storedPath(fileKey, PRIVATE_DIR)

async function jpeg(width: number, height: number, options: { orientation?: number; noise?: boolean } = {}) {
  const image = options.noise
    ? sharp(
        Buffer.alloc(width * height * 3).map((_, i) => (i * 7919) % 251),
        { raw: { width, height, channels: 3 } }
      )
    : sharp({ create: { width, height, channels: 3, background: "#1f3a5f" } })
  const encoded = image.jpeg()
  return options.orientation ? encoded.withMetadata({ orientation: options.orientation }).toBuffer() : encoded.toBuffer()
}

const form = (fields: Record<string, string | string[]>, photo?: { bytes: Buffer; name: string; type: string }) =>
  multipartForm(fields, photo ? [{ ...photo, field: "photo" }] : [])

/**
 * The wardrobe through the Store API: items with photo uploads, outfits, the wear log and
 * stats; bad input; who may see what; and purchased items arriving from a placed order.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const tokens: Record<"a" | "b" | "admin", string> = { a: "", b: "", admin: "" }
    let variantIds: string[] = []
    let productIdOfVariant: Record<string, string> = {}
    let bigPng: Buffer

    /** Any response, 2xx or not, as { status, data }. */
    const call = apiCaller(api, () => store.publishableKey, tokens)

    const createItem = async (who: "a" | "b", body: Record<string, unknown>) => {
      const res = await call("post", "/store/wardrobe/items", who, body)
      expect(res.status).toBe(201)
      return res.data.item
    }

    beforeAll(async () => {
      const container = getContainer()
      store = (await seedDemoShop(container, { productsPerCategory: PRODUCTS_PER_CATEGORY })).store
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id", "sku", "product_id"] })
      variantIds = variants.map((v) => v.id)
      productIdOfVariant = Object.fromEntries(variants.map((v) => [v.id, v.product_id!]))

      tokens.a = await signInDemoCustomer(api, 0)
      tokens.b = await signInDemoCustomer(api, 1)
      tokens.admin = await signInDemoAdmin(api)
      bigPng = await sharp({ create: { width: 8000, height: 5100, channels: 3, background: "#ffffff" } })
        .png()
        .toBuffer()
    })

    describe("items", () => {
      it("creates, reads, lists with filters and pagination, updates and deletes an item", async () => {
        const linen = await createItem("a", {
          name: "Linen shirt",
          category: "Shirts",
          colours: ["white", "navy  blue"],
          brand: "Maison Lune",
          size: "M",
          price_paid: 89.5,
          currency_code: "EUR",
          material: "linen",
          season: "spring-summer",
          notes: "Bought in Lisbon",
          acquired_on: "2025-05-01",
        })
        expect(linen).toMatchObject({
          name: "Linen shirt",
          category: "shirts",
          colours: ["White", "Navy Blue"],
          price_paid: 89.5,
          currency_code: "eur",
          source: "manual",
          photo_url: null,
        })
        expect(linen).not.toHaveProperty("customer_id")
        await createItem("a", { name: "Wool coat", category: "outerwear", colours: ["Camel"], brand: "Nordvik", season: "autumn-winter" })
        await createItem("a", { name: "Striped tee", category: "tops", colours: ["Navy Blue", "White"], brand: "maison lune" })
        await createItem("b", { name: "B's jeans", category: "jeans", colours: ["Navy Blue"] })

        const list = async (qs: string) => (await call("get", `/store/wardrobe/items${qs}`, "a")).data
        const names = (data: any) => data.items.map((i: any) => i.name).sort()

        const all = await list("")
        expect(all).toMatchObject({ count: 3, offset: 0, limit: 20 })
        expect(names(all)).toEqual(["Linen shirt", "Striped tee", "Wool coat"])
        expect(names(await list("?colour=navy%20blue"))).toEqual(["Linen shirt", "Striped tee"])
        expect(names(await list("?colour=Camel,Black"))).toEqual(["Wool coat"])
        expect(names(await list("?category=SHIRTS"))).toEqual(["Linen shirt"])
        expect(names(await list("?season=autumn-winter"))).toEqual(["Wool coat"])
        expect(names(await list("?brand=Maison%20Lune"))).toEqual(["Linen shirt", "Striped tee"])
        expect(names(await list("?q=lisbon"))).toEqual(["Linen shirt"])
        expect(names(await list("?q=100%25"))).toEqual([]) // % is matched literally
        const page = await list("?limit=2&offset=2&order=name")
        expect(page).toMatchObject({ count: 3, offset: 2, limit: 2 })
        expect(page.items.map((i: any) => i.name)).toEqual(["Wool coat"])
        const selected = await list("?fields=id,name&limit=1")
        expect(Object.keys(selected.items[0]).sort()).toEqual(["id", "name"])

        const got = await call("get", `/store/wardrobe/items/${linen.id}`, "a")
        expect(got.status).toBe(200)
        expect(got.data.item.notes).toBe("Bought in Lisbon")

        const updated = await call("post", `/store/wardrobe/items/${linen.id}`, "a", { size: "L", notes: "", colours: ["Ecru"] })
        expect(updated.status).toBe(200)
        expect(updated.data.item).toMatchObject({ size: "L", notes: null, colours: ["Ecru"], name: "Linen shirt", price_paid: 89.5 })

        // Linked to the catalog variant it was bought as: the variant's product is filled in; unlinking clears both.
        const variantId = variantIds[0]
        const linked = await call("post", `/store/wardrobe/items/${linen.id}`, "a", { variant_id: variantId })
        expect(linked.data.item).toMatchObject({ variant_id: variantId, product_id: productIdOfVariant[variantId] })
        const unlinked = await call("post", `/store/wardrobe/items/${linen.id}`, "a", { variant_id: null })
        expect(unlinked.data.item).toMatchObject({ variant_id: null, product_id: null })

        const deleted = await call("delete", `/store/wardrobe/items/${linen.id}`, "a")
        expect(deleted.data).toEqual({ id: linen.id, object: "wardrobe_item", deleted: true })
        expect((await call("get", `/store/wardrobe/items/${linen.id}`, "a")).status).toBe(404)
        expect((await list("")).count).toBe(2)
      })

      it("uploads a photo: EXIF orientation applied, metadata stripped, replaced and removed through the file module", async () => {
        const sideways = await jpeg(40, 30, { orientation: 6 }) // stored 40×30, shown rotated: 30×40
        const res = await call(
          "post",
          "/store/wardrobe/items",
          "a",
          form(
            { name: "Silk scarf", colours: ["Red", "Gold"], price_paid: "45", currency_code: "gbp" },
            { bytes: sideways, name: "IMG 0001.JPG", type: "image/jpeg" }
          )
        )
        expect(res.status).toBe(201)
        const item = res.data.item
        expect(item).toMatchObject({ name: "Silk scarf", colours: ["Red", "Gold"], price_paid: 45, currency_code: "gbp" })
        // Stored privately under a random name (not "IMG 0001.JPG"), answered as a signed URL.
        expect(isSignedUrl(item.photo_url)).toBe(true)
        const firstKey = fileKeyOf(item.photo_url)
        expect(firstKey).toMatch(/^private-\d+-private-wardrobe-[0-9a-f]{32}\.jpg$/)
        const served = await api.get(pathAndQuery(item.photo_url), { responseType: "arraybuffer" })
        expect(served.headers["content-type"]).toBe("image/jpeg")
        expect(Buffer.from(served.data).equals(fs.readFileSync(storedFile(firstKey)))).toBe(true)
        const stored = await sharp(fs.readFileSync(storedFile(firstKey))).metadata()
        expect([stored.width, stored.height]).toEqual([30, 40])
        expect(stored.exif).toBeUndefined()
        expect(stored.orientation).toBeUndefined()

        const png = await solidPng(20, 20)
        const replaced = await call(
          "post",
          `/store/wardrobe/items/${item.id}`,
          "a",
          form({ notes: "new photo" }, { bytes: png, name: "scarf.png", type: "image/png" })
        )
        expect(replaced.status).toBe(200)
        const secondKey = fileKeyOf(replaced.data.item.photo_url)
        expect(secondKey).toMatch(/\.png$/)
        expect(fs.existsSync(storedFile(secondKey))).toBe(true)
        expect(fs.existsSync(storedFile(firstKey))).toBe(false) // the replaced photo is gone

        const removed = await call("post", `/store/wardrobe/items/${item.id}`, "a", { remove_photo: true })
        expect(removed.data.item.photo_url).toBeNull()
        expect(fs.existsSync(storedFile(secondKey))).toBe(false)
      })

      it("rejects bad uploads and bodies with a 400 that names the problem, writing nothing", async () => {
        const post = (body: unknown, extra?: Record<string, string>) => call("post", "/store/wardrobe/items", "a", body, extra)
        const expect400 = async (res: any, message: RegExp) => {
          expect(res.status).toBe(400)
          expect(res.data.message).toMatch(message)
        }
        await expect400(
          await post(form({ name: "Fake" }, { bytes: Buffer.from("%PDF-1.7 not an image"), name: "x.jpg", type: "image/jpeg" })),
          /JPEG, PNG or WebP/
        )
        const whole = await jpeg(200, 200, { noise: true })
        await expect400(
          await post(form({ name: "Cut" }, { bytes: whole.subarray(0, whole.length >> 1), name: "cut.jpg", type: "image/jpeg" })),
          /damaged or truncated/
        )
        const oversize = Buffer.concat([whole, Buffer.alloc(10 * 1024 * 1024)])
        await expect400(await post(form({ name: "Huge" }, { bytes: oversize, name: "huge.jpg", type: "image/jpeg" })), /larger than 10 MB/)
        await expect400(
          await post(form({ name: "Wide" }, { bytes: bigPng, name: "wide.png", type: "image/png" })),
          /8000×5100 pixels.*limit is 40 MP/
        )
        const wrongField = new FormData()
        wrongField.append("name", "Wrong field")
        wrongField.append("image", new Blob([new Uint8Array(whole)], { type: "image/jpeg" }), "a.jpg")
        await expect400(await post(wrongField), /"photo" field/)
        await expect400(await post("name=Shirt", { "content-type": "text/plain" }), /Content-Type must be application\/json or multipart\/form-data/)
        await expect400(await post({}), /name/)
        await expect400(await post({ name: "  " }), /field 'name'/i)
        await expect400(await post({ name: "Coat", price_paid: 100 }), /currency_code is required with price_paid/)
        await expect400(await post({ name: "Coat", price_paid: -1, currency_code: "eur" }), /field 'price_paid'/)
        await expect400(await post({ name: "Coat", season: "winter" }), /season/)
        // The same mistake in a form names the wrong value too (not "season is required").
        await expect400(
          await post(form({ name: "Coat", season: "winter" }, { bytes: whole, name: "coat.jpg", type: "image/jpeg" })),
          /for field 'season', but got: 'winter'/
        )
        await expect400(await post({ name: "Coat", acquired_on: "2025-02-30" }), /acquired_on must be a real calendar date/)
        await expect400(await post({ name: "Coat", owner: "someone" }), /owner/)
        await expect400(await call("get", "/store/wardrobe/items?limit=500", "a"), /limit/)
        await expect400(await call("get", "/store/wardrobe/items?season=monsoon", "a"), /season/)
        // A variant the catalog does not have: 404 naming it, checked before the photo is stored.
        const filesBefore = filesIn(PRIVATE_DIR)
        const ghost = await post(form({ name: "Ghost", variant_id: "variant_missing" }, { bytes: whole, name: "ghost.jpg", type: "image/jpeg" }))
        expect(ghost.status).toBe(404)
        expect(ghost.data.message).toMatch(/variant_missing/)
        expect(filesIn(PRIVATE_DIR)).toEqual(filesBefore)

        expect((await call("get", "/store/wardrobe/items", "a")).data.count).toBe(0)
      })

      it("leaves no file and no item behind when a step after the upload fails", async () => {
        const container = getContainer()
        const wardrobe = container.resolve<WardrobeModuleService>(WARDROBE_MODULE)
        const photo = { filename: `compensation-${Date.now()}.jpg`, mimeType: "image/jpeg", content: (await jpeg(10, 10)).toString("base64") }
        const filesBefore = filesIn(PRIVATE_DIR)
        // An invalid season gets past no validator here and makes the database refuse the insert.
        const { errors } = await createWardrobeItemWorkflow(container).run({
          input: { customer_id: "cus_compensation", item: { name: "Doomed", season: "monsoon" as any }, photo },
          throwOnError: false,
        })
        expect(errors.length).toBeGreaterThan(0)
        expect(filesIn(PRIVATE_DIR)).toEqual(filesBefore)
        expect(await wardrobe.listWardrobeItems({ customer_id: "cus_compensation" })).toEqual([])

        // An update that fails keeps the old photo and drops the new upload.
        const { result: item } = await createWardrobeItemWorkflow(container).run({
          input: { customer_id: "cus_compensation", item: { name: "Kept" }, photo: { ...photo, filename: `kept-${photo.filename}` } },
        })
        const replacement = { ...photo, filename: `replacement-${photo.filename}` }
        const filesWithKept = filesIn(PRIVATE_DIR)
        const failed = await updateWardrobeItemWorkflow(container).run({
          input: { customer_id: "cus_compensation", id: item.id, update: { name: "Renamed", season: "monsoon" as any }, photo: replacement },
          throwOnError: false,
        })
        expect(failed.errors.length).toBeGreaterThan(0)
        const after = await wardrobe.retrieveWardrobeItem(item.id)
        expect(after).toMatchObject({ name: "Kept", photo_file_id: item.photo_file_id })
        expect(fs.existsSync(storedFile(item.photo_file_id!))).toBe(true)
        expect(filesIn(PRIVATE_DIR)).toEqual(filesWithKept)
      })
    })

    describe("outfits, wear log and stats", () => {
      it("builds outfits from own items and catalog products, logs wears and reports stats", async () => {
        const shirt = await createItem("a", { name: "Oxford shirt", category: "shirts", colours: ["White"], price_paid: 60, currency_code: "eur" })
        const chinos = await createItem("a", { name: "Chinos", category: "trousers", colours: ["Beige"], price_paid: 80, currency_code: "eur" })
        const boots = await createItem("a", {
          name: "Boots",
          category: "shoes",
          colours: ["Brown"],
          acquired_on: "2020-01-01",
          price_paid: 200,
          currency_code: "eur",
        })
        const variantId = variantIds[0]

        const created = await call("post", "/store/wardrobe/outfits", "a", {
          name: "Office Monday",
          occasion: "work",
          season: "all-season",
          item_ids: [chinos.id, shirt.id],
          products: [{ variant_id: variantId }],
        })
        expect(created.status).toBe(201)
        const outfit = created.data.outfit
        expect(outfit.items.map((i: any) => i.item.name)).toEqual(["Chinos", "Oxford shirt"])
        expect(outfit.products).toEqual([expect.objectContaining({ product_id: productIdOfVariant[variantId], variant_id: variantId })])
        expect(outfit.products[0].product).toEqual(
          expect.objectContaining({ id: productIdOfVariant[variantId], title: expect.any(String), calculated_price: null })
        )
        // Suggested products are the shop's product cards: with the shopper's country, priced in its region.
        const inGb = await call(
          "get",
          `/store/wardrobe/outfits/${outfit.id}?country_code=gb&fields=id,products.product.calculated_price,products.product.in_stock`,
          "a"
        )
        expect(inGb.data.outfit).toEqual({
          id: outfit.id,
          products: [
            {
              product: {
                calculated_price: { calculated_amount: expect.any(Number), original_amount: expect.any(Number), currency_code: "gbp" },
                in_stock: expect.any(Boolean),
              },
            },
          ],
        })

        const list = await call("get", "/store/wardrobe/outfits?occasion=WORK&q=monday", "a")
        expect(list.data).toMatchObject({ count: 1, offset: 0, limit: 20 })
        expect((await call("get", "/store/wardrobe/outfits?season=spring-summer", "a")).data.count).toBe(0)

        const updated = await call("post", `/store/wardrobe/outfits/${outfit.id}`, "a", {
          name: "Office",
          item_ids: [shirt.id, boots.id],
          products: [],
        })
        expect([updated.status, updated.data.message]).toEqual([200, undefined])
        expect(updated.data.outfit.name).toBe("Office")
        expect(updated.data.outfit.items.map((i: any) => i.item.name)).toEqual(["Oxford shirt", "Boots"])
        expect(updated.data.outfit.products).toEqual([])

        const wearOutfit = await call("post", `/store/wardrobe/outfits/${outfit.id}/wear`, "a", { worn_on: "2026-01-10" })
        expect(wearOutfit.status).toBe(201)
        expect(wearOutfit.data.item_wears).toBe(2)
        const again = await call("post", `/store/wardrobe/outfits/${outfit.id}/wear`, "a", { worn_on: "2026-01-10" })
        expect(again.status).toBe(200) // same day: nothing logged twice
        expect((await call("post", `/store/wardrobe/items/${shirt.id}/wear`, "a", { worn_on: "2026-01-10" })).status).toBe(200)
        expect((await call("post", `/store/wardrobe/items/${shirt.id}/wear`, "a", { worn_on: "2026-01-11" })).status).toBe(201)
        const today = await call("post", `/store/wardrobe/items/${shirt.id}/wear`, "a")
        expect(today.status).toBe(201)
        expect(today.data.wear_log.worn_on.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10))
        const future = await call("post", `/store/wardrobe/items/${shirt.id}/wear`, "a", { worn_on: "2999-01-01" })
        expect(future.status).toBe(400)
        expect(future.data.message).toMatch(/worn_on must not be in the future/)

        const { data } = await call("get", "/store/wardrobe/stats", "a")
        const stats = data.stats
        const byName = Object.fromEntries(stats.items.map((i: any) => [i.name, i]))
        expect(byName["Oxford shirt"]).toMatchObject({ times_worn: 3, cost_per_wear: 20 })
        expect(byName["Boots"]).toMatchObject({ times_worn: 1, cost_per_wear: 200, last_worn_on: "2026-01-10" })
        expect(byName["Chinos"]).toMatchObject({ times_worn: 0, cost_per_wear: null })
        expect(stats).toMatchObject({ item_count: 3, outfit_count: 1, wear_count: 4, total_spent: [{ currency_code: "eur", amount: 340 }] })
        expect(stats.most_worn[0].name).toBe("Oxford shirt")
        expect(stats.least_worn[0].name).toBe("Chinos")
        expect(stats.category_mix).toEqual(expect.arrayContaining([expect.objectContaining({ value: "shoes", count: 1, share: 0.3333 })]))
        expect(stats.colour_mix.map((c: any) => c.value).sort()).toEqual(["Beige", "Brown", "White"])
        // Boots: owned since 2020, last worn 2026-01-10 (more than 90 days before today on any run after April 2026).
        const notWorn = stats.not_worn_recently.map((i: any) => i.name)
        expect(notWorn).not.toContain("Chinos") // added today: not owned for 90 days yet
        expect(notWorn).toContain("Boots")

        expect((await call("delete", `/store/wardrobe/outfits/${outfit.id}`, "a")).data).toEqual({
          id: outfit.id,
          object: "wardrobe_outfit",
          deleted: true,
        })
        expect((await call("get", `/store/wardrobe/outfits/${outfit.id}`, "a")).status).toBe(404)
        expect((await call("get", `/store/wardrobe/items/${shirt.id}`, "a")).status).toBe(200) // items stay
      })

      it("rejects outfits with someone else's items, unknown products or no content", async () => {
        const mine = await createItem("a", { name: "Mine" })
        const theirs = await createItem("b", { name: "Theirs" })
        const post = (body: unknown) => call("post", "/store/wardrobe/outfits", "a", body)
        let res = await post({ name: "Borrowed", item_ids: [mine.id, theirs.id] })
        expect(res.status).toBe(404)
        expect(res.data.message).toContain(theirs.id)
        res = await post({ name: "Ghost", products: [{ variant_id: "variant_missing" }] })
        expect(res.status).toBe(404)
        expect(res.data.message).toMatch(/variant_missing/)
        const [v1, v2] = variantIds.filter((v) => productIdOfVariant[v] !== productIdOfVariant[variantIds[0]]).concat(variantIds[0])
        res = await post({
          name: "Mismatch",
          products: [
            { product_id: productIdOfVariant[v1], variant_id: variantIds.find((v) => productIdOfVariant[v] !== productIdOfVariant[v1]) ?? v2 },
          ],
        })
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/does not belong to product/)
        res = await post({ name: "Empty" })
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/at least one item_id or product/)
        expect((await call("get", "/store/wardrobe/outfits", "a")).data.count).toBe(0)
      })
    })

    describe("authorization", () => {
      it("answers only the owner: 401 for anonymous and admin tokens, 404 for another customer", async () => {
        const item = await createItem("a", { name: "Private coat" })
        const outfit = (await call("post", "/store/wardrobe/outfits", "a", { name: "Private look", item_ids: [item.id] })).data.outfit
        const routes: [string, string, unknown?][] = [
          ["get", "/store/wardrobe/items"],
          ["post", "/store/wardrobe/items", { name: "x" }],
          ["get", `/store/wardrobe/items/${item.id}`],
          ["post", `/store/wardrobe/items/${item.id}`, { name: "Stolen" }],
          ["post", `/store/wardrobe/items/${item.id}/wear`, {}],
          ["get", "/store/wardrobe/outfits"],
          ["post", "/store/wardrobe/outfits", { name: "x", item_ids: [item.id] }],
          ["get", `/store/wardrobe/outfits/${outfit.id}`],
          ["post", `/store/wardrobe/outfits/${outfit.id}`, { name: "Stolen" }],
          ["post", `/store/wardrobe/outfits/${outfit.id}/wear`, {}],
          ["get", "/store/wardrobe/stats"],
          ["delete", `/store/wardrobe/items/${item.id}`],
          ["delete", `/store/wardrobe/outfits/${outfit.id}`],
        ]
        const ownedByA = (url: string) => url.includes(item.id) || url.includes(outfit.id)
        for (const [method, url, body] of routes) {
          expect([method, url, (await call(method, url, undefined, body)).status]).toEqual([method, url, 401])
          expect([method, url, (await call(method, url, "admin", body)).status]).toEqual([method, url, 401])
          const asB = await call(method, url, "b", body)
          if (ownedByA(url)) {
            expect([method, url, asB.status]).toEqual([method, url, 404])
          } else {
            expect([method, url, asB.status]).toEqual([method, url, expect.any(Number)])
            expect(asB.status).toBeLessThan(500)
          }
        }
        // B's own view holds none of A's things, A's are untouched, and the publishable key is still required.
        expect((await call("get", "/store/wardrobe/items", "b")).data.items.map((i: any) => i.id)).not.toContain(item.id)
        expect((await call("get", "/store/wardrobe/outfits", "b")).data.outfits.map((o: any) => o.id)).not.toContain(outfit.id)
        expect((await call("get", "/store/wardrobe/stats", "b")).data.stats.items.map((i: any) => i.id)).not.toContain(item.id)
        expect((await call("get", `/store/wardrobe/items/${item.id}`, "a")).data.item.name).toBe("Private coat")
        expect((await call("get", `/store/wardrobe/outfits/${outfit.id}`, "a")).data.outfit.name).toBe("Private look")
        // `fields` cannot reach the owner's customer record or internal columns.
        const probe = await call("get", `/store/wardrobe/items/${item.id}?fields=id,customer_id,photo_file_id,customer.email`, "a")
        expect(probe.status).toBe(400)
        expect(probe.data.message).toMatch(/"customer_id", "photo_file_id", "customer\.email" are not allowed here/)
        expect(JSON.stringify(probe.data)).not.toMatch(/@curator\.local/)
        const noKey = await api.get("/store/wardrobe/items", { headers: { authorization: `Bearer ${tokens.a}` }, validateStatus: () => true })
        expect(noKey.status).toBe(400)
      })
    })

    describe("demo seed", () => {
      it("gives every demo customer a wardrobe with outfits and wears, once", async () => {
        const container = getContainer()
        const catalog = selectProducts(generateDemoCatalog(), PRODUCTS_PER_CATEGORY)
        await seedWardrobe(container, catalog)
        const { data: first } = await call("get", "/store/wardrobe/items?limit=100", "a")
        expect(first.count).toBe(11)
        const bought = first.items.filter((i: any) => i.variant_id && i.photo_url)
        expect(bought).toHaveLength(6)
        // Each bought piece's photo is its variant's, in the colour the item names (not a "Rust" item with a blue photo).
        const { data: variants } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "product_variant",
          fields: ["id", "thumbnail", "options.value", "options.option.title"],
          filters: { id: bought.map((i: any) => i.variant_id) },
        })
        const byId = new Map((variants as any[]).map((v) => [v.id, v]))
        for (const item of bought) {
          const variant = byId.get(item.variant_id)
          const colour = variant.options.find((o: any) => /^colou?r$/i.test(o.option?.title ?? ""))?.value
          expect([item.name, item.colours, item.photo_url]).toEqual([item.name, [colour], variant.thumbnail])
        }
        const { data: stats } = await call("get", "/store/wardrobe/stats", "a")
        expect(stats.stats.outfit_count).toBe(2)
        expect(stats.stats.wear_count).toBeGreaterThan(10)
        expect(stats.stats.not_worn_recently.length).toBeGreaterThanOrEqual(2)

        await seedWardrobe(container, catalog)
        expect((await call("get", "/store/wardrobe/items?limit=100", "a")).data.count).toBe(11)
        expect((await call("get", "/store/wardrobe/items?limit=1", "b")).data.count).toBe(11)
      })
    })

    describe("purchased items", () => {
      it("adds one item per purchased variant when an order is placed, and never twice", async () => {
        const container = getContainer()
        const { data: regions } = await api.get("/store/regions", { headers: storeHeaders(store.publishableKey) })
        const europe = regions.regions.find((r: any) => r.currency_code === "eur")
        const demo = selectProducts(generateDemoCatalog(), PRODUCTS_PER_CATEGORY)
        const skus = demo.flatMap((p) => p.variants.filter((v) => v.stock.eu >= 3).map((v) => ({ sku: v.sku, product: p, variant: v }))).slice(0, 2)
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id", "sku"], filters: { sku: skus.map((s) => s.sku) } })
        const idOf = (sku: string) => variants.find((v) => v.sku === sku)!.id

        // The merchant gives the first item's colour a photo of its own (Medusa's variant images),
        // first in the gallery; the order's wardrobe items must show it.
        const productId = productIdOfVariant[idOf(skus[0].sku)]
        const colourName = skus[0].variant.colour.name
        const { data: colourVariants } = await query.graph({
          entity: "product_variant",
          fields: ["id", "sku", "thumbnail"],
          filters: { sku: skus[0].product.variants.filter((v) => v.colour.name === colourName).map((v) => v.sku) },
        })
        const { data: before } = await call("get", `/admin/products/${productId}?fields=id,thumbnail,*images`, "admin")
        const colourPhoto = `http://localhost/static/wardrobe-test-${colourName.toLowerCase()}.jpg`
        const withPhoto = await call("post", `/admin/products/${productId}?fields=id,*images`, "admin", {
          images: [{ url: colourPhoto }, ...before.product.images.map((i: any) => ({ id: i.id, url: i.url }))],
        })
        expect(withPhoto.status).toBe(200)
        const colourImage = withPhoto.data.product.images.find((i: any) => i.url === colourPhoto)
        const tied = await call("post", `/admin/products/${productId}/images/${colourImage.id}/variants/batch`, "admin", {
          add: colourVariants.map((v) => v.id),
        })
        expect(tied.status).toBe(200)
        // A variant's own thumbnail, where the catalog sets one, comes first.
        const expectedPhoto = colourVariants.find((v) => v.sku === skus[0].sku)?.thumbnail ?? colourPhoto
        expect(before.product.thumbnail).toBeTruthy()
        expect(before.product.thumbnail).not.toBe(colourPhoto)

        let { data } = await call("post", "/store/carts", "a", { region_id: europe.id })
        const cartId = data.cart.id
        expect(data.cart.customer_id).toBeTruthy()
        await call("post", `/store/carts/${cartId}/line-items`, "a", { variant_id: idOf(skus[0].sku), quantity: 2 })
        await call("post", `/store/carts/${cartId}/line-items`, "a", { variant_id: idOf(skus[1].sku), quantity: 1 })
        const address = demoCustomerAddress(0)
        await call("post", `/store/carts/${cartId}`, "a", { shipping_address: address, billing_address: address })
        ;({ data } = await call("get", `/store/shipping-options?cart_id=${cartId}`, "a"))
        await call("post", `/store/carts/${cartId}/shipping-methods`, "a", { option_id: data.shipping_options[0].id })
        ;({ data } = await call("post", "/store/payment-collections", "a", { cart_id: cartId }))
        await call("post", `/store/payment-collections/${data.payment_collection.id}/payment-sessions`, "a", { provider_id: "pp_system_default" })
        const completed = await call("post", `/store/carts/${cartId}/complete`, "a")
        expect(completed.data.type).toBe("order")
        const orderId = completed.data.order.id

        const fromOrders = async () => (await call("get", "/store/wardrobe/items?source=order&order=name", "a")).data
        // The order.placed subscriber runs after the answer: wait until both purchased variants are there.
        const purchased = skus.map((s) => idOf(s.sku))
        const hasBoth = (list: any) => purchased.every((id) => list.items.some((i: any) => i.variant_id === id))
        let items: any = { count: 0, items: [] }
        for (let attempt = 0; attempt < 120 && !hasBoth(items); attempt++) {
          items = await fromOrders()
          if (!hasBoth(items)) await new Promise((r) => setTimeout(r, 250))
        }
        // On failure, show what arrived instead (variant, order) rather than only a count.
        expect(items.items.map((i: any) => [i.variant_id, i.order_id])).toEqual(expect.arrayContaining(purchased.map((id) => [id, orderId])))
        expect(items.count).toBe(2)
        const first = items.items.find((i: any) => i.variant_id === idOf(skus[0].sku))
        expect(first).toMatchObject({
          source: "order",
          order_id: orderId,
          name: skus[0].product.title,
          brand: skus[0].product.brand,
          size: skus[0].variant.size,
          colours: [skus[0].variant.colour.name],
          category: skus[0].product.category.handle,
          season: skus[0].product.season,
          price_paid: skus[0].variant.prices.eur,
          currency_code: "eur",
          product_id: productId,
          photo_url: expectedPhoto,
        })
        const second = items.items.find((i: any) => i.variant_id === idOf(skus[1].sku))
        expect(second).toMatchObject({ order_id: orderId, product_id: productIdOfVariant[idOf(skus[1].sku)] })
        expect(second.photo_url).toBeTruthy()
        // Another colour keeps its own picture, not the first one's.
        if (skus[1].variant.colour.name !== colourName) expect(second.photo_url).not.toBe(colourPhoto)
        const linked = await call("get", `/store/wardrobe/items/${first.id}?fields=id,product_variant.sku`, "a")
        expect(linked.data.item.product_variant.sku).toBe(skus[0].sku)
        expect((await call("get", "/store/wardrobe/items", "b")).data.count).toBe(0)

        // Processing the order again (the workflow, and the event itself) adds nothing.
        const { result } = await addPurchasedItemsToWardrobeWorkflow(container).run({ input: { order_id: orderId } })
        expect(result.created).toEqual([])
        expect(result.skipped).toBe(2)
        await container.resolve(Modules.EVENT_BUS).emit({ name: "order.placed", data: { id: orderId } })
        await new Promise((r) => setTimeout(r, 1000))
        expect((await fromOrders()).count).toBe(2)

        // An item the customer removed does not come back either.
        await call("delete", `/store/wardrobe/items/${first.id}`, "a")
        await addPurchasedItemsToWardrobeWorkflow(container).run({ input: { order_id: orderId } })
        expect((await fromOrders()).count).toBe(1)
      })
    })
  },
})
