import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { WISHLIST_MODULE } from ".."
import WishlistModuleService from "../service"
import { SavedItem } from "../models"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<WishlistModuleService>({
  moduleName: WISHLIST_MODULE,
  resolve: "./src/modules/wishlist",
  moduleModels: [SavedItem],
  testSuite: ({ service }) => {
    describe("wishlist module", () => {
      it("saves products once per customer, in the order given, and keeps customers apart", async () => {
        const first = await service.saveProducts("cus_a", ["prod_1", "prod_2", "prod_1"])
        expect(first.map((r) => r.product_id)).toEqual(["prod_1", "prod_2"])

        // Saving again (with one new product) keeps the existing rows and adds only the new one.
        const again = await service.saveProducts("cus_a", ["prod_2", "prod_3"])
        expect(again.map((r) => r.product_id)).toEqual(["prod_2", "prod_3"])
        expect(again[0].id).toBe(first[1].id)
        expect(await service.listSavedItems({ customer_id: "cus_a" })).toHaveLength(3)

        await service.saveProducts("cus_b", ["prod_1"])
        expect((await service.listSavedItems({ customer_id: "cus_b" })).map((r) => r.product_id)).toEqual(["prod_1"])
        expect(await service.saveProducts("cus_b", [])).toEqual([])
      })

      it("lets two saves of the same product race without an error or a duplicate", async () => {
        const results = await Promise.all([service.saveProducts("cus_c", ["prod_9"]), service.saveProducts("cus_c", ["prod_9"])])
        expect(results.map((r) => r.map((row) => row.product_id))).toEqual([["prod_9"], ["prod_9"]])
        expect(await service.listSavedItems({ customer_id: "cus_c" })).toHaveLength(1)
      })

      it("refuses a second row for the same customer and product at the database", async () => {
        await service.saveProducts("cus_d", ["prod_1"])
        await expect(service.createSavedItems({ customer_id: "cus_d", product_id: "prod_1" })).rejects.toThrow()
      })
    })
  },
})
