import fs from "node:fs"
import path from "node:path"
import sharp from "sharp"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { seedCatalog } from "../../src/scripts/demo-catalog/seed-catalog"
import { seedPeople } from "../../src/scripts/demo-catalog/seed-people"
import { DemoProduct } from "../../src/scripts/demo-catalog/generate-catalog"
import { DEMO_LOOKBOOKS, seedLookbooks } from "../../src/scripts/demo-catalog/seed-lookbooks"
import { LOOKBOOK_MODULE } from "../../src/modules/lookbook"
import LookbookModuleService from "../../src/modules/lookbook/service"
import { createLookWorkflow } from "../../src/workflows/lookbook/looks"
import { addLookToCartWorkflow } from "../../src/workflows/lookbook/add-look-to-cart"
import { apiCaller, signInDemoAdmin, signInDemoCustomer } from "../helpers/api"
import { fileKeyOf, filesIn, PUBLIC_DIR } from "../helpers/files"
import { solidJpeg as jpeg, solidPng } from "../helpers/images"
import { multipartForm } from "../helpers/multipart"

jest.setTimeout(300_000)

/** Lookbook images are public: stored in the public upload folder. */
const storedFile = (fileKey: string) => path.join(PUBLIC_DIR, fileKey)
const storedFiles = () => filesIn(PUBLIC_DIR)

/** A look's or cover's upload: one image in the "image" field unless another is named. */
const form = (fields: Record<string, string>, image?: { bytes: Buffer; name: string; type?: string; field?: string }) =>
  multipartForm(fields, image ? [{ ...image, field: image.field ?? "image" }] : [])

/** "customer" and "customerB": two demo shoppers (the matrix: anonymous, customer A, customer B, admin). */
type Who = "customer" | "customerB" | "admin" | undefined

