import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { LOOKBOOK_MODULE } from ".."
import LookbookModuleService from "../service"
import { Lookbook, LookbookHotspot, LookbookLook, LookbookLookView } from "../models"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<LookbookModuleService>({
  moduleName: LOOKBOOK_MODULE,
  resolve: "./src/modules/lookbook",
  moduleModels: [Lookbook, LookbookLook, LookbookHotspot, LookbookLookView],
  testSuite: ({ service }) => {
    const look = (lookbook_id: string, position = 0) => ({
      lookbook_id,
      image_url: "http://localhost/static/look.jpg",
      width: 300,
      height: 400,
      position,
    })

    describe("lookbook module", () => {
      it("counts concurrent views and add-to-carts without losing any", async () => {
        const lookbook = await service.createLookbooks({ title: "Autumn", handle: "autumn" })
        const [a, b] = await service.createLookbookLooks([look(lookbook.id, 0), look(lookbook.id, 1)] as any[])
        await Promise.all([
          ...Array.from({ length: 40 }, () => service.incrementLookCounters(a.id, { views: 1 })),
          ...Array.from({ length: 15 }, () => service.incrementLookCounters(a.id, { add_to_cart: 1 })),
          ...Array.from({ length: 5 }, () => service.incrementLookCounters(b.id, { views: 2, add_to_cart: 1 })),
        ])
        expect(await service.retrieveLookbookLook(a.id)).toMatchObject({ view_count: 40, add_to_cart_count: 15 })
        expect(await service.retrieveLookbookLook(b.id)).toMatchObject({ view_count: 10, add_to_cart_count: 5 })
        // Undo (a compensation) never takes a counter below zero.
        expect(await service.incrementLookCounters(b.id, { views: -100, add_to_cart: -1 })).toEqual({ id: b.id, view_count: 0, add_to_cart_count: 4 })
        expect(await service.incrementLookCounters("lkbklook_missing", { views: 1 })).toBeNull()
        await service.softDeleteLookbookLooks([b.id])
        expect(await service.incrementLookCounters(b.id, { views: 1 })).toBeNull()
      })

      it("counts a look's view once per viewer and period, however often and concurrently it is reported", async () => {
        const lookbook = await service.createLookbooks({ title: "Views", handle: "views" })
        const [a, b] = await service.createLookbookLooks([look(lookbook.id, 0), look(lookbook.id, 1)] as any[])
        const HALF_HOUR = 30 * 60_000
        const nine = new Date("2026-12-03T09:00:00Z")
        const at = (minutes: number) => new Date(nine.getTime() + minutes * 60_000)
        const view = (look_id: string, viewer_key: string, minutes: number) =>
          service.recordLookView({ look_id, viewer_key, period_ms: HALF_HOUR, at: at(minutes) })

        // 20 concurrent reports by one viewer: one counts. 10 viewers at once: ten count.
        const same = await Promise.all(Array.from({ length: 20 }, () => view(a.id, "customer:cus_1", 5)))
        expect(same.filter((r) => r!.counted)).toHaveLength(1)
        const many = await Promise.all(Array.from({ length: 10 }, (_, i) => view(a.id, `anon:${i}`, 6)))
        expect(many.every((r) => r!.counted)).toBe(true)
        expect(await service.retrieveLookbookLook(a.id)).toMatchObject({ view_count: 11 })
        // Later in the same period (09:00–09:30): nothing; another look is counted on its own.
        expect(await view(a.id, "customer:cus_1", 29)).toMatchObject({ counted: false, view_count: 11, period_start: nine })
        expect(await view(b.id, "customer:cus_1", 29)).toMatchObject({ counted: true, view_count: 1 })
        // The next period: the same viewer counts again, and the earlier period's rows are gone.
        expect(await view(a.id, "customer:cus_1", 31)).toMatchObject({ counted: true, view_count: 12, period_start: at(30) })
        const kept = await service.listLookbookLookViews({ look_id: a.id })
        expect(kept.map((v) => v.viewer_key)).toEqual(["customer:cus_1"])

        // Undo (a compensation) takes back exactly the counted view.
        await service.forgetLookView({ look_id: a.id, viewer_key: "customer:cus_1", period_start: at(30) })
        expect(await service.retrieveLookbookLook(a.id)).toMatchObject({ view_count: 11 })
        expect(await view(a.id, "customer:cus_1", 32)).toMatchObject({ counted: true, view_count: 12 })

        expect(await view("lkbklook_missing", "anon:x", 0)).toBeNull()
        await service.softDeleteLookbookLooks([b.id])
        expect(await view(b.id, "customer:cus_2", 29)).toBeNull()
      })

      it("swaps cover and look images under a row lock: each concurrent replacement hands back a different replaced file", async () => {
        const lookbook = await service.createLookbooks({
          title: "Swaps",
          handle: "swaps",
          cover_image_url: "http://x/c0.jpg",
          cover_image_file_id: "c0",
        } as any)
        const [a] = await service.createLookbookLooks([{ ...look(lookbook.id), image_file_id: "l0" }] as any[])
        const ids = ["1", "2", "3", "4", "5", "6"]
        const [covers, images] = await Promise.all([
          Promise.all(
            ids.map((n) => service.replaceLookbookCover({ id: lookbook.id, cover_image_url: `http://x/c${n}.jpg`, cover_image_file_id: `c${n}` }))
          ),
          Promise.all(
            ids.map((n) =>
              service.replaceLookImage({
                id: a.id,
                lookbook_id: lookbook.id,
                image_url: `http://x/l${n}.jpg`,
                image_file_id: `l${n}`,
                width: 10,
                height: 20,
              })
            )
          ),
        ])
        // The replaced files and the one left make up every file exactly once: none is orphaned, none deleted twice.
        const cover = await service.retrieveLookbook(lookbook.id)
        expect([...covers.map((r) => r.previous!.cover_image_file_id), cover.cover_image_file_id].sort()).toEqual(["c0", ...ids.map((n) => `c${n}`)])
        const image = await service.retrieveLookbookLook(a.id)
        expect([...images.map((r) => r.previous!.image_file_id), image.image_file_id].sort()).toEqual(["l0", ...ids.map((n) => `l${n}`)])
        expect(image).toMatchObject({ image_url: `http://x/${image.image_file_id}.jpg`, width: 10, height: 20 })

        // Conditional (a compensation): applies only while the record still shows the expected file.
        const stale = await service.replaceLookbookCover({
          id: lookbook.id,
          cover_image_url: null,
          cover_image_file_id: null,
          expected_file_id: "c0",
        })
        expect(stale).toEqual({ previous: null, replaced: false })
        expect((await service.retrieveLookbook(lookbook.id)).cover_image_file_id).toBe(cover.cover_image_file_id)
        // A look of another lookbook, or a deleted one, is not found.
        const swap = { id: a.id, lookbook_id: "lkbk_other", image_url: "http://x/z.jpg", image_file_id: "z", width: 1, height: 1 }
        await expect(service.replaceLookImage(swap)).rejects.toThrow(`Look with id: ${a.id} was not found`)
        await service.softDeleteLookbookLooks([a.id])
        await expect(service.replaceLookImage({ ...swap, lookbook_id: lookbook.id })).rejects.toThrow("was not found")
      })

      it("keeps handles unique among live lookbooks", async () => {
        const first = await service.createLookbooks({ title: "City", handle: "city" })
        await expect(service.createLookbooks({ title: "City again", handle: "city" })).rejects.toThrow()
        await service.softDeleteLookbooks([first.id])
        await expect(service.createLookbooks({ title: "City again", handle: "city" })).resolves.toMatchObject({ handle: "city", status: "draft" })
      })

      it("refuses hotspots outside the image", async () => {
        const lookbook = await service.createLookbooks({ title: "Resort", handle: "resort" })
        const [l] = await service.createLookbookLooks([look(lookbook.id)] as any[])
        const hotspot = { look_id: l.id, product_id: "prod_1", variant_id: "variant_1" }
        await expect(service.createLookbookHotspots([{ ...hotspot, x: 1, y: 0 }] as any[])).resolves.toHaveLength(1)
        await expect(service.createLookbookHotspots([{ ...hotspot, x: 1.01, y: 0.5 }] as any[])).rejects.toThrow()
        await expect(service.createLookbookHotspots([{ ...hotspot, x: 0.5, y: -0.1 }] as any[])).rejects.toThrow()
      })

      it("soft-deletes a lookbook's looks and hotspots with it and restores them together", async () => {
        const lookbook = await service.createLookbooks({ title: "Weekend", handle: "weekend" })
        const [l] = await service.createLookbookLooks([look(lookbook.id)] as any[])
        await service.createLookbookHotspots([{ look_id: l.id, x: 0.2, y: 0.3, product_id: "prod_1", variant_id: "variant_1" }] as any[])

        await service.softDeleteLookbooks([lookbook.id])
        expect(await service.listLookbookLooks({ lookbook_id: lookbook.id } as any)).toHaveLength(0)
        expect(await service.listLookbookHotspots({ look_id: l.id } as any)).toHaveLength(0)

        await service.restoreLookbooks([lookbook.id])
        expect(await service.listLookbookLooks({ lookbook_id: lookbook.id } as any)).toHaveLength(1)
        const [restored] = await service.listLookbookHotspots({ look_id: l.id } as any)
        expect(restored).toMatchObject({ x: 0.2, y: 0.3, variant_id: "variant_1" })
      })
    })

    // Without @InjectTransactionManager each inner create commits on its own, and these find the
    // look (or the removed hotspots) a failed write left behind.
    describe("atomic look writes", () => {
      const hotspot = (variant_id: string, x = 0.5) => ({ x, y: 0.5, variant_id, product_id: "prod_1", position: 0 })
      const image = (lookbook_id: string) => ({
        lookbook_id,
        image_url: "http://localhost/static/look.jpg",
        image_file_id: null,
        width: 300,
        height: 400,
      })

      it("creates a look after the last one with its hotspots, or nothing when a hotspot is refused", async () => {
        const lookbook = await service.createLookbooks({ title: "Atomic", handle: "atomic" })
        const first = await service.createLookWithHotspots({ ...image(lookbook.id), hotspots: [hotspot("variant_1")] })
        const second = await service.createLookWithHotspots({ ...image(lookbook.id), hotspots: [] })
        expect([first.position, second.position]).toEqual([0, 1])
        expect(await service.listLookbookHotspots({ look_id: first.id })).toHaveLength(1)

        // x = 2 breaks the table's range check: the look was written first.
        await expect(
          service.createLookWithHotspots({ ...image(lookbook.id), hotspots: [hotspot("variant_1"), hotspot("variant_2", 2)] })
        ).rejects.toThrow()
        expect(await service.listLookbookLooks({ lookbook_id: lookbook.id }, { withDeleted: true })).toHaveLength(2)
      })

      it("replaces a look's hotspots, or keeps the old ones when a new one is refused; undo brings the old ones back", async () => {
        const lookbook = await service.createLookbooks({ title: "Hotspots", handle: "hotspots" })
        const l = await service.createLookWithHotspots({ ...image(lookbook.id), hotspots: [hotspot("variant_old")] })
        const variants = async () => (await service.listLookbookHotspots({ look_id: l.id })).map((h) => h.variant_id)
        await expect(service.replaceLookHotspots(l.id, [hotspot("variant_new"), hotspot("variant_bad", 2)])).rejects.toThrow()
        expect(await variants()).toEqual(["variant_old"])

        const replaced = await service.replaceLookHotspots(l.id, [hotspot("variant_new")])
        expect(await variants()).toEqual(["variant_new"])
        await service.undoReplaceLookHotspots(replaced)
        expect(await variants()).toEqual(["variant_old"])
      })
    })
  },
})
