import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createReservationsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import { seedStore, SeededStore } from "../../src/scripts/demo-catalog/seed-store"
import { LOOKBOOK_MODULE, LookbookModuleService } from "../../src/modules/lookbook"

jest.setTimeout(300_000)

type Availability = { variant_id: string; available_quantity: number | null; in_stock: boolean; manage_inventory: boolean; allow_backorder: boolean }

/**
 * GET /store/products/:id/availability: stock per variant counted only in the warehouse that
 * serves the shopper's region (Amsterdam for Europe and the UK, New Jersey for the US).
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let otherKey = ""
    let otherChannelProductId = ""
    let noWarehouseRegionId = ""
    const product = {
      id: "",
      draftId: "",
      variantIds: {} as Record<"S" | "M" | "L" | "Gift", string>,
      inventoryItemIds: {} as Record<string, string>,
    }

    const get = (url: string, key = store.publishableKey) => api.get(url, { headers: { "x-publishable-api-key": key }, validateStatus: () => true })
    const availabilityOf = async (productId: string, regionId: string, key?: string) => {
      const res = await get(`/store/products/${productId}/availability?region_id=${regionId}`, key)
      expect([res.status, res.data.message]).toEqual([200, undefined])
      return {
        stock_location_id: res.data.stock_location_id as string | null,
        byVariant: Object.fromEntries((res.data.availability as Availability[]).map((a) => [a.variant_id, a])),
      }
    }

    const createProduct = async (title: string, status: "published" | "draft", salesChannelId: string, { giftVariant = true } = {}) => {
      const container = getContainer()
      const sizes = ["S", "M", "L"]
      const { result } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title,
              status,
              shipping_profile_id: store.shippingProfileId,
              sales_channels: [{ id: salesChannelId }],
              options: [{ title: "Size", values: [...sizes, "Gift"] }],
              variants: [
                ...sizes.map((size) => ({
                  title: size,
                  sku: `${title}-${size}`,
                  options: { Size: size },
                  manage_inventory: true,
                  prices: [{ currency_code: "eur", amount: 50 }],
                })),
                // A gift card style variant: never counted, always sellable.
                ...(giftVariant
                  ? [
                      {
                        title: "Gift",
                        sku: `${title}-gift`,
                        options: { Size: "Gift" },
                        manage_inventory: false,
                        prices: [{ currency_code: "eur", amount: 50 }],
                      },
                    ]
                  : []),
              ],
            },
          ],
        },
      })
      return result[0]
    }

    const boot = { id: "", itemIds: {} as Record<"S" | "M" | "L", string> }
    type SearchHit = { id: string; in_stock: boolean }
    const search = async (params: string) => {
      const res = await get(`/store/product-search?limit=100&${params}`)
      expect([res.status, res.data.message]).toEqual([200, undefined])
      return {
        ids: (res.data.products as SearchHit[]).map((p) => p.id).sort(),
        hits: res.data.products as SearchHit[],
        inStock: res.data.facets.in_stock as number,
      }
    }
    /** Search ingests stock events asynchronously: ask until the answer turns up. */
    const eventually = async (params: string, check: (r: Awaited<ReturnType<typeof search>>) => boolean) => {
      let last = await search(params)
      for (let i = 0; i < 60 && !check(last); i++) {
        await new Promise((r) => setTimeout(r, 250))
        last = await search(params)
      }
      return last
    }

    beforeAll(async () => {
      const container = getContainer()
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      store = await seedStore(container)

      const created = await createProduct("availability-tee", "published", store.salesChannelId)
      product.id = created.id
      for (const v of created.variants) product.variantIds[v.title as "S" | "M" | "L" | "Gift"] = v.id
      product.draftId = (await createProduct("availability-draft", "draft", store.salesChannelId)).id

      const { data: links } = await query.graph({
        entity: "product_variant_inventory_items",
        fields: ["variant_id", "inventory_item_id"],
        filters: { variant_id: Object.values(product.variantIds) },
      })
      for (const link of links) product.inventoryItemIds[link.variant_id] = link.inventory_item_id
      const item = (size: "S" | "M" | "L") => product.inventoryItemIds[product.variantIds[size]]
      const { eu, us } = store.locationIdsByWarehouse
      // S: Amsterdam only. M: both warehouses. L: none anywhere.
      await createInventoryLevelsWorkflow(container).run({
        input: {
          inventory_levels: [
            { inventory_item_id: item("S"), location_id: eu, stocked_quantity: 4 },
            { inventory_item_id: item("M"), location_id: eu, stocked_quantity: 2 },
            { inventory_item_id: item("M"), location_id: us, stocked_quantity: 3 },
            { inventory_item_id: item("L"), location_id: eu, stocked_quantity: 0 },
          ],
        },
      })

      // A second shop: its own channel and key, no warehouse linked to it.
      const { result: channels } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "Outlet" }] } })
      const { result: keys } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "Outlet", type: "publishable", created_by: "" }] },
      })
      await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: keys[0].id, add: [channels[0].id] } })
      otherKey = keys[0].token
      const outlet = await createProduct("availability-outlet", "published", channels[0].id)
      otherChannelProductId = outlet.id
      const outletS = outlet.variants.find((v) => v.title === "S")!
      const { data: outletLinks } = await query.graph({
        entity: "product_variant_inventory_items",
        fields: ["inventory_item_id"],
        filters: { variant_id: outletS.id },
      })
      await createInventoryLevelsWorkflow(container).run({
        input: { inventory_levels: [{ inventory_item_id: outletLinks[0].inventory_item_id, location_id: eu, stocked_quantity: 9 }] },
      })

      const { result: regions } = await createRegionsWorkflow(container).run({
        input: { regions: [{ name: "Nowhere", currency_code: "eur", countries: [] }] },
      })
      noWarehouseRegionId = regions[0].id

      // A second product for search's in-stock filter: no gift variant, so stock alone decides.
      const bootProduct = await createProduct("availability-boot", "published", store.salesChannelId, { giftVariant: false })
      boot.id = bootProduct.id
      const { data: bootLinks } = await query.graph({
        entity: "product_variant_inventory_items",
        fields: ["variant_id", "inventory_item_id"],
        filters: { variant_id: bootProduct.variants.map((v) => v.id) },
      })
      for (const v of bootProduct.variants) boot.itemIds[v.title as "S" | "M" | "L"] = bootLinks.find((l) => l.variant_id === v.id)!.inventory_item_id
      // Only an L, and only in New Jersey.
      await createInventoryLevelsWorkflow(container).run({
        input: { inventory_levels: [{ inventory_item_id: boot.itemIds.L, location_id: store.locationIdsByWarehouse.us, stocked_quantity: 2 }] },
      })
      // The snapshot every test starts from must hold the index with the boot's New Jersey stock.
      await eventually(`region_id=${store.regionIdsByCurrency.usd}&in_stock=true`, (r) => r.ids.includes(boot.id) && r.ids.includes(product.id))
    })

    it("counts only the warehouse that serves the shopper's region", async () => {
      const europe = await availabilityOf(product.id, store.regionIdsByCurrency.eur)
      expect(europe.stock_location_id).toBe(store.locationIdsByWarehouse.eu)
      expect(europe.byVariant[product.variantIds.S]).toEqual({
        variant_id: product.variantIds.S,
        available_quantity: 4,
        in_stock: true,
        manage_inventory: true,
        allow_backorder: false,
      })
      expect(europe.byVariant[product.variantIds.M]).toMatchObject({ available_quantity: 2, in_stock: true })
      expect(europe.byVariant[product.variantIds.L]).toMatchObject({ available_quantity: 0, in_stock: false })

      // Amsterdam also serves the UK.
      const uk = await availabilityOf(product.id, store.regionIdsByCurrency.gbp)
      expect(uk.byVariant[product.variantIds.S]).toMatchObject({ available_quantity: 4, in_stock: true })

      // The S sits in Amsterdam only: a US shopper cannot buy it.
      const us = await availabilityOf(product.id, store.regionIdsByCurrency.usd)
      expect(us.stock_location_id).toBe(store.locationIdsByWarehouse.us)
      expect(us.byVariant[product.variantIds.S]).toMatchObject({ available_quantity: 0, in_stock: false })
      expect(us.byVariant[product.variantIds.M]).toMatchObject({ available_quantity: 3, in_stock: true })
    })

    it("treats variants without managed inventory as always in stock", async () => {
      for (const regionId of Object.values(store.regionIdsByCurrency)) {
        const { byVariant } = await availabilityOf(product.id, regionId)
        expect(byVariant[product.variantIds.Gift]).toEqual({
          variant_id: product.variantIds.Gift,
          available_quantity: null,
          in_stock: true,
          manage_inventory: false,
          allow_backorder: false,
        })
      }
    })

    it("subtracts reservations in the region's warehouse only", async () => {
      const inventory = getContainer().resolve(Modules.INVENTORY)
      await inventory.createReservationItems([
        { inventory_item_id: product.inventoryItemIds[product.variantIds.M], location_id: store.locationIdsByWarehouse.eu, quantity: 2 },
        { inventory_item_id: product.inventoryItemIds[product.variantIds.S], location_id: store.locationIdsByWarehouse.eu, quantity: 1 },
      ])
      const europe = await availabilityOf(product.id, store.regionIdsByCurrency.eur)
      expect(europe.byVariant[product.variantIds.M]).toMatchObject({ available_quantity: 0, in_stock: false })
      expect(europe.byVariant[product.variantIds.S]).toMatchObject({ available_quantity: 3, in_stock: true })
      const us = await availabilityOf(product.id, store.regionIdsByCurrency.usd)
      expect(us.byVariant[product.variantIds.M]).toMatchObject({ available_quantity: 3, in_stock: true })
    })

    it("falls back to every warehouse of the key's sales channel when the region names none", async () => {
      const { stock_location_id, byVariant } = await availabilityOf(product.id, noWarehouseRegionId)
      expect(stock_location_id).toBeNull()
      expect(byVariant[product.variantIds.M]).toMatchObject({ available_quantity: 5, in_stock: true })
      expect(byVariant[product.variantIds.S]).toMatchObject({ available_quantity: 4, in_stock: true })
    })

    it("sells nothing from a region's warehouse that the key's sales channel does not use", async () => {
      const { stock_location_id, byVariant } = await availabilityOf(otherChannelProductId, store.regionIdsByCurrency.eur, otherKey)
      expect(stock_location_id).toBeNull()
      const managed = Object.values(byVariant).filter((a) => a.manage_inventory)
      expect(managed.map((a) => [a.available_quantity, a.in_stock])).toEqual([
        [0, false],
        [0, false],
        [0, false],
      ])
    })

    describe("product search's in-stock filter", () => {
      it("keeps only what the region's warehouse can ship, and counts it beside the results", async () => {
        const { eur, usd } = store.regionIdsByCurrency
        const europe = await eventually(`region_id=${eur}&in_stock=true`, (r) => !r.ids.includes(boot.id))
        // The tee has a gift variant that is always sellable; the boot has nothing in Amsterdam.
        expect(europe.ids).toEqual([product.id])
        const all = await search(`region_id=${eur}`)
        expect(all.ids).toEqual([boot.id, product.id].sort())
        expect(all.inStock).toBe(1)
        expect(Object.fromEntries(all.hits.map((h) => [h.id, h.in_stock]))).toEqual({ [boot.id]: false, [product.id]: true })

        const us = await eventually(`region_id=${usd}&in_stock=1`, (r) => r.ids.includes(boot.id))
        expect(us.ids).toEqual([boot.id, product.id].sort())
        expect(us.inStock).toBe(2)
        expect((await search(`region_id=${usd}&in_stock=false`)).ids).toEqual([boot.id, product.id].sort())
      })

      it("means the chosen size when sizes are filtered", async () => {
        const { eur, usd } = store.regionIdsByCurrency
        // The tee's S sits in Amsterdam only; its M in both warehouses.
        expect((await search(`region_id=${eur}&size=S&in_stock=true`)).ids).toEqual([product.id])
        const usS = await search(`region_id=${usd}&size=S&in_stock=true`)
        expect(usS.ids).toEqual([])
        expect((await search(`region_id=${usd}&size=S`)).inStock).toBe(0)
        expect((await search(`region_id=${usd}&size=L&in_stock=true`)).ids).toEqual([boot.id])
        expect((await search(`region_id=${usd}&size=S,L`)).inStock).toBe(1)
      })

      it("counts every warehouse of the key's channel for a region that names none", async () => {
        const r = await search(`region_id=${noWarehouseRegionId}&in_stock=true`)
        expect(r.ids).toEqual([boot.id, product.id].sort())
        expect(r.inStock).toBe(2)
      })

      it("follows stock as merchants restock and orders reserve it", async () => {
        const container = getContainer()
        const eur = store.regionIdsByCurrency.eur
        await createInventoryLevelsWorkflow(container).run({
          input: { inventory_levels: [{ inventory_item_id: boot.itemIds.M, location_id: store.locationIdsByWarehouse.eu, stocked_quantity: 1 }] },
        })
        const restocked = await eventually(`region_id=${eur}&in_stock=true`, (r) => r.ids.includes(boot.id))
        expect(restocked.ids).toEqual([boot.id, product.id].sort())
        expect(restocked.inStock).toBe(2)

        // The last M in Amsterdam is reserved by an order: sold out there again.
        await createReservationsWorkflow(container).run({
          input: { reservations: [{ inventory_item_id: boot.itemIds.M, location_id: store.locationIdsByWarehouse.eu, quantity: 1 }] },
        })
        const reserved = await eventually(`region_id=${eur}&in_stock=true`, (r) => !r.ids.includes(boot.id))
        expect(reserved.ids).toEqual([product.id])
      })

      it("rejects an in_stock value that is not true or false", async () => {
        const res = await get(`/store/product-search?in_stock=maybe`)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(/in_stock/)
      })
    })

    describe('one meaning of "in stock" for each region', () => {
      /** A published lookbook with one look whose hotspots sell the given variants. */
      const createLookbook = async (handle: string, variants: { id: string; product_id: string }[]) => {
        const lookbooks = getContainer().resolve<LookbookModuleService>(LOOKBOOK_MODULE)
        const lookbook = await lookbooks.createLookbooks({ title: handle, handle, status: "published", published_at: new Date() })
        const look = await lookbooks.createLookbookLooks({
          lookbook_id: lookbook.id,
          image_url: "http://localhost/look.jpg",
          width: 3,
          height: 4,
          position: 0,
        })
        await lookbooks.createLookbookHotspots(
          variants.map((v, position) => ({ look_id: look.id, x: 0.5, y: 0.5, product_id: v.product_id, variant_id: v.id, position }))
        )
        return { lookbook, look }
      }

      it("agrees between the product page, search, a lookbook hotspot and add-the-look", async () => {
        const container = getContainer()
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const prices = [
          { currency_code: "eur", amount: 40 },
          { currency_code: "usd", amount: 45 },
          { currency_code: "gbp", amount: 35 },
        ]
        const { result } = await createProductsWorkflow(container).run({
          input: {
            products: [
              {
                title: "Concordia blouse",
                status: "published",
                shipping_profile_id: store.shippingProfileId,
                sales_channels: [{ id: store.salesChannelId }],
                options: [{ title: "Size", values: ["S", "M", "L"] }],
                variants: ["S", "M", "L"].map((size) => ({
                  title: size,
                  sku: `concordia-${size}`,
                  options: { Size: size },
                  manage_inventory: true,
                  prices,
                })),
              },
            ],
          },
        })
        const blouse = result[0]
        const variantOf = Object.fromEntries(blouse.variants.map((v) => [v.title, v.id])) as Record<"S" | "M" | "L", string>
        const { data: links } = await query.graph({
          entity: "product_variant_inventory_items",
          fields: ["variant_id", "inventory_item_id"],
          filters: { variant_id: Object.values(variantOf) },
        })
        const itemOf = (size: "S" | "M" | "L") => links.find((l) => l.variant_id === variantOf[size])!.inventory_item_id
        const { eu, us } = store.locationIdsByWarehouse
        // S only in Amsterdam (Europe, UK), M only in New Jersey (US), L nowhere.
        await createInventoryLevelsWorkflow(container).run({
          input: {
            inventory_levels: [
              { inventory_item_id: itemOf("S"), location_id: eu, stocked_quantity: 3 },
              { inventory_item_id: itemOf("M"), location_id: us, stocked_quantity: 2 },
              { inventory_item_id: itemOf("L"), location_id: eu, stocked_quantity: 0 },
            ],
          },
        })
        const { lookbook, look } = await createLookbook(
          "concordia",
          (["S", "M", "L"] as const).map((size) => ({ id: variantOf[size], product_id: blouse.id }))
        )
        // Search ingests stock events asynchronously: wait until both stocked sizes are indexed.
        await eventually(`q=concordia&size=S&in_stock=true&region_id=${store.regionIdsByCurrency.eur}`, (r) => r.ids.includes(blouse.id))
        await eventually(`q=concordia&size=M&in_stock=true&region_id=${store.regionIdsByCurrency.usd}`, (r) => r.ids.includes(blouse.id))

        const expected: [string, Record<"S" | "M" | "L", boolean>][] = [
          [store.regionIdsByCurrency.eur, { S: true, M: false, L: false }],
          [store.regionIdsByCurrency.gbp, { S: true, M: false, L: false }],
          [store.regionIdsByCurrency.usd, { S: false, M: true, L: false }],
          // A region naming no warehouse buys from every location of the key's channel.
          [noWarehouseRegionId, { S: true, M: true, L: false }],
        ]
        for (const [regionId, inStock] of expected) {
          const page = await availabilityOf(blouse.id, regionId)
          const pageSays = Object.fromEntries((["S", "M", "L"] as const).map((size) => [size, page.byVariant[variantOf[size]].in_stock]))

          const searchSays: Record<string, boolean> = {}
          for (const size of ["S", "M", "L"] as const) {
            searchSays[size] = (await search(`q=concordia&size=${size}&in_stock=true&region_id=${regionId}`)).ids.includes(blouse.id)
          }

          const shown = await get(`/store/lookbooks/concordia?region_id=${regionId}`)
          expect([shown.status, shown.data.message]).toEqual([200, undefined])
          const hotspots = shown.data.lookbook.looks[0].hotspots as { variant: { id: string; in_stock: boolean } }[]
          const lookbookSays = Object.fromEntries(
            (["S", "M", "L"] as const).map((size) => [size, hotspots.find((h) => h.variant.id === variantOf[size])!.variant.in_stock])
          )

          const cart = await api.post("/store/carts", { region_id: regionId }, { headers: { "x-publishable-api-key": store.publishableKey } })
          const added = await api.post(
            `/store/lookbooks/${lookbook.id}/looks/${look.id}/add-to-cart`,
            // Each piece in the size of its hotspot: the shopper chose S, M and L.
            {
              cart_id: cart.data.cart.id,
              pieces: shown.data.lookbook.looks[0].hotspots.map((h: any) => ({ hotspot_id: h.id, variant_id: h.variant.id })),
            },
            { headers: { "x-publishable-api-key": store.publishableKey }, validateStatus: () => true }
          )
          expect([added.status, added.data.message]).toEqual([200, undefined])
          const addedIds = (added.data.added as { variant_id: string }[]).map((a) => a.variant_id)
          const addTheLookSays = Object.fromEntries((["S", "M", "L"] as const).map((size) => [size, addedIds.includes(variantOf[size])]))
          for (const notAdded of added.data.not_added as { reason: string }[]) expect(notAdded.reason).toBe("out_of_stock")

          expect({ region: regionId, page: pageSays, search: searchSays, lookbook: lookbookSays, add_the_look: addTheLookSays }).toEqual({
            region: regionId,
            page: inStock,
            search: inStock,
            lookbook: inStock,
            add_the_look: inStock,
          })
        }
      })

      it("answers an unknown region with the same 400 on every route", async () => {
        await createLookbook("unknown-region", [])
        const routes = [`/store/products/${product.id}/availability`, "/store/product-search", "/store/lookbooks/unknown-region"]
        for (const route of routes) {
          const byId = await get(`${route}?region_id=reg_nope`)
          expect([route, byId.status, byId.data.type, byId.data.message]).toEqual([
            route,
            400,
            "invalid_data",
            "Region with id: reg_nope was not found",
          ])
        }
        // Routes that also take a country: the same answer for a country no region sells to.
        for (const route of routes.slice(1)) {
          const byCountry = await get(`${route}?country_code=zz`)
          expect([route, byCountry.status, byCountry.data.type, byCountry.data.message]).toEqual([
            route,
            400,
            "invalid_data",
            "No region sells to country_code: zz",
          ])
        }
      })
    })

    it("answers 400 without region_id or for an unknown region, and 404 for products the key cannot sell", async () => {
      const missing = await get(`/store/products/${product.id}/availability`)
      expect(missing.status).toBe(400)
      expect(missing.data.message).toContain("region_id")

      const unknownRegion = await get(`/store/products/${product.id}/availability?region_id=reg_nope`)
      expect(unknownRegion.status).toBe(400)
      expect(unknownRegion.data.message).toContain("reg_nope")

      const europeId = store.regionIdsByCurrency.eur
      for (const [productId, key] of [
        ["prod_nope", store.publishableKey],
        [product.draftId, store.publishableKey],
        [product.id, otherKey], // published, but not in the outlet's channel
        [otherChannelProductId, store.publishableKey],
      ]) {
        const res = await get(`/store/products/${productId}/availability?region_id=${europeId}`, key)
        expect([productId, res.status]).toEqual([productId, 404])
      }
    })
  },
})
