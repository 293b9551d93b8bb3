import fs from "node:fs"
import path from "node:path"
import sharp from "sharp"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { apiCaller, signInDemoCustomer } from "../helpers/api"
import { seedDemoShop } from "../helpers/demo-shop"
import { fileKeyOf, isolatePrivateUploads, isSignedUrl, pathAndQuery, storedPath } from "../helpers/files"
import { solidJpeg } from "../helpers/images"
import { startMlSidecar, whileSidecarUnreachable } from "../helpers/ml-sidecar"
import { multipartForm } from "../helpers/multipart"
import type { SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { TRY_ON_MODULE } from "../../src/modules/try-on"
import type TryOnModuleService from "../../src/modules/try-on/service"
import { deleteExpiredTryOns } from "../../src/jobs/delete-expired-try-ons"
import { MAX_PHOTO_BYTES } from "../../src/files/prepare-photo"
import type { StoreTryOnResponse } from "../../src/types/http/try-on"
import { REGULAR_FIT_WARNING } from "../../src/try-on/try-on-fit"
import { seedSizeCharts } from "../../src/scripts/demo-catalog/seed-size-charts"

jest.setTimeout(600_000)

const PRIVATE_DIR = isolatePrivateUploads()
// This file tries on more often than a shopper may in an hour; the limit itself is rate-limit.spec.ts's.
process.env.RATE_LIMIT_TRY_ON_IP = "1000/1m"
process.env.RATE_LIMIT_TRY_ON_SHOPPER = "1000/1m"

/**
 * The person: the full-body avatar that ships inside `@vladmandic/human` (the ML sidecar's
 * dependency), read from node_modules at test time and never copied into the repository, cropped
 * as the sidecar's own try-on tests crop it.
 */
const SIDECAR_DIR = path.join(__dirname, "..", "..", "ml-sidecar")
const humanAssets = path.resolve(path.dirname(require.resolve("@vladmandic/human", { paths: [SIDECAR_DIR] })), "..", "assets")
const personPhoto = () =>
  sharp(path.join(humanAssets, "screenshot-vrm.jpg")).extract({ left: 0, top: 0, width: 460, height: 653 }).jpeg({ quality: 92 }).toBuffer()

type Sidecar = Awaited<ReturnType<typeof startMlSidecar>>
type Variant = { id: string; size: string | null; colour: string | null }
type Product = { id: string; category: string; variants: Variant[] }

/**
 * POST /store/try-on through the Store API with the real ML sidecar: a garment of the catalog on a
 * real person photo, stored privately and answered as a signed URL; the sidecar's refusals passed
 * through; bad input named; keeping only for the owner; the 24-hour deletion; 503 while it is down.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let sidecar: Sidecar
    let euRegionId: string
    let person: Buffer
    let top: Product
    let shoes: Product
    const tokens: Record<"a" | "b", string> = { a: "", b: "" }
    const call = apiCaller(api, () => store.publishableKey, tokens)

    const tryOn = (photo: Buffer | null, fields: Record<string, string>, who?: "a" | "b", type = "image/jpeg") =>
      call(
        "post",
        "/store/try-on",
        who,
        multipartForm({ region_id: euRegionId, ...fields }, photo ? [{ field: "photo", bytes: photo, name: "me.jpg", type }] : [])
      )
    const service = () => getContainer().resolve<TryOnModuleService>(TRY_ON_MODULE)
    const storedFile = (fileId: string) => storedPath(fileId, PRIVATE_DIR)

    beforeAll(async () => {
      sidecar = await startMlSidecar()
      const container = getContainer()
      store = (await seedDemoShop(container, { productsPerCategory: 1 })).store
      await seedSizeCharts(container)
      euRegionId = store.regionIdsByCurrency.eur
      tokens.a = await signInDemoCustomer(api, 0)
      tokens.b = await signInDemoCustomer(api, 1)
      person = await personPhoto()
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "product",
        fields: ["id", "categories.handle", "variants.id", "variants.options.value", "variants.options.option.title"],
      })
      const products: Product[] = data.map((p: any) => ({
        id: p.id,
        category: p.categories[0].handle,
        variants: p.variants.map((v: any) => ({
          id: v.id,
          size: v.options.find((o: any) => o.option.title === "Size")?.value ?? null,
          colour: v.options.find((o: any) => /^colou?r$/i.test(o.option.title))?.value ?? null,
        })),
      }))
      top = products.find((p) => p.category === "tops")!
      shoes = products.find((p) => p.category === "shoes")!
    })

    afterAll(async () => {
      await sidecar?.stop()
    })

    it("places the variant's garment on a guest's photo: a private result behind a signed URL, placement keypoints, the row recorded", async () => {
      const variant = top.variants.find((v) => v.size === "M") ?? top.variants[0]
      const res = await tryOn(person, { variant_id: variant.id })
      expect(res.status).toBe(200)
      const { try_on } = res.data as StoreTryOnResponse
      // A guest has no measurements: the size is drawn at its regular fit, and the answer says so.
      expect(try_on.warnings).toContain(REGULAR_FIT_WARNING)
      expect(try_on).toEqual({
        id: expect.stringMatching(/^tryon_/),
        image_url: expect.any(String),
        placement: expect.objectContaining({ width: 460, height: 653, outline: expect.any(Array), warnings: expect.any(Array) }),
        warnings: expect.any(Array),
        size: variant.size,
      })
      for (const joint of ["left_shoulder", "right_shoulder", "left_hip", "right_hip"]) {
        expect(try_on.placement.keypoints[joint]).toEqual(expect.objectContaining({ x: expect.any(Number), y: expect.any(Number) }))
      }
      // The person's own left shoulder is on the right of a photo of someone facing the camera.
      expect(try_on.placement.keypoints.left_shoulder.x).toBeGreaterThan(try_on.placement.keypoints.right_shoulder.x)

      // The signed URL works on its own, as an <img> loads it; the bare path, or a tampered signature, does not.
      expect(isSignedUrl(try_on.image_url)).toBe(true)
      const served = await api.get(pathAndQuery(try_on.image_url), { responseType: "arraybuffer" })
      expect(served.status).toBe(200)
      expect(served.headers["content-type"]).toBe("image/jpeg")
      const result = await sharp(Buffer.from(served.data)).metadata()
      expect([result.width, result.height]).toEqual([460, 653])
      const bare = new URL(try_on.image_url).pathname
      expect((await api.get(bare, { validateStatus: () => true })).status).toBe(403)
      expect((await api.get(pathAndQuery(try_on.image_url).replace(/signature=./, "signature=A"), { validateStatus: () => true })).status).toBe(403)

      // Recorded for the deletion: a guest's, with both files private under random names.
      const [row] = await service().listTryOns({ id: try_on.id })
      expect(row).toMatchObject({ customer_id: null, variant_id: variant.id, size: variant.size, kept: false })
      for (const fileId of [row.photo_file_id, row.result_file_id]) {
        expect(fileId).toMatch(/^private-\d+-private-tryon-[0-9a-f]{32}\.jpg$/)
        expect(fs.existsSync(storedFile(fileId))).toBe(true)
      }
      expect(fileKeyOf(try_on.image_url)).toBe(row.result_file_id)
      // The stored photo is the shopper's, re-encoded without its metadata.
      expect((await sharp(fs.readFileSync(storedFile(row.photo_file_id))).metadata()).exif).toBeUndefined()

      // A guest cannot keep it: 401 before anything else.
      expect((await call("post", `/store/try-on/${try_on.id}/keep`)).status).toBe(401)
    })

    it("shows another size of the same colour, and only its owner keeps it", async () => {
      // With measurements in the profile, the size is drawn as it would sit (size advice's fit).
      const saved = await call("post", "/store/customers/me/style-profile", "a", { measurements: { chest_cm: 96, waist_cm: 80, hips_cm: 100 } })
      expect(saved.status).toBe(200)
      const [first, other] = [top.variants[0], top.variants.find((v) => v.colour === top.variants[0].colour && v.size !== top.variants[0].size)!]
      const res = await tryOn(person, { variant_id: first.id, size: other.size!.toLowerCase() }, "a")
      expect(res.status).toBe(200)
      const { try_on } = res.data as StoreTryOnResponse
      expect(try_on.size).toBe(other.size)
      expect(try_on.warnings).not.toContain(REGULAR_FIT_WARNING)
      const [row] = await service().listTryOns({ id: try_on.id })
      expect(row).toMatchObject({ variant_id: other.id, size: other.size, kept: false })
      expect(row.customer_id).toBeTruthy()

      // Another customer's keep is a 404, as for one that does not exist.
      expect((await call("post", `/store/try-on/${try_on.id}/keep`, "b")).status).toBe(404)
      expect((await call("post", `/store/try-on/tryon_nope/keep`, "a")).status).toBe(404)
      const kept = await call("post", `/store/try-on/${try_on.id}/keep`, "a")
      expect(kept.status).toBe(200)
      expect(kept.data.try_on).toMatchObject({ id: try_on.id, kept: true, size: other.size, placement: try_on.placement })
      expect(isSignedUrl(kept.data.try_on.image_url)).toBe(true)
      expect((await service().listTryOns({ id: try_on.id }))[0].kept).toBe(true)

      const missing = await tryOn(person, { variant_id: first.id, size: "XXXL" })
      expect(missing.status).toBe(400)
      expect(missing.data.message).toMatch(/size "XXXL" is not a size of this product in this colour; its sizes are/)
    })

    it("passes the sidecar's refusals on as 422 { type, message } and stores nothing", async () => {
      const before = fs.readdirSync(PRIVATE_DIR).length
      const empty = await tryOn(await solidJpeg(600, 800, "#d8d2c4"), { variant_id: top.variants[0].id })
      expect(empty.status).toBe(422)
      expect(empty.data).toEqual({ type: "no_person", message: expect.any(String) })
      const shoe = await tryOn(person, { variant_id: shoes.variants[0].id })
      expect(shoe.status).toBe(422)
      expect(shoe.data).toEqual({ type: "category_not_supported", message: expect.stringMatching(/shoes/) })
      expect(fs.readdirSync(PRIVATE_DIR).length).toBe(before)
    })

    it("refuses bad input with the status and a message naming the problem", async () => {
      const variant_id = top.variants[0].id
      const noPhoto = await tryOn(null, { variant_id })
      expect(noPhoto.status).toBe(400)
      expect(noPhoto.data.message).toMatch(/a photo is required: send it as the multipart file field "photo"/)
      const notImage = await tryOn(Buffer.from("just some text, not a photo"), { variant_id }, undefined, "text/plain")
      expect(notImage.status).toBe(400)
      expect(notImage.data.message).toMatch(/photo must be a JPEG, PNG or WebP image/)
      const noVariant = await tryOn(person, {})
      expect(noVariant.status).toBe(400)
      expect(noVariant.data.message).toMatch(/variant_id/)
      const unknown = await tryOn(person, { variant_id: "variant_nope" })
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toBe("Variant with id: variant_nope was not found")
      const noRegion = await tryOn(person, { variant_id, region_id: "" })
      expect(noRegion.status).toBe(400)
      expect(noRegion.data.message).toMatch(/region_id/)
      const extra = await tryOn(person, { variant_id, fit: "loose" })
      expect(extra.status).toBe(400)
      const tooLarge = await tryOn(Buffer.alloc(MAX_PHOTO_BYTES + 1024, 0xff), { variant_id })
      expect(tooLarge.status).toBe(413)
      expect(tooLarge.data).toEqual({ type: "payload_too_large", message: "photo is larger than 10 MB" })

      // A region where the catalog has no prices: not sold there.
      const [nowhere] = await getContainer()
        .resolve(Modules.REGION)
        .createRegions([{ name: "Nowhere", currency_code: "jpy" }])
      const unsold = await tryOn(person, { variant_id, region_id: nowhere.id })
      expect(unsold.status).toBe(400)
      expect(unsold.data.message).toBe(`Variant with id: ${variant_id} is not sold in region ${nowhere.id}`)
    })

    it("deletes try-ons nobody kept after 24 hours, files and rows, and leaves kept ones", async () => {
      const made = await Promise.all([tryOn(person, { variant_id: top.variants[0].id }), tryOn(person, { variant_id: top.variants[0].id }, "a")])
      expect(made.map((r) => r.status)).toEqual([200, 200])
      const [guest, mine] = made.map((r) => (r.data as StoreTryOnResponse).try_on)
      expect((await call("post", `/store/try-on/${mine.id}/keep`, "a")).status).toBe(200)
      const rows = await service().listTryOns({ id: [guest.id, mine.id] })
      const byId = new Map(rows.map((r) => [r.id, r]))

      // Not yet 24 hours old: nothing goes.
      await deleteExpiredTryOns(getContainer(), new Date(Date.now() + 23 * 3600_000))
      expect(await service().listTryOns({ id: [guest.id, mine.id] })).toHaveLength(2)

      await deleteExpiredTryOns(getContainer(), new Date(Date.now() + 25 * 3600_000))
      expect((await service().listTryOns({ id: [guest.id, mine.id] })).map((r) => r.id)).toEqual([mine.id])
      const gone = byId.get(guest.id)!
      expect(fs.existsSync(storedFile(gone.photo_file_id))).toBe(false)
      expect(fs.existsSync(storedFile(gone.result_file_id))).toBe(false)
      expect((await api.get(pathAndQuery(guest.image_url), { validateStatus: () => true })).status).toBe(404)
      const kept = byId.get(mine.id)!
      expect(fs.existsSync(storedFile(kept.photo_file_id))).toBe(true)
      expect(fs.existsSync(storedFile(kept.result_file_id))).toBe(true)
      // Every try-on older than a day that nobody kept is gone (those of the tests above too).
      const left = await service().listTryOns({ kept: false })
      expect(left).toEqual([])
    })

    it("answers 503 with a clear message while the image service is down", async () => {
      const res = await whileSidecarUnreachable(() => tryOn(person, { variant_id: top.variants[0].id }))
      expect(res.status).toBe(503)
      expect(res.data).toEqual({ type: "unavailable", message: expect.stringMatching(/^Try-on is unavailable right now: /) })
    })
  },
})
