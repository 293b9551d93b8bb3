import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { WARDROBE_MODULE } from ".."
import WardrobeModuleService from "../service"
import { Outfit, OutfitItem, OutfitProduct, WardrobeItem, WearLog } from "../models"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<WardrobeModuleService>({
  moduleName: WARDROBE_MODULE,
  resolve: "./src/modules/wardrobe",
  moduleModels: [WardrobeItem, Outfit, OutfitItem, OutfitProduct, WearLog],
  testSuite: ({ service }) => {
    describe("wardrobe module", () => {
      it("stores items with colours as a text array that colour filters can match", async () => {
        await service.createWardrobeItems([
          { customer_id: "cus_a", name: "Shirt", colours: ["White", "Navy"], price_paid: 49.99, currency_code: "eur" },
          { customer_id: "cus_a", name: "Scarf", colours: ["Red"] },
          { customer_id: "cus_b", name: "Jeans", colours: ["Navy"] },
        ])
        const navy = await service.listWardrobeItems({ customer_id: "cus_a", colours: { $overlap: ["Navy", "Black"] } } as any)
        expect(navy.map((i) => i.name)).toEqual(["Shirt"])
        expect(Number(navy[0].price_paid)).toBe(49.99)
        const [, count] = await service.listAndCountWardrobeItems({ customer_id: "cus_a" })
        expect(count).toBe(2)
      })

      it("refuses a second live item for the same order and variant", async () => {
        const row = { customer_id: "cus_a", name: "Tee", source: "order" as const, order_id: "order_1", variant_id: "variant_1" }
        const [first] = await service.createWardrobeItems([row])
        await expect(service.createWardrobeItems([row])).rejects.toThrow()
        // A soft-deleted one no longer holds the key in the database; the order workflow checks those itself.
        await service.softDeleteWardrobeItems([first.id])
        await expect(service.createWardrobeItems([row])).resolves.toHaveLength(1)
      })

      it("soft-deletes an item's outfit places and wear logs with it, and restores them together", async () => {
        const [item] = await service.createWardrobeItems([{ customer_id: "cus_a", name: "Coat" }])
        const outfit = await service.createWardrobeOutfits({ customer_id: "cus_a", name: "Winter" })
        await service.createWardrobeOutfitItems([{ outfit_id: outfit.id, item_id: item.id, position: 0 }] as any[])
        await service.createWardrobeWearLogs([{ customer_id: "cus_a", item_id: item.id, worn_on: new Date("2026-01-01") }] as any[])

        await service.softDeleteWardrobeItems([item.id])
        expect(await service.listWardrobeOutfitItems({ outfit_id: outfit.id } as any)).toHaveLength(0)
        expect(await service.listWardrobeWearLogs({ customer_id: "cus_a" })).toHaveLength(0)

        await service.restoreWardrobeItems([item.id])
        expect(await service.listWardrobeOutfitItems({ outfit_id: outfit.id } as any)).toHaveLength(1)
        expect(await service.listWardrobeWearLogs({ customer_id: "cus_a" })).toHaveLength(1)
      })

      it("computes one customer's stats from their items, wears and outfits only", async () => {
        const [coat, tee, old] = await service.createWardrobeItems([
          { customer_id: "cus_a", name: "Coat", category: "outerwear", colours: ["Camel"], price_paid: 250, currency_code: "eur" },
          { customer_id: "cus_a", name: "Tee", category: "tops", colours: ["White", "Camel"], price_paid: 15, currency_code: "eur" },
          { customer_id: "cus_a", name: "Old boots", category: "shoes", colours: ["Brown"], acquired_on: new Date("2024-01-01") },
        ])
        const [other] = await service.createWardrobeItems([{ customer_id: "cus_b", name: "Not mine", price_paid: 999, currency_code: "eur" }])
        const outfit = await service.createWardrobeOutfits({ customer_id: "cus_a", name: "Weekend" })
        await service.createWardrobeOutfits({ customer_id: "cus_b", name: "Theirs" })
        const wear = (item_id: string | null, day: string, customer_id = "cus_a", outfit_id: string | null = null) => ({
          customer_id,
          item_id,
          outfit_id,
          worn_on: new Date(`${day}T00:00:00Z`),
        })
        await service.createWardrobeWearLogs([
          wear(coat.id, "2026-06-01"),
          wear(coat.id, "2026-06-02"),
          wear(coat.id, "2026-06-03"),
          wear(coat.id, "2026-06-04"),
          wear(tee.id, "2026-06-01"),
          wear(null, "2026-06-01", "cus_a", outfit.id),
          wear(old.id, "2026-01-15"),
          wear(other.id, "2026-06-01", "cus_b"),
        ] as any[])

        const stats = await service.computeStats("cus_a", { now: new Date("2026-06-10T12:00:00Z") })
        expect(stats).toMatchObject({ item_count: 3, outfit_count: 1, wear_count: 6, total_spent: [{ currency_code: "eur", amount: 265 }] })
        expect(stats.items.map((i) => [i.name, i.times_worn, i.cost_per_wear])).toEqual([
          ["Coat", 4, 62.5],
          ["Old boots", 1, null],
          ["Tee", 1, 15],
        ])
        expect(stats.most_worn[0].name).toBe("Coat")
        expect(stats.least_worn.map((i) => i.name)).toEqual(["Old boots", "Tee"])
        expect(stats.colour_mix[0]).toEqual({ value: "Camel", count: 2, share: 0.6667, percent: 50 })
        expect(stats.not_worn_recently.map((i) => i.name)).toEqual(["Old boots"])
      })
    })

    // Without @InjectTransactionManager each inner write commits on its own, and these find the
    // outfit (or the renamed one, or its removed items) a failed write left behind.
    describe("atomic outfit writes", () => {
      it("creates an outfit with its items and products, or nothing when one is refused", async () => {
        const [coat, tee] = await service.createWardrobeItems([
          { customer_id: "cus_a", name: "Coat" },
          { customer_id: "cus_a", name: "Tee" },
        ])
        const outfit = await service.createOutfitWithContents({
          customer_id: "cus_a",
          name: "Autumn",
          item_ids: [tee.id, coat.id],
          products: [{ product_id: "prod_1", variant_id: null }],
        })
        const items = await service.listWardrobeOutfitItems({ outfit_id: outfit.id }, { order: { position: "ASC" } })
        expect(items.map((i) => [i.item_id, i.position])).toEqual([
          [tee.id, 0],
          [coat.id, 1],
        ])

        // An item that does not exist breaks the foreign key: the outfit was written first.
        await expect(
          service.createOutfitWithContents({ customer_id: "cus_a", name: "Broken", item_ids: [coat.id, "wrbitem_missing"], products: [] })
        ).rejects.toThrow()
        expect(await service.listWardrobeOutfits({ name: "Broken" }, { withDeleted: true })).toHaveLength(0)
      })

      it("updates an outfit and replaces its items together, or not at all; undo puts everything back", async () => {
        const [coat, tee] = await service.createWardrobeItems([
          { customer_id: "cus_a", name: "Coat" },
          { customer_id: "cus_a", name: "Tee" },
        ])
        const outfit = await service.createOutfitWithContents({ customer_id: "cus_a", name: "Before", item_ids: [coat.id], products: [] })
        const itemIds = async () => (await service.listWardrobeOutfitItems({ outfit_id: outfit.id })).map((i) => i.item_id)

        await expect(
          service.updateOutfitWithContents({ id: outfit.id, data: { name: "After" }, item_ids: [tee.id, "wrbitem_missing"] })
        ).rejects.toThrow()
        expect((await service.retrieveWardrobeOutfit(outfit.id)).name).toBe("Before")
        expect(await itemIds()).toEqual([coat.id])

        const { outfit: updated, undo } = await service.updateOutfitWithContents({ id: outfit.id, data: { name: "After" }, item_ids: [tee.id] })
        expect(updated.name).toBe("After")
        expect(await itemIds()).toEqual([tee.id])
        await service.undoOutfitUpdate(undo)
        expect((await service.retrieveWardrobeOutfit(outfit.id)).name).toBe("Before")
        expect(await itemIds()).toEqual([coat.id])

        // An item kept in the new list replaces its own live place (a partial unique index).
        const kept = await service.updateOutfitWithContents({ id: outfit.id, data: {}, item_ids: [coat.id, tee.id] })
        expect((await service.listWardrobeOutfitItems({ outfit_id: outfit.id }, { order: { position: "ASC" } })).map((i) => i.item_id)).toEqual([
          coat.id,
          tee.id,
        ])
        await service.undoOutfitUpdate(kept.undo)
        expect(await itemIds()).toEqual([coat.id])
      })
    })
  },
})
