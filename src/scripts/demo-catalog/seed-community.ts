import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SIZE_OPTION } from "../../catalog/product-choices"
import { RECOMMENDATION_MODULE } from "../../modules/recommendation/constants"
import type RecommendationModuleService from "../../modules/recommendation/service"
import { slotOfCategory } from "../../recommendation-catalog/catalog"
import { StockedVariant, VARIANT_STOCK_FIELDS, variantInStock } from "../../utils/stock-availability"
import { CommunityProduct, CommunityVariant, simulateCommunity } from "./community"
import { DemoProduct } from "./generate-catalog"
import { SeededStore } from "./seed-store"
import { REGIONS } from "./vocabulary"

/** Interactions per recordInteractions call: one transaction each. */
const BATCH_SIZE = 1000

type ProductRow = {
  id: string
  handle: string
  metadata?: Record<string, unknown> | null
  categories?: ({ handle?: string | null } | null)[] | null
  variants?:
    | (
        | (StockedVariant & {
            id: string
            metadata?: Record<string, unknown> | null
            options?: ({ value?: string | null; option?: { title?: string | null } | null } | null)[] | null
            prices?: ({ amount?: unknown; currency_code?: string | null; rules_count?: number | null } | null)[] | null
          })
        | null
      )[]
    | null
}

const words = (v: unknown): string[] => (Array.isArray(v) ? v.filter((w): w is string => typeof w === "string").map((w) => w.toLowerCase()) : [])
const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null)

/**
 * The seeded demo products as the community sees them: category, brand, pattern, season, occasions and colour
 * families from the product, and per variant its size, its price in each currency and the regions whose
 * warehouse (the region's stock location, by the one "in stock" rule) can sell it now.
 */
export async function readCommunityCatalog(container: MedusaContainer, store: SeededStore, catalog: DemoProduct[]): Promise<CommunityProduct[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "handle",
      "metadata",
      "categories.handle",
      "variants.id",
      "variants.metadata",
      "variants.options.value",
      "variants.options.option.title",
      "variants.prices.amount",
      "variants.prices.currency_code",
      "variants.prices.rules_count",
      ...VARIANT_STOCK_FIELDS,
    ],
    filters: { handle: catalog.map((p) => p.handle) },
  })
  const regionLocations = REGIONS.map((r) => ({ currency: r.currency, location: store.locationIdsByWarehouse[r.warehouse] }))

  const products: CommunityProduct[] = []
  for (const row of data as unknown as ProductRow[]) {
    const category = (row.categories ?? []).map((c) => c?.handle).find((h): h is string => !!h && !!slotOfCategory(h))
    if (!category) continue
    const metadata = row.metadata ?? {}
    const variants: CommunityVariant[] = (row.variants ?? []).flatMap((v) => {
      if (!v) return []
      const prices: Record<string, number> = {}
      // Prices without rules are the variant's price in a currency (the demo sets no region or price-list rules).
      for (const price of v.prices ?? []) {
        if (price?.currency_code && !price.rules_count) prices[price.currency_code.toLowerCase()] = Number(price.amount)
      }
      const size = text((v.options ?? []).find((o) => SIZE_OPTION.test(o?.option?.title ?? ""))?.value)
      return [
        {
          id: v.id,
          size,
          colour_family: text(v.metadata?.colour_family),
          prices,
          in_stock: regionLocations.filter((r) => variantInStock(v, [r.location])).map((r) => r.currency),
        },
      ]
    })
    products.push({
      id: row.id,
      handle: row.handle,
      category_handle: category,
      slot: slotOfCategory(category)!,
      brand: text(metadata.brand),
      pattern: text(metadata.pattern),
      season: text(metadata.season),
      occasions: words(metadata.occasions),
      colour_families: words(metadata.colour_families),
      variants,
    })
  }
  return products
}

export type SeededCommunity = { shoppers: number; interactions: number; recorded: number; seconds: number }

/**
 * Gives the demo a community (community.ts): a few hundred simulated shoppers whose views, likes, carts and
 * purchases of the seeded catalog over the past weeks go into the recommendation module's interaction log, so
 * that "for you" and complete the look are collaborative from the first visit. Every row has a stable dedup
 * key: running the seed again records nothing new (and completes a community an interrupted run left half
 * written). Its times are relative to when it first ran.
 */
export async function seedCommunity(container: MedusaContainer, store: SeededStore, catalog: DemoProduct[]): Promise<SeededCommunity> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const recommendation = container.resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
  const started = Date.now()

  const products = await readCommunityCatalog(container, store, catalog)
  const read = Date.now()
  const { shoppers, interactions } = simulateCommunity(products)
  const simulated = Date.now()
  let recorded = 0
  for (let start = 0; start < interactions.length; start += BATCH_SIZE) {
    recorded += await recommendation.recordInteractions(interactions.slice(start, start + BATCH_SIZE))
  }
  const seconds = (Date.now() - started) / 1000
  const phase = (from: number, to: number) => ((to - from) / 1000).toFixed(1)
  logger.info(
    `Community: ${shoppers.length} simulated shoppers, ${interactions.length} interactions with ${products.length} products, ` +
      `${recorded} recorded (${interactions.length - recorded} already there) in ${seconds.toFixed(1)} s ` +
      `(catalog ${phase(started, read)} s, simulation ${phase(read, simulated)} s, writing ${phase(simulated, Date.now())} s).`
  )
  return { shoppers: shoppers.length, interactions: interactions.length, recorded, seconds }
}
