import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateSalesChannelsWorkflow,
  updateShippingOptionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { REGIONS, WAREHOUSES } from "./vocabulary"
import { seedRegionTaxInclusion, seedTaxRegions } from "./seed-taxes"

export const DEMO_SALES_CHANNEL = "Curator Web Store"
const DEMO_SALES_CHANNEL_DATA = { name: DEMO_SALES_CHANNEL, description: "Curator's storefront" }
export const DEMO_API_KEY_TITLE = "Curator Storefront"

/** Business days from order to doorstep, as the option types' descriptions say; checkout shows them as dates. */
export const DELIVERY_DAYS = { standard: { min: 2, max: 4 }, express: { min: 1, max: 1 } } as const

export type SeededStore = {
  salesChannelId: string
  shippingProfileId: string
  regionIdsByCurrency: Record<string, string>
  locationIdsByWarehouse: Record<"eu" | "us", string>
  publishableKey: string
}

/**
 * Store settings, regions, taxes, warehouses, shipping and the storefront's
 * publishable key. Each part looks for what exists first, so running it again
 * changes nothing.
 */
export async function seedStore(container: MedusaContainer): Promise<SeededStore> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const storeService = container.resolve(Modules.STORE)
  const salesChannelService = container.resolve(Modules.SALES_CHANNEL)
  const regionService = container.resolve(Modules.REGION)
  const stockLocationService = container.resolve(Modules.STOCK_LOCATION)
  const fulfillmentService = container.resolve(Modules.FULFILLMENT)
  const apiKeyService = container.resolve(Modules.API_KEY)

  // Sales channel and store currencies. The shop sells through one channel: Medusa's default
  // one, renamed. With a second channel, Medusa's product list resolves the publishable key's
  // channel to every product id it holds on each request, cache hit or not.
  const [store] = await storeService.listStores()
  let [salesChannel] = await salesChannelService.listSalesChannels({ name: DEMO_SALES_CHANNEL })
  if (!salesChannel && store.default_sales_channel_id) {
    await updateSalesChannelsWorkflow(container).run({
      input: { selector: { id: store.default_sales_channel_id }, update: DEMO_SALES_CHANNEL_DATA },
    })
    ;[salesChannel] = await salesChannelService.listSalesChannels({ id: store.default_sales_channel_id })
  }
  if (!salesChannel) {
    const { result } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [DEMO_SALES_CHANNEL_DATA] } })
    salesChannel = result[0]
  }
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Curator",
        default_sales_channel_id: salesChannel.id,
        // Whether prices include tax is also a price preference per currency (for prices without a region).
        supported_currencies: REGIONS.map((r, i) => ({ currency_code: r.currency, is_default: i === 0, is_tax_inclusive: r.pricesIncludeTax })),
      },
    },
  })

  // Warehouses, each linked to the sales channel and the manual fulfillment provider.
  const locationIdsByWarehouse = {} as Record<"eu" | "us", string>
  for (const [key, spec] of Object.entries(WAREHOUSES) as ["eu" | "us", (typeof WAREHOUSES)["eu" | "us"]][]) {
    let [location] = await stockLocationService.listStockLocations({ name: spec.name })
    if (!location) {
      const { result } = await createStockLocationsWorkflow(container).run({
        input: { locations: [{ name: spec.name, address: { ...spec.address } }] },
      })
      location = result[0]
      await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [salesChannel.id] } })
      await link.create({
        [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
      })
    }
    locationIdsByWarehouse[key] = location.id
  }
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { default_location_id: locationIdsByWarehouse.eu } },
  })

  // Regions, with the warehouse that serves each recorded for availability checks.
  const paymentProviders = ["pp_system_default", ...(process.env.STRIPE_API_KEY ? ["pp_stripe_stripe"] : [])]
  const regionIdsByCurrency: Record<string, string> = {}
  for (const spec of REGIONS) {
    let [region] = await regionService.listRegions({ name: spec.name })
    if (!region) {
      const { result } = await createRegionsWorkflow(container).run({
        input: {
          regions: [
            {
              name: spec.name,
              currency_code: spec.currency,
              countries: spec.countries,
              payment_providers: paymentProviders,
              automatic_taxes: true,
              is_tax_inclusive: spec.pricesIncludeTax,
              metadata: { stock_location_id: locationIdsByWarehouse[spec.warehouse], warehouse: spec.warehouse },
            },
          ],
        },
      })
      region = result[0]
    }
    regionIdsByCurrency[spec.currency] = region.id
  }

  await seedRegionTaxInclusion(
    container,
    REGIONS.map((spec) => ({ spec, id: regionIdsByCurrency[spec.currency] }))
  )
  await seedTaxRegions(container, REGIONS)

  // Shipping: one fulfillment set per warehouse, one service zone per region it serves.
  let [shippingProfile] = await fulfillmentService.listShippingProfiles({ type: "default" })
  if (!shippingProfile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    shippingProfile = result[0]
  }
  for (const [warehouse, spec] of Object.entries(WAREHOUSES) as ["eu" | "us", (typeof WAREHOUSES)["eu"]][]) {
    const setName = `${spec.name} shipping`
    const [existing] = await fulfillmentService.listFulfillmentSets({ name: setName })
    if (existing) continue
    const served = REGIONS.filter((r) => r.warehouse === warehouse)
    const fulfillmentSet = await fulfillmentService.createFulfillmentSets({
      name: setName,
      type: "shipping",
      service_zones: served.map((r) => ({
        name: r.name,
        geo_zones: r.countries.map((country_code) => ({ type: "country" as const, country_code })),
      })),
    })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: locationIdsByWarehouse[warehouse] },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    })
    const options = served.flatMap((region) => {
      const zone = fulfillmentSet.service_zones.find((z) => z.name === region.name)!
      const regionId = regionIdsByCurrency[region.currency]
      return (["standard", "express"] as const).map((speed) => ({
        name: speed === "standard" ? "Standard delivery" : "Express delivery",
        price_type: "flat" as const,
        provider_id: "manual_manual",
        service_zone_id: zone.id,
        shipping_profile_id: shippingProfile.id,
        data: { delivery_days: DELIVERY_DAYS[speed] },
        type: {
          label: speed === "standard" ? "Standard" : "Express",
          description: speed === "standard" ? "Delivered in 2-4 working days." : "Delivered next working day.",
          code: speed,
        },
        prices: [
          { currency_code: region.currency, amount: region.shipping[speed] },
          { region_id: regionId, amount: region.shipping[speed] },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "false", operator: "eq" as const },
        ],
      }))
    })
    await createShippingOptionsWorkflow(container).run({ input: options })
  }
  // Shops seeded before options carried their business days get them now (checkout's delivery estimate).
  const undated = (await fulfillmentService.listShippingOptions({}, { relations: ["type"] })).filter(
    (o) => (o.type?.code === "standard" || o.type?.code === "express") && !(o.data as { delivery_days?: unknown } | null)?.delivery_days
  )
  if (undated.length) {
    await updateShippingOptionsWorkflow(container).run({
      input: undated.map((o) => ({ id: o.id, data: { ...o.data, delivery_days: DELIVERY_DAYS[o.type.code as "standard" | "express"] } })),
    })
  }

  // The storefront's publishable key, scoped to the sales channel.
  let [apiKey] = await apiKeyService.listApiKeys({ title: DEMO_API_KEY_TITLE, type: "publishable" })
  if (!apiKey) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: DEMO_API_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    apiKey = result[0]
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: apiKey.id, add: [salesChannel.id] } })
  }

  logger.info(`Store ready: ${REGIONS.length} regions, ${Object.keys(WAREHOUSES).length} warehouses.`)
  return {
    salesChannelId: salesChannel.id,
    shippingProfileId: shippingProfile.id,
    regionIdsByCurrency,
    locationIdsByWarehouse,
    publishableKey: apiKey.token,
  }
}
