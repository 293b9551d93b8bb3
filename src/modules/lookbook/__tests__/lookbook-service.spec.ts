import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { LOOKBOOK_MODULE } from ".."
import LookbookModuleService from "../service"
import { Lookbook, LookbookHotspot, LookbookLook } from "../models"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<LookbookModuleService>({
  moduleName: LOOKBOOK_MODULE,
  resolve: "./src/modules/lookbook",
  moduleModels: [Lookbook, LookbookLook, LookbookHotspot],
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
  },
})