/**
 * Shoppable lookbooks through the Admin and Store APIs: lookbooks, looks with uploaded images and
 * hotspots, publishing, store hydration (prices per region, stock per sales channel), views and
 * add-to-cart analytics, "shop the look", bad input, compensation and who may call what.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let catalog: DemoProduct[]
    const tokens = { customer: "", customerB: "", admin: "" }
    let variantBySku: Map<string, { id: string; product_id: string; sku: string }>
    /** Demo variants with stock in the European warehouse (the demo sales channel sells from both). */
    let inStock: { id: string; product_id: string; sku: string; eur: number; usd: number }[] = []
    let europeId = ""

    /** Any response, 2xx or not. */
    const call = apiCaller<NonNullable<Who>>(api, () => store.publishableKey, tokens)
    const admin = (method: string, url: string, data?: unknown, extra?: Record<string, string>) => call(method, url, "admin", data, extra)

    const createLookbook = async (body: Record<string, unknown>) => {
      const res = await admin("post", "/admin/lookbooks", body)
      expect(res.status).toBe(201)
      return res.data.lookbook
    }
    const addLook = async (lookbookId: string, hotspots: unknown[], notes = "", name = "look.jpg") => {
      const res = await admin(
        "post",
        `/admin/lookbooks/${lookbookId}/looks`,
        form({ notes, hotspots: JSON.stringify(hotspots) }, { bytes: await jpeg(300, 400), name })
      )
      expect([res.status, res.data.message]).toEqual([201, undefined])
      return res.data.look
    }
    /** A product made through the Admin API (for unpublished, unpriced and unstocked cases). */
    const createProduct = async (title: string, variant: Record<string, unknown>, status = "published", salesChannelIds = [store.salesChannelId]) => {
      const res = await admin("post", "/admin/products", {
        title,
        status,
        sales_channels: salesChannelIds.map((id) => ({ id })),
        shipping_profile_id: store.shippingProfileId,
        options: [{ title: "Size", values: ["One size"] }],
        variants: [{ title: "One size", options: { Size: "One size" }, ...variant }],
      })
      expect([res.status, res.data.message]).toEqual([200, undefined])
      return { product_id: res.data.product.id as string, variant_id: res.data.product.variants[0].id as string }
    }

    beforeAll(async () => {
      const container = getContainer()
      store = await seedStore(container)
      catalog = await seedCatalog(container, store, { productsPerCategory: 1 })
      await seedPeople(container)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id", "sku", "product_id"] })
      variantBySku = new Map(variants.map((v: any) => [v.sku, v]))
      inStock = catalog
        .flatMap((p) => p.variants.filter((v) => v.stock.eu >= 5).map((v) => ({ ...variantBySku.get(v.sku)!, eur: v.prices.eur, usd: v.prices.usd })))
        // one variant per product, so that looks hold different products
        .filter((v, i, all) => all.findIndex((o) => o.product_id === v.product_id) === i)
      europeId = store.regionIdsByCurrency.eur

      tokens.customer = await signInDemoCustomer(api, 0)
      tokens.customerB = await signInDemoCustomer(api, 1)
      tokens.admin = await signInDemoAdmin(api)
    })

    describe("admin: lookbooks", () => {
      it("creates lookbooks with generated or given handles, lists, edits, publishes, unpublishes and deletes them", async () => {
        const autumn = await createLookbook({ title: "Autumn Layers", description: "Wool and more wool", season: "autumn-winter", position: 2 })
        expect(autumn).toMatchObject({
          title: "Autumn Layers",
          handle: "autumn-layers",
          status: "draft",
          season: "autumn-winter",
          position: 2,
          looks: [],
          published_at: null,
        })
        // Without a position a new lookbook goes after the existing ones.
        const again = await createLookbook({ title: "Autumn  Layers!" })
        expect(again).toMatchObject({ handle: "autumn-layers-2", position: 3 })
        const city = await createLookbook({ title: "City Weekend", handle: "city", status: "published", position: 1 })
        expect(city).toMatchObject({ handle: "city", status: "published" })
        expect(city.published_at).toEqual(expect.any(String))

        const taken = await admin("post", "/admin/lookbooks", { title: "Another", handle: "city" })
        expect(taken.status).toBe(422)
        expect(taken.data).toMatchObject({ type: "duplicate_error", message: expect.stringContaining("city") })
        const takenOnEdit = await admin("post", `/admin/lookbooks/${again.id}`, { handle: "city" })
        expect(takenOnEdit.status).toBe(422)

        const list = (qs = "") => admin("get", `/admin/lookbooks${qs}`).then((r) => r.data)
        const all = await list()
        expect(all).toMatchObject({ count: 3, offset: 0, limit: 20 })
        expect(all.lookbooks.map((l: any) => l.handle)).toEqual(["city", "autumn-layers", "autumn-layers-2"]) // by position
        expect(all.lookbooks[2]).toMatchObject({ look_count: 0, status: "draft" })
        expect((await list("?status=published")).lookbooks.map((l: any) => l.handle)).toEqual(["city"])
        expect((await list("?q=autumn")).count).toBe(2)
        expect((await list("?q=100%25")).count).toBe(0)
        expect((await list("?season=autumn-winter")).count).toBe(1)
        const page = await list("?limit=1&offset=1")
        expect(page).toMatchObject({ count: 3, offset: 1, limit: 1 })
        expect(page.lookbooks.map((l: any) => l.handle)).toEqual(["autumn-layers"])

        const edited = await admin("post", `/admin/lookbooks/${autumn.id}`, { title: "Autumn Layers 26", description: "", handle: "autumn-26" })
        expect(edited.status).toBe(200)
        expect(edited.data.lookbook).toMatchObject({ title: "Autumn Layers 26", description: null, handle: "autumn-26", season: "autumn-winter" })

        // Draft: not in the store. Published: there. Unpublished again: gone.
        expect((await call("get", "/store/lookbooks/autumn-26")).status).toBe(404)
        const published = await admin("post", `/admin/lookbooks/${autumn.id}`, { status: "published" })
        expect(published.data.lookbook.published_at).toEqual(expect.any(String))
        expect((await call("get", "/store/lookbooks/autumn-26")).status).toBe(200)
        expect((await call("get", `/store/lookbooks/${autumn.id}`)).data.lookbook.handle).toBe("autumn-26")
        await admin("post", `/admin/lookbooks/${autumn.id}`, { status: "draft" })
        expect((await call("get", "/store/lookbooks/autumn-26")).status).toBe(404)

        const deleted = await admin("delete", `/admin/lookbooks/${again.id}`)
        expect(deleted.data).toEqual({ id: again.id, object: "lookbook", deleted: true })
        expect((await admin("get", `/admin/lookbooks/${again.id}`)).status).toBe(404)
        expect((await list()).count).toBe(2)
        // A deleted lookbook's handle is free again, and so is the renamed one's.
        expect((await createLookbook({ title: "Autumn Layers" })).handle).toBe("autumn-layers")
        expect((await createLookbook({ title: "Autumn Layers" })).handle).toBe("autumn-layers-2")
      })

      it("uploads a cover image through the file module, replacing (and deleting) the previous one", async () => {
        const lookbook = await createLookbook({ title: "Resort" })
        const first = await admin("post", `/admin/lookbooks/${lookbook.id}/cover`, form({}, { bytes: await jpeg(64, 48), name: "cover one.jpg" }))
        expect(first.status).toBe(200)
        const firstKey = fileKeyOf(first.data.lookbook.cover_image_url)
        expect(firstKey).toMatch(/^\d+-lookbook-[0-9a-f]{32}\.jpg$/) // a random name, public: lookbooks are public
        expect(fs.existsSync(storedFile(firstKey))).toBe(true)
        const png = await solidPng(20, 20)
        const second = await admin("post", `/admin/lookbooks/${lookbook.id}/cover`, form({}, { bytes: png, name: "cover.png", type: "image/png" }))
        const secondKey = fileKeyOf(second.data.lookbook.cover_image_url)
        expect(fs.existsSync(storedFile(secondKey))).toBe(true)
        expect(fs.existsSync(storedFile(firstKey))).toBe(false)
        const bad = await admin("post", `/admin/lookbooks/${lookbook.id}/cover`, form({}, { bytes: Buffer.from("GIF89a nope"), name: "x.gif" }))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toMatch(/JPEG, PNG or WebP/)
        const none = await admin("post", `/admin/lookbooks/${lookbook.id}/cover`, form({ note: "no file" }))
        expect(none.status).toBe(400)
        expect(none.data.message).toMatch(/image is required/)
        expect((await admin("post", "/admin/lookbooks/lkbk_missing/cover", form({}, { bytes: await jpeg(8, 8), name: "c.jpg" }))).status).toBe(404)
      })

      it("leaves exactly one file per image after concurrent cover and look image replacements", async () => {
        const lookbook = await createLookbook({ title: "Concurrent Covers", status: "published" })
        const firstCover = await admin("post", `/admin/lookbooks/${lookbook.id}/cover`, form({}, { bytes: await jpeg(40, 30), name: "image.jpg" }))
        expect(firstCover.status).toBe(200)
        const look = await addLook(lookbook.id, [], "", "image.jpg")
        const oldKeys = [fileKeyOf(firstCover.data.lookbook.cover_image_url), fileKeyOf(look.image_url)]
        const before = storedFiles()
        expect(before).toEqual(expect.arrayContaining(oldKeys))

        // Six covers and six look images at once, all named image.jpg, each a different colour.
        const colours = ["#111111", "#223344", "#556677", "#889900", "#aabbcc", "#ddeeff"]
        const results = await Promise.all([
          ...colours.map(async (c) =>
            admin("post", `/admin/lookbooks/${lookbook.id}/cover`, form({}, { bytes: await jpeg(40, 30, c), name: "image.jpg" }))
          ),
          ...colours.map(async (c) =>
            admin("post", `/admin/lookbooks/${lookbook.id}/looks/${look.id}`, form({}, { bytes: await jpeg(30, 40, c), name: "image.jpg" }))
          ),
        ])
        expect(results.map((r) => [r.status, r.data.message])).toEqual(results.map(() => [200, undefined]))

        // The lookbook serves one cover and one look image, the only files left of all fourteen.
        const served = (await call("get", `/store/lookbooks/${lookbook.handle}`)).data.lookbook
        const coverKey = fileKeyOf(served.cover_image_url)
        const lookKey = fileKeyOf(served.looks.find((l: any) => l.id === look.id).image_url)
        expect(served.looks.find((l: any) => l.id === look.id)).toMatchObject({ width: 30, height: 40 })
        const after = storedFiles()
        expect(after.filter((name) => !before.includes(name)).sort()).toEqual([coverKey, lookKey].sort())
        expect(before.filter((name) => !after.includes(name)).sort()).toEqual([...oldKeys].sort())
        for (const key of [coverKey, lookKey]) {
          const file = await api.get(`/static/${encodeURIComponent(key)}`, { responseType: "arraybuffer" })
          expect(Buffer.from(file.data).equals(fs.readFileSync(storedFile(key)))).toBe(true)
        }
      })
    })

    describe("admin: looks and hotspots", () => {
      it("adds looks with an uploaded image and hotspots, edits, reorders, replaces hotspots and deletes", async () => {
        const lookbook = await createLookbook({ title: "Studio" })
        const [a, b, c] = inStock
        const first = await addLook(
          lookbook.id,
          [
            { x: 0.25, y: 0.3, variant_id: a.id },
            { x: 0.7, y: 0.8, variant_id: b.id, product_id: b.product_id },
          ],
          "Soft tailoring",
          "first look.jpg"
        )
        expect(first).toMatchObject({ position: 0, width: 300, height: 400, notes: "Soft tailoring", views: 0, add_to_cart_count: 0, rate: 0 })
        expect(first.hotspots).toEqual([
          expect.objectContaining({ x: 0.25, y: 0.3, variant_id: a.id, product_id: a.product_id, variant: expect.objectContaining({ sku: a.sku }) }),
          expect.objectContaining({ x: 0.7, y: 0.8, variant_id: b.id, product_id: b.product_id }),
        ])
        expect(first.hotspots[0].product).toMatchObject({ id: a.product_id, title: expect.any(String), handle: expect.any(String) })
        // The read-only links reach the catalog from a hotspot with query.graph.
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data: linked } = await query.graph({
          entity: "lookbook_hotspot",
          fields: ["variant_id", "product_variant.sku", "product.id"],
          filters: { id: first.hotspots.map((h: any) => h.id) },
        })
        expect(linked.map((h: any) => [h.product_variant.sku, h.product.id]).sort()).toEqual(
          [
            [a.sku, a.product_id],
            [b.sku, b.product_id],
          ].sort()
        )
        const firstKey = fileKeyOf(first.image_url)
        expect(firstKey).toMatch(/^\d+-look-[0-9a-f]{32}\.jpg$/)
        expect(fs.existsSync(storedFile(firstKey))).toBe(true)

        const second = await addLook(lookbook.id, [{ x: 0, y: 1, variant_id: c.id }])
        const third = await addLook(lookbook.id, [])
        expect([second.position, third.position]).toEqual([1, 2])
        expect(third.notes).toBeNull()

        const reordered = await admin("post", `/admin/lookbooks/${lookbook.id}/looks/reorder`, { look_ids: [third.id, first.id, second.id] })
        expect(reordered.status).toBe(200)
        expect(reordered.data.lookbook.looks.map((l: any) => [l.id, l.position])).toEqual([
          [third.id, 0],
          [first.id, 1],
          [second.id, 2],
        ])
        for (const bad of [
          [third.id, first.id],
          [third.id, first.id, second.id, "lkbklook_other"],
          [third.id, first.id, first.id],
        ]) {
          const res = await admin("post", `/admin/lookbooks/${lookbook.id}/looks/reorder`, { look_ids: bad })
          expect(res.status).toBe(400)
          expect(res.data.message).toMatch(/look_ids must list every look of the lookbook once/)
        }
        expect((await admin("get", `/admin/lookbooks/${lookbook.id}`)).data.lookbook.looks.map((l: any) => l.id)).toEqual([
          third.id,
          first.id,
          second.id,
        ])

        const replaced = await admin("post", `/admin/lookbooks/${lookbook.id}/looks/${first.id}/hotspots`, {
          hotspots: [{ x: 0.5, y: 0.5, variant_id: c.id }],
        })
        expect(replaced.status).toBe(200)
        expect(replaced.data.look.hotspots.map((h: any) => [h.x, h.y, h.variant_id])).toEqual([[0.5, 0.5, c.id]])

        const edited = await admin("post", `/admin/lookbooks/${lookbook.id}/looks/${first.id}`, { notes: "Layered knits" })
        expect(edited.data.look).toMatchObject({ notes: "Layered knits", image_url: first.image_url })
        const newImage = await admin(
          "post",
          `/admin/lookbooks/${lookbook.id}/looks/${first.id}`,
          form({}, { bytes: await jpeg(120, 90), name: "swap.jpg" })
        )
        expect(newImage.status).toBe(200)
        expect(newImage.data.look).toMatchObject({ width: 120, height: 90, notes: "Layered knits" })
        expect(newImage.data.look.hotspots).toHaveLength(1)
        expect(fs.existsSync(storedFile(firstKey))).toBe(false)
        const swappedKey = fileKeyOf(newImage.data.look.image_url)

        const deleted = await admin("delete", `/admin/lookbooks/${lookbook.id}/looks/${first.id}`)
        expect(deleted.data).toEqual({ id: first.id, object: "lookbook_look", deleted: true })
        expect(fs.existsSync(storedFile(swappedKey))).toBe(false)
        const after = (await admin("get", `/admin/lookbooks/${lookbook.id}`)).data.lookbook
        expect(after.looks.map((l: any) => l.id)).toEqual([third.id, second.id])

        // A look of another lookbook answers as a missing one.
        const other = await createLookbook({ title: "Other" })
        expect((await admin("post", `/admin/lookbooks/${other.id}/looks/${second.id}`, { notes: "x" })).status).toBe(404)
        expect((await admin("delete", `/admin/lookbooks/${other.id}/looks/${second.id}`)).status).toBe(404)
        expect((await admin("post", `/admin/lookbooks/${other.id}/looks/${second.id}/hotspots`, { hotspots: [] })).status).toBe(404)

        // Deleting the lookbook deletes its looks' files too.
        const secondKey = fileKeyOf(second.image_url)
        await admin("delete", `/admin/lookbooks/${lookbook.id}`)
        expect(fs.existsSync(storedFile(secondKey))).toBe(false)
      })

      it("rejects bad looks and hotspots with a 400 that names the problem, creating and uploading nothing", async () => {
        const lookbook = await createLookbook({ title: "Refusals" })
        const marker = `refused-${Date.now()}`
        const filesBefore = storedFiles()
        const image = async () => ({ bytes: await jpeg(50, 50), name: `${marker}.jpg` })
        const post = (body: unknown, extra?: Record<string, string>) => admin("post", `/admin/lookbooks/${lookbook.id}/looks`, body, extra)
        const expect400 = async (res: any, message: RegExp) => {
          expect([res.status, res.data.message]).toEqual([400, expect.stringMatching(message)])
        }

        const ghost = "variant_does_not_exist"
        await expect400(
          await post(
            form(
              {
                hotspots: JSON.stringify([
                  { x: 0.1, y: 0.1, variant_id: inStock[0].id },
                  { x: 0.2, y: 0.2, variant_id: ghost },
                ]),
              },
              await image()
            )
          ),
          new RegExp(`not found: ${ghost}`)
        )
        await expect400(await post(form({ hotspots: "[{x:1" }, await image())), /hotspots must be a JSON array/)
        await expect400(
          await post(form({ hotspots: JSON.stringify([{ x: 1.5, y: 0.2, variant_id: inStock[0].id }]) }, await image())),
          /field 'hotspots, 0, x' too big, expected at most: '1'/
        )
        await expect400(await post(form({ hotspots: JSON.stringify([{ x: 0.5, y: 0.2 }]) }, await image())), /variant_id/)
        await expect400(
          await post(
            form({ hotspots: JSON.stringify([{ x: 0.5, y: 0.2, variant_id: inStock[0].id, product_id: inStock[1].product_id }]) }, await image())
          ),
          /does not belong to product/
        )
        await expect400(await post(form({ notes: "no image" })), /image is required/)
        await expect400(await post(form({}, { bytes: Buffer.from("%PDF-1.7"), name: `${marker}.jpg` })), /JPEG, PNG or WebP/)
        await expect400(await post(form({}, { ...(await image()), field: "photo" })), /"image" field/)
        await expect400(await post({ notes: "json" }), /Content-Type must be multipart\/form-data/)
        await expect400(await post(form({ position: "-1" }, await image())), /field 'position'/)
        await expect400(await post(form({ colour: "red" }, await image())), /colour/)

        const hotspots = (body: unknown) => admin("post", `/admin/lookbooks/${lookbook.id}/looks/lkbklook_x/hotspots`, body)
        expect((await hotspots({ hotspots: [{ x: 0.1, y: 0.1, variant_id: inStock[0].id }] })).status).toBe(404)
        await expect400(await hotspots({}), /hotspots/)

        await expect400(await admin("post", "/admin/lookbooks", {}), /title/)
        await expect400(await admin("post", "/admin/lookbooks", { title: "X", handle: "Not A Handle" }), /handle may hold only/)
        await expect400(
          await admin("post", "/admin/lookbooks", { title: "X", status: "archived" }),
          /Expected: 'draft, published' for field 'status'/
        )
        await expect400(
          await admin("post", "/admin/lookbooks", "title=X", { "content-type": "text/plain" }),
          /Content-Type must be application\/json/
        )
        await expect400(await admin("get", "/admin/lookbooks?limit=1000"), /limit/)

        const after = (await admin("get", `/admin/lookbooks/${lookbook.id}`)).data.lookbook
        expect(after.looks).toEqual([])
        expect(storedFiles()).toEqual(filesBefore)
        expect((await admin("get", "/admin/lookbooks?q=refusals")).data.count).toBe(1)

        // A hotspot set with one unknown variant replaces nothing.
        const look = await addLook(lookbook.id, [{ x: 0.3, y: 0.3, variant_id: inStock[0].id }])
        const refused = await admin("post", `/admin/lookbooks/${lookbook.id}/looks/${look.id}/hotspots`, {
          hotspots: [
            { x: 0.4, y: 0.4, variant_id: inStock[1].id },
            { x: 0.5, y: 0.5, variant_id: ghost },
          ],
        })
        await expect400(refused, new RegExp(ghost))
        const kept = (await admin("get", `/admin/lookbooks/${lookbook.id}`)).data.lookbook.looks[0]
        expect(kept.hotspots.map((h: any) => h.variant_id)).toEqual([inStock[0].id])
      })

      it("deletes the uploaded image again when creating the look fails after the upload", async () => {
        const container = getContainer()
        const lookbooks = container.resolve<LookbookModuleService>(LOOKBOOK_MODULE)
        const lookbook = await createLookbook({ title: "Compensation" })
        const image = {
          filename: `doomed-${Date.now()}.jpg`,
          mimeType: "image/jpeg",
          content: (await jpeg(10, 10)).toString("base64"),
          width: 10,
          height: 10,
        }
        const filesBefore = storedFiles()
        // x = 5 gets past no validator here (the route's would refuse it); the database's check refuses the hotspot.
        const { errors } = await createLookWorkflow(container).run({
          input: { lookbook_id: lookbook.id, image, hotspots: [{ x: 5, y: 0.5, variant_id: inStock[0].id }] },
          throwOnError: false,
        })
        expect(errors.length).toBeGreaterThan(0)
        expect(storedFiles()).toEqual(filesBefore)
        expect(await lookbooks.listLookbookLooks({ lookbook_id: lookbook.id } as any, { withDeleted: true })).toEqual([])
        expect(await lookbooks.listLookbookHotspots({ variant_id: inStock[0].id, x: 5 } as any, { withDeleted: true })).toEqual([])
      })

      it("lists the lookbooks that feature a product, for the product page widget", async () => {
        const [a, b] = inStock
        const one = await createLookbook({ title: "Featuring One", position: 1 })
        const two = await createLookbook({ title: "Featuring Two", status: "published", position: 0 })
        await addLook(one.id, [{ x: 0.2, y: 0.2, variant_id: a.id }])
        await addLook(two.id, [
          { x: 0.2, y: 0.2, variant_id: a.id },
          { x: 0.6, y: 0.6, variant_id: b.id },
        ])
        await addLook(two.id, [{ x: 0.2, y: 0.2, variant_id: a.id }])
        const res = await admin("get", `/admin/products/${a.product_id}/lookbooks`)
        expect(res.status).toBe(200)
        expect(res.data.lookbooks.map((l: any) => [l.title, l.status, l.featured_look_count])).toEqual([
          ["Featuring Two", "published", 2],
          ["Featuring One", "draft", 1],
        ])
        expect((await admin("get", `/admin/products/${b.product_id}/lookbooks`)).data.lookbooks.map((l: any) => l.id)).toEqual([two.id])
        expect((await admin("get", "/admin/products/prod_none/lookbooks")).data.lookbooks).toEqual([])
        await admin("delete", `/admin/lookbooks/${two.id}`)
        expect((await admin("get", `/admin/products/${a.product_id}/lookbooks`)).data.lookbooks.map((l: any) => l.id)).toEqual([one.id])
      })
    })

    describe("store", () => {
      it("lists published lookbooks in position order with look counts, by season, paginated", async () => {
        const resort = await createLookbook({ title: "Resort", season: "spring-summer", status: "published", position: 3 })
        const autumn = await createLookbook({ title: "Autumn Layers", season: "autumn-winter", status: "published", position: 1 })
        await createLookbook({ title: "Secret Draft", season: "autumn-winter", position: 0 })
        await addLook(autumn.id, [{ x: 0.5, y: 0.5, variant_id: inStock[0].id }])
        await addLook(autumn.id, [])

        const res = await call("get", "/store/lookbooks")
        expect(res.status).toBe(200)
        expect(res.data).toMatchObject({ count: 2, offset: 0, limit: 20 })
        expect(res.data.lookbooks).toEqual([
          {
            id: autumn.id,
            title: "Autumn Layers",
            handle: "autumn-layers",
            description: null,
            cover_image_url: null,
            season: "autumn-winter",
            position: 1,
            look_count: 2,
          },
          {
            id: resort.id,
            title: "Resort",
            handle: "resort",
            description: null,
            cover_image_url: null,
            season: "spring-summer",
            position: 3,
            look_count: 0,
          },
        ])
        expect((await call("get", "/store/lookbooks?season=spring-summer")).data.lookbooks.map((l: any) => l.id)).toEqual([resort.id])
        const page = await call("get", "/store/lookbooks?limit=1&offset=1")
        expect(page.data).toMatchObject({ count: 2, offset: 1, limit: 1 })
        expect(page.data.lookbooks.map((l: any) => l.id)).toEqual([resort.id])
        const bad = await call("get", "/store/lookbooks?limit=0")
        expect([bad.status, bad.data.message]).toEqual([400, expect.stringMatching(/field 'limit' too small/)])
        expect((await call("get", "/store/lookbooks?status=draft")).status).toBe(400)
      })

      it("gets a lookbook by handle with hotspot products, prices and stock for the region, and the fields asked for", async () => {
        const [a, b] = inStock
        const unstocked = await createProduct("Unstocked scarf", {
          sku: "LB-UNSTOCKED",
          manage_inventory: true,
          prices: [{ currency_code: "eur", amount: 30 }],
        })
        const hidden = await createProduct(
          "Hidden belt",
          { sku: "LB-HIDDEN", manage_inventory: false, prices: [{ currency_code: "eur", amount: 25 }] },
          "draft"
        )
        const lookbook = await createLookbook({ title: "City Weekend", description: "Two days", season: "all-season", status: "published" })
        const look1 = await addLook(
          lookbook.id,
          [
            { x: 0.3, y: 0.2, variant_id: a.id },
            { x: 0.6, y: 0.7, variant_id: unstocked.variant_id },
            { x: 0.1, y: 0.1, variant_id: hidden.variant_id },
          ],
          "Saturday"
        )
        const look0 = await addLook(lookbook.id, [{ x: 0.5, y: 0.5, variant_id: b.id }], "Sunday")
        await admin("post", `/admin/lookbooks/${lookbook.id}/looks/reorder`, { look_ids: [look0.id, look1.id] })

        const res = await call("get", `/store/lookbooks/city-weekend?region_id=${europeId}`)
        expect(res.status).toBe(200)
        const got = res.data.lookbook
        expect(Object.keys(got).sort()).toEqual(["cover_image_url", "description", "handle", "id", "looks", "season", "title"])
        expect(got).toMatchObject({ id: lookbook.id, title: "City Weekend", handle: "city-weekend", description: "Two days", season: "all-season" })
        expect(got.looks.map((l: any) => [l.id, l.notes, l.position])).toEqual([
          [look0.id, "Sunday", 0],
          [look1.id, "Saturday", 1],
        ])
        expect(got.looks[0]).toMatchObject({ image_url: look0.image_url, width: 300, height: 400 })
        const saturday = got.looks[1]
        // The draft product's hotspot is not shown to shoppers.
        expect(saturday.hotspots.map((h: any) => h.variant_id)).toEqual([a.id, unstocked.variant_id])
        expect(saturday.hotspots[0]).toEqual({
          id: expect.any(String),
          x: 0.3,
          y: 0.2,
          product_id: a.product_id,
          variant_id: a.id,
          product: {
            id: a.product_id,
            title: expect.any(String),
            handle: expect.any(String),
            thumbnail: expect.stringMatching(/^http/),
            // What the shopper chooses from: every colour and size, each variant priced by its own card.
            options: expect.arrayContaining([
              { title: "Colour", values: expect.any(Array) },
              { title: "Size", values: expect.arrayContaining(["M"]) },
            ]),
            size_option: "Size",
            variants: expect.arrayContaining([
              {
                id: a.id,
                title: expect.any(String),
                options: { Colour: expect.any(String), Size: expect.any(String) },
                calculated_price: { calculated_amount: a.eur, original_amount: a.eur, currency_code: "eur" },
                in_stock: true,
              },
            ]),
          },
          variant: {
            id: a.id,
            title: expect.any(String),
            sku: a.sku,
            calculated_price: { calculated_amount: a.eur, original_amount: a.eur, currency_code: "eur" },
            in_stock: true,
          },
        })
        expect(saturday.hotspots[0].product.variants.length).toBeGreaterThan(1)
        // A one-size piece needs no choice.
        expect(saturday.hotspots[1].product).toMatchObject({
          size_option: null,
          variants: [{ id: unstocked.variant_id, options: { Size: "One size" } }],
        })
        expect(saturday.hotspots[1].variant).toMatchObject({
          sku: "LB-UNSTOCKED",
          in_stock: false,
          calculated_price: { calculated_amount: 30, currency_code: "eur" },
        })

        const us = (await call("get", `/store/lookbooks/${lookbook.id}?country_code=US`)).data.lookbook
        expect(us.looks[1].hotspots[0].variant.calculated_price).toEqual({ calculated_amount: a.usd, original_amount: a.usd, currency_code: "usd" })
        expect(us.looks[1].hotspots[1].variant.calculated_price).toBeNull() // no USD price
        const noRegion = (await call("get", "/store/lookbooks/city-weekend")).data.lookbook
        expect(noRegion.looks[1].hotspots[0].variant).toMatchObject({ calculated_price: null, in_stock: true })

        const unknownRegion = await call("get", "/store/lookbooks/city-weekend?region_id=reg_nope")
        expect([unknownRegion.status, unknownRegion.data.message]).toEqual([400, expect.stringContaining("reg_nope")])
        expect((await call("get", "/store/lookbooks/city-weekend?country_code=zz")).status).toBe(400)
        expect((await call("get", "/store/lookbooks/city-weekend?country_code=france")).status).toBe(400)
        expect((await call("get", "/store/lookbooks/no-such-lookbook")).status).toBe(404)

        // `fields` names response fields, as on Medusa's own routes; anything else is a 400 naming it.
        const picked = await call("get", `/store/lookbooks/city-weekend?region_id=${europeId}&fields=title,looks.hotspots.variant.in_stock`)
        expect([picked.status, picked.data.lookbook]).toEqual([
          200,
          {
            id: lookbook.id,
            title: "City Weekend",
            looks: [
              { hotspots: [{ variant: { in_stock: true } }] },
              { hotspots: [{ variant: { in_stock: true } }, { variant: { in_stock: false } }] },
            ],
          },
        ])
        const withoutLooks = (await call("get", "/store/lookbooks/city-weekend?fields=-looks")).data.lookbook
        expect(Object.keys(withoutLooks).sort()).toEqual(["cover_image_url", "description", "handle", "id", "season", "title"])
        const listed = (await call("get", "/store/lookbooks?fields=handle,look_count")).data.lookbooks
        expect(listed).toEqual([{ id: lookbook.id, handle: "city-weekend", look_count: 2 }])
        for (const url of ["/store/lookbooks/city-weekend?fields=looks.view_count", "/store/lookbooks?fields=status"]) {
          const refused = await call("get", url)
          expect([url, refused.status, refused.data.message]).toEqual([
            url,
            400,
            expect.stringMatching(/"(looks\.view_count|status)" is not allowed/),
          ])
        }
      })

      it("counts a view once per viewer and period, for published looks only", async () => {
        const lookbook = await createLookbook({ title: "Views", status: "published" })
        const look = await addLook(lookbook.id, [])
        const other = await addLook(lookbook.id, [])
        const url = `/store/lookbooks/${lookbook.id}/looks/${look.id}/views`
        /** An anonymous shopper: an address (as the nearest proxy reports it) and a browser. */
        const from = (address: string, agent = "Mozilla/5.0 (test)") => ({ "x-forwarded-for": address, "user-agent": agent })
        const first = await call("post", `/store/lookbooks/${lookbook.handle}/looks/${look.id}/views`, undefined, {}, from("198.51.100.1"))
        expect([first.status, first.data]).toEqual([201, { look_id: look.id, views: 1, counted: true }])
        // The same viewer again: answered, not counted.
        const again = await call("post", url, undefined, {}, from("198.51.100.1"))
        expect([again.status, again.data]).toEqual([200, { look_id: look.id, views: 1, counted: false }])
        // 25 shoppers at once: no view is lost.
        const results = await Promise.all(Array.from({ length: 25 }, (_, i) => call("post", url, undefined, {}, from(`203.0.113.${i + 1}`))))
        expect(results.map((r) => r.status)).toEqual(Array(25).fill(201))
        expect(results.map((r) => r.data.views).sort((x, y) => x - y)).toEqual(Array.from({ length: 25 }, (_, i) => i + 2))
        // One shopper reporting ten times at once counts once.
        const burst = await Promise.all(Array.from({ length: 10 }, () => call("post", url, undefined, {}, from("192.0.2.50"))))
        expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
        // Another browser at the same address is another viewer.
        expect((await call("post", url, undefined, {}, from("192.0.2.50", "OtherBrowser/1.0"))).data).toMatchObject({ views: 28, counted: true })
        // A signed-in shopper is one viewer wherever they are; their views do not count as the address's.
        expect((await call("post", url, "customer", {}, from("198.51.100.1"))).data).toMatchObject({ views: 29, counted: true })
        expect((await call("post", url, "customer", {}, from("198.51.100.99", "Phone/2.0"))).data).toMatchObject({ views: 29, counted: false })
        expect((await call("post", url, "customerB", {}, from("198.51.100.1"))).status).toBe(201)
        const analytics = (await admin("get", `/admin/lookbooks/${lookbook.id}/analytics`)).data.analytics
        expect(analytics.looks.find((l: any) => l.look_id === look.id)).toMatchObject({ views: 30, add_to_cart_count: 0, rate: 0 })
        expect(analytics.looks.find((l: any) => l.look_id === other.id)).toMatchObject({ views: 0 })
        // Viewing one look is not viewing another.
        expect((await call("post", `/store/lookbooks/${lookbook.id}/looks/${other.id}/views`, undefined, {}, from("198.51.100.1"))).status).toBe(201)

        const draft = await createLookbook({ title: "Hidden views" })
        const draftLook = await addLook(draft.id, [])
        expect((await call("post", `/store/lookbooks/${draft.id}/looks/${draftLook.id}/views`)).status).toBe(404)
        expect((await call("post", `/store/lookbooks/${lookbook.id}/looks/${draftLook.id}/views`)).status).toBe(404)
        expect(
          (await call("post", `/store/lookbooks/${lookbook.id}/looks/${look.id}/views`, undefined, "x", { "content-type": "text/plain" })).status
        ).toBe(400)
      })

      it("adds the sizes the shopper chose for each piece of a look in one go and says why the others were not added", async () => {
        const [a, b] = inStock
        // Another size of a's product in stock: the shopper's choice, not the merchant's hotspot variant.
        const aOther = catalog
          .flatMap((p) => p.variants)
          .map((v) => ({ ...variantBySku.get(v.sku)!, eu: v.stock.eu }))
          .find((v) => v.product_id === a.product_id && v.id !== a.id && v.eu >= 5)!
        expect(aOther).toBeDefined()
        const unstocked = await createProduct("Unstocked gloves", {
          sku: "LB-GLOVES",
          manage_inventory: true,
          prices: [{ currency_code: "eur", amount: 20 }],
        })
        const dollarOnly = await createProduct("Dollar cap", {
          sku: "LB-CAP",
          manage_inventory: false,
          prices: [{ currency_code: "usd", amount: 15 }],
        })
        const drafted = await createProduct("Drafted bag", { sku: "LB-BAG", manage_inventory: false, prices: [{ currency_code: "eur", amount: 80 }] })
        const doomed = await createProduct("Doomed hat", { sku: "LB-HAT", manage_inventory: false, prices: [{ currency_code: "eur", amount: 35 }] })
        const unmanaged = await createProduct("Gift card sleeve", {
          sku: "LB-SLEEVE",
          manage_inventory: false,
          prices: [{ currency_code: "eur", amount: 5 }],
        })
        const wholesale = await createProduct(
          "Wholesale tie",
          { sku: "LB-TIE", manage_inventory: false, prices: [{ currency_code: "eur", amount: 45 }] },
          "published",
          []
        )

        const lookbook = await createLookbook({ title: "Shop the look", status: "published" })
        const look = await addLook(lookbook.id, [
          { x: 0.1, y: 0.1, variant_id: a.id },
          { x: 0.2, y: 0.2, variant_id: unstocked.variant_id },
          { x: 0.3, y: 0.3, variant_id: dollarOnly.variant_id },
          { x: 0.4, y: 0.4, variant_id: drafted.variant_id },
          { x: 0.5, y: 0.5, variant_id: doomed.variant_id },
          { x: 0.6, y: 0.6, variant_id: b.id },
          { x: 0.7, y: 0.7, variant_id: unmanaged.variant_id },
          { x: 0.8, y: 0.8, variant_id: a.id }, // the same piece twice: the same size goes in once
          { x: 0.9, y: 0.9, variant_id: wholesale.variant_id },
        ])
        await admin("post", `/admin/products/${drafted.product_id}`, { status: "draft" })
        expect((await admin("delete", `/admin/products/${doomed.product_id}/variants/${doomed.variant_id}`)).status).toBe(200)

        const { data: created } = await call("post", "/store/carts", undefined, { region_id: europeId })
        const cartId = created.cart.id
        const addUrl = `/store/lookbooks/${lookbook.id}/looks/${look.id}/add-to-cart`
        const [aSpot, , , , , bSpot, , aAgain] = look.hotspots.map((h: any) => h.id)
        const pieces = [
          { hotspot_id: aSpot, variant_id: aOther.id },
          { hotspot_id: bSpot, variant_id: b.id },
          { hotspot_id: aAgain, variant_id: aOther.id },
        ]
        // No size chosen for sized pieces: a 400 naming them, and nothing is added.
        const unsized = await call("post", addUrl, undefined, { cart_id: cartId })
        expect([unsized.status, unsized.data.message]).toEqual([
          400,
          expect.stringMatching(new RegExp(`choose a size for .*\\(${aSpot}\\).*\\(${bSpot}\\)`)),
        ])
        const halfSized = await call("post", addUrl, undefined, { cart_id: cartId, pieces: pieces.slice(0, 1) })
        expect([halfSized.status, halfSized.data.message]).toEqual([400, expect.stringContaining(`(${bSpot})`)])
        // A variant of another product for a piece: a 400 naming the variant and the piece.
        const wrong = await call("post", addUrl, undefined, {
          cart_id: cartId,
          pieces: [pieces[0], { hotspot_id: bSpot, variant_id: a.id }, pieces[2]],
        })
        expect([wrong.status, wrong.data.message]).toEqual([400, expect.stringContaining(`${a.id} is not a variant of`)])
        expect(wrong.data.message).toContain(`(${bSpot})`)
        const stranger = await call("post", addUrl, undefined, {
          cart_id: cartId,
          pieces: [...pieces, { hotspot_id: "lkbkhot_nope", variant_id: b.id }],
        })
        expect([stranger.status, stranger.data.message]).toEqual([400, expect.stringContaining("lkbkhot_nope")])
        const twice = await call("post", addUrl, undefined, { cart_id: cartId, pieces: [pieces[0], pieces[0]] })
        expect([twice.status, twice.data.message]).toEqual([400, expect.stringContaining("once")])
        expect((await call("get", `/store/carts/${cartId}`)).data.cart.items).toEqual([])

        const res = await call("post", addUrl, undefined, { cart_id: cartId, pieces })
        expect([res.status, res.data.message]).toEqual([200, undefined])
        expect(res.data.added).toEqual([
          { variant_id: aOther.id, quantity: 1 },
          { variant_id: b.id, quantity: 1 },
          { variant_id: unmanaged.variant_id, quantity: 1 },
        ])
        expect(res.data.not_added).toEqual([
          { variant_id: unstocked.variant_id, product_id: unstocked.product_id, reason: "out_of_stock" },
          { variant_id: dollarOnly.variant_id, product_id: dollarOnly.product_id, reason: "not_sold_in_region" },
          { variant_id: drafted.variant_id, product_id: drafted.product_id, reason: "product_unpublished" },
          { variant_id: doomed.variant_id, product_id: doomed.product_id, reason: "variant_deleted" },
          { variant_id: wholesale.variant_id, product_id: wholesale.product_id, reason: "not_in_sales_channel" },
        ])
        // Shoppers see only what they can buy here: no hotspot for the draft, deleted or other-channel products.
        const shown = (await call("get", `/store/lookbooks/${lookbook.handle}?region_id=${europeId}`)).data.lookbook.looks[0].hotspots
        expect(shown.map((h: any) => h.variant_id)).toEqual([a.id, unstocked.variant_id, dollarOnly.variant_id, b.id, unmanaged.variant_id, a.id])
        expect(shown.find((h: any) => h.variant_id === dollarOnly.variant_id).variant.calculated_price).toBeNull()
        expect(res.data.cart.id).toBe(cartId)
        expect(res.data.cart.items.map((i: any) => [i.variant_id, i.quantity]).sort()).toEqual(
          [
            [aOther.id, 1],
            [b.id, 1],
            [unmanaged.variant_id, 1],
          ].sort()
        )
        expect(res.data.cart.total).toBeGreaterThan(0)

        // Twice: one more of each; the counter counts each successful add.
        const again = await call("post", `/store/lookbooks/${lookbook.handle}/looks/${look.id}/add-to-cart`, "customer", { cart_id: cartId, pieces })
        expect(again.data.cart.items.find((i: any) => i.variant_id === aOther.id).quantity).toBe(2)
        // Four shoppers see the look (a view counts once per viewer).
        for (const address of ["198.51.100.11", "198.51.100.12", "198.51.100.13", "198.51.100.14"]) {
          await call("post", `/store/lookbooks/${lookbook.id}/looks/${look.id}/views`, undefined, {}, { "x-forwarded-for": address })
        }
        const analytics = (await admin("get", `/admin/lookbooks/${lookbook.id}/analytics`)).data.analytics
        expect(analytics).toMatchObject({ lookbook_id: lookbook.id, views: 4, add_to_cart_count: 2, rate: 0.5 })
        expect(analytics.looks[0]).toMatchObject({ look_id: look.id, views: 4, add_to_cart_count: 2, rate: 0.5 })
        const editor = (await admin("get", `/admin/lookbooks/${lookbook.id}`)).data.lookbook
        expect(editor.looks[0]).toMatchObject({ views: 4, add_to_cart_count: 2, rate: 0.5 })
        // The admin still sees the hotspot of the deleted variant (to fix it), without its catalog data.
        expect(editor.looks[0].hotspots.find((h: any) => h.variant_id === doomed.variant_id)).toMatchObject({ variant: null, product: null })

        // Nothing addable: the cart is unchanged and the look's counter too.
        const hopeless = await addLook(lookbook.id, [{ x: 0.5, y: 0.5, variant_id: unstocked.variant_id }])
        const none = await call("post", `/store/lookbooks/${lookbook.id}/looks/${hopeless.id}/add-to-cart`, undefined, { cart_id: cartId })
        expect(none.status).toBe(200)
        expect(none.data).toMatchObject({ added: [], not_added: [{ variant_id: unstocked.variant_id, reason: "out_of_stock" }] })
        expect(none.data.cart.items).toHaveLength(3)
        expect((await admin("get", `/admin/lookbooks/${lookbook.id}/analytics`)).data.analytics.looks[1]).toMatchObject({ add_to_cart_count: 0 })

        const unknownCart = await call("post", `/store/lookbooks/${lookbook.id}/looks/${look.id}/add-to-cart`, undefined, { cart_id: "cart_nope" })
        expect([unknownCart.status, unknownCart.data.message]).toEqual([404, expect.stringContaining("cart_nope")])
        const noCart = await call("post", `/store/lookbooks/${lookbook.id}/looks/${look.id}/add-to-cart`, undefined, {})
        expect([noCart.status, noCart.data.message]).toEqual([400, expect.stringMatching(/cart_id/)])
        expect((await call("post", `/store/lookbooks/${lookbook.id}/looks/lkbklook_nope/add-to-cart`, undefined, { cart_id: cartId })).status).toBe(
          404
        )
        await admin("post", `/admin/lookbooks/${lookbook.id}`, { status: "draft" })
        expect((await call("post", `/store/lookbooks/${lookbook.id}/looks/${look.id}/add-to-cart`, undefined, { cart_id: cartId })).status).toBe(404)
      })

      it("rolls the cart back when a step after Medusa's addToCartWorkflow fails", async () => {
        const container = getContainer()
        const lookbooks = container.resolve<LookbookModuleService>(LOOKBOOK_MODULE)
        const lookbook = await createLookbook({ title: "Rollback", status: "published" })
        const look = await addLook(lookbook.id, [{ x: 0.5, y: 0.5, variant_id: inStock[0].id }])
        const { data: created } = await call("post", "/store/carts", undefined, { region_id: europeId })
        const cartId = created.cart.id
        const pieces = [{ hotspot_id: look.hotspots[0].id, variant_id: inStock[0].id }]
        const { result } = await addLookToCartWorkflow(container).run({
          input: { lookbook_id: lookbook.id, look_id: look.id, cart_id: cartId, pieces },
        })
        expect(result.added).toEqual([{ variant_id: inStock[0].id, quantity: 1 }])

        // A counter at the integer limit makes the counter step (after the cart changed) fail in the database.
        await lookbooks.updateLookbookLooks({ id: look.id, add_to_cart_count: 2147483647 } as any)
        const failed = await addLookToCartWorkflow(container).run({
          input: { lookbook_id: lookbook.id, look_id: look.id, cart_id: cartId, pieces },
          throwOnError: false,
        })
        expect(failed.errors.length).toBeGreaterThan(0)
        const cart = (await call("get", `/store/carts/${cartId}`)).data.cart
        expect(cart.items.map((i: any) => [i.variant_id, i.quantity])).toEqual([[inStock[0].id, 1]])
        expect((await lookbooks.retrieveLookbookLook(look.id)).add_to_cart_count).toBe(2147483647)
      })
    })

    describe("demo seed", () => {
      it("seeds three published lookbooks and a draft with composite looks and hotspots on every garment, once", async () => {
        const container = getContainer()
        await seedLookbooks(container, catalog)
        const published = (await call("get", "/store/lookbooks")).data
        expect(published.lookbooks.map((l: any) => [l.handle, l.look_count])).toEqual([
          ["autumn-layers", 4],
          ["city-weekend", 3],
          ["resort", 5],
        ])
        // Stored under random names like every upload, publicly: lookbooks are public.
        for (const l of published.lookbooks) expect(l.cover_image_url).toMatch(/^http.*\/static\/\d+-lookbook-[0-9a-f]{32}\.jpg$/)
        expect((await call("get", "/store/lookbooks/evening-edit")).status).toBe(404)
        expect((await admin("get", "/admin/lookbooks?status=draft")).data.lookbooks.map((l: any) => l.handle)).toEqual(["evening-edit"])

        const resort = (await call("get", `/store/lookbooks/resort?region_id=${europeId}`)).data.lookbook
        for (const [i, look] of resort.looks.entries()) {
          const spec = DEMO_LOOKBOOKS.find((l) => l.handle === "resort")!.looks[i]
          expect([look.position, look.notes, look.width, look.height]).toEqual([i, spec.notes, 900, 1200])
          expect(look.hotspots).toHaveLength(spec.categories.length)
          const stored = await sharp(fs.readFileSync(storedFile(fileKeyOf(look.image_url)))).metadata()
          expect([stored.width, stored.height]).toEqual([900, 1200])
          for (const hotspot of look.hotspots) {
            expect(hotspot.x).toBeGreaterThan(0)
            expect(hotspot.x).toBeLessThan(1)
            expect(hotspot.variant.calculated_price.currency_code).toBe("eur")
            expect(hotspot.variant.in_stock).toBe(true)
          }
        }
        // Each hotspot sits on its own garment: the categories of a look's hotspot products are the spec's.
        const autumn = (await call("get", "/store/lookbooks/autumn-layers")).data.lookbook
        const categoryOf = new Map(catalog.map((p) => [p.handle, p.category.handle]))
        expect(autumn.looks[0].hotspots.map((h: any) => categoryOf.get(h.product.handle))).toEqual(DEMO_LOOKBOOKS[0].looks[0].categories)

        await seedLookbooks(container, catalog)
        const again = (await admin("get", "/admin/lookbooks")).data
        expect(again.count).toBe(4)
        expect(again.lookbooks.map((l: any) => l.look_count)).toEqual([4, 3, 5, 3])

        // A run cut short is completed, not repeated.
        const lookbooks = container.resolve<LookbookModuleService>(LOOKBOOK_MODULE)
        await lookbooks.softDeleteLookbookLooks([resort.looks[3].id, resort.looks[4].id])
        await seedLookbooks(container, catalog)
        const resumed = (await call("get", "/store/lookbooks/resort")).data.lookbook
        expect(resumed.looks.map((l: any) => l.notes)).toEqual(DEMO_LOOKBOOKS[2].looks.map((l) => l.notes))
        expect(resumed.looks.slice(0, 3).map((l: any) => l.id)).toEqual(resort.looks.slice(0, 3).map((l: any) => l.id))
      })
    })

    describe("authorization", () => {
      it("keeps admin routes to admins (401 for anonymous and customers) and store routes public behind the publishable key", async () => {
        const lookbook = await createLookbook({ title: "Guarded", status: "published" })
        const look = await addLook(lookbook.id, [{ x: 0.5, y: 0.5, variant_id: inStock[0].id }])
        const image = await jpeg(20, 20)
        const currentLookIdsReversed = async () => ({
          look_ids: (await admin("get", `/admin/lookbooks/${lookbook.id}`)).data.lookbook.looks.map((l: any) => l.id).reverse(),
        })
        const adminRoutes: [string, string, () => unknown, number][] = [
          ["get", "/admin/lookbooks", () => undefined, 200],
          ["post", "/admin/lookbooks", () => ({ title: "By an admin" }), 201],
          ["get", `/admin/lookbooks/${lookbook.id}`, () => undefined, 200],
          ["post", `/admin/lookbooks/${lookbook.id}`, () => ({ description: "edited" }), 200],
          ["post", `/admin/lookbooks/${lookbook.id}/cover`, () => form({}, { bytes: image, name: "c.jpg" }), 200],
          ["post", `/admin/lookbooks/${lookbook.id}/looks`, () => form({}, { bytes: image, name: "l.jpg" }), 201],
          ["post", `/admin/lookbooks/${lookbook.id}/looks/${look.id}`, () => ({ notes: "n" }), 200],
          [
            "post",
            `/admin/lookbooks/${lookbook.id}/looks/${look.id}/hotspots`,
            () => ({ hotspots: [{ x: 0.1, y: 0.2, variant_id: inStock[0].id }] }),
            200,
          ],
          ["post", `/admin/lookbooks/${lookbook.id}/looks/reorder`, currentLookIdsReversed, 200],
          ["get", `/admin/lookbooks/${lookbook.id}/analytics`, () => undefined, 200],
          ["get", `/admin/products/${inStock[0].product_id}/lookbooks`, () => undefined, 200],
          ["delete", `/admin/lookbooks/${lookbook.id}/looks/${look.id}`, () => undefined, 200],
          ["delete", `/admin/lookbooks/${lookbook.id}`, () => undefined, 200],
        ]
        for (const [method, url, body, expected] of adminRoutes) {
          expect([method, url, (await call(method, url, undefined, await body())).status]).toEqual([method, url, 401])
          for (const shopper of ["customer", "customerB"] as Who[]) {
            expect([method, url, shopper, (await call(method, url, shopper, await body())).status]).toEqual([method, url, shopper, 401])
          }
          expect([method, url, (await call(method, url, "admin", await body())).status]).toEqual([method, url, expected])
        }
        // Nothing the refused callers sent was written.
        expect((await admin("get", "/admin/lookbooks?q=by%20an%20admin")).data.count).toBe(1)

        const open = await createLookbook({ title: "Open", status: "published" })
        const openLook = await addLook(open.id, [{ x: 0.5, y: 0.5, variant_id: inStock[0].id }])
        const { data: created } = await call("post", "/store/carts", undefined, { region_id: europeId })
        const storeRoutes: [string, string, unknown, number | ((who: Who) => number)][] = [
          ["get", "/store/lookbooks", undefined, 200],
          ["get", `/store/lookbooks/${open.handle}?region_id=${europeId}`, undefined, 200],
          // An admin's token is not a shopper's: the admin is the anonymous viewer again (200, not counted).
          ["post", `/store/lookbooks/${open.id}/looks/${openLook.id}/views`, {}, (who) => (who === "admin" ? 200 : 201)],
          [
            "post",
            `/store/lookbooks/${open.id}/looks/${openLook.id}/add-to-cart`,
            { cart_id: created.cart.id, pieces: [{ hotspot_id: openLook.hotspots[0].id, variant_id: inStock[0].id }] },
            200,
          ],
        ]
        for (const [method, url, body, expected] of storeRoutes) {
          // Lookbooks are public; a cart is changed by whoever holds its id, as Medusa's own cart routes do.
          for (const who of [undefined, "customer", "customerB", "admin"] as Who[]) {
            const status = typeof expected === "function" ? expected(who) : expected
            expect([method, url, who, (await call(method, url, who, body)).status]).toEqual([method, url, who, status])
          }
          const noKey = await api.request({ method, url, data: body, validateStatus: () => true })
          expect([method, url, noKey.status]).toEqual([method, url, 400])
        }
        expect((await admin("get", `/admin/lookbooks/${open.id}/analytics`)).data.analytics.looks[0]).toMatchObject({
          views: 3,
          add_to_cart_count: 4,
        })
      })
    })
  },
})
