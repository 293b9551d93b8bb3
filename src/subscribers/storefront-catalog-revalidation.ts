import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { MedusaContainer } from "@medusajs/framework/types"
import {
  ContainerRegistrationKeys,
  InventoryLevelWorkflowEvents,
  Modules,
  PricingEvents,
  ProductVariantWorkflowEvents,
  ProductWorkflowEvents,
  ReservationItemWorkflowEvents,
} from "@medusajs/framework/utils"
import { requestStorefrontRevalidation, storefrontRevalidationEnabled } from "../catalog/storefront-revalidation"
import { LookbookWorkflowEvents } from "../modules/lookbook/events"
import type { CatalogCacheTag } from "../types/http/storefront-revalidation"

const PRODUCT_EVENTS: string[] = [ProductWorkflowEvents.CREATED, ProductWorkflowEvents.UPDATED, ProductWorkflowEvents.DELETED]
const VARIANT_EVENTS: string[] = [ProductVariantWorkflowEvents.CREATED, ProductVariantWorkflowEvents.UPDATED, ProductVariantWorkflowEvents.DELETED]
/**
 * The Pricing Module's own events (Medusa emits no workflow event for a price list's prices, and a
 * price set's edit through the variant route emits only product-variant.updated beside these).
 * Their ids are of prices, rules and lists: every listing shows prices, so the whole catalog goes.
 */
const PRICE_EVENTS: string[] = [
  PricingEvents.PRICE_CREATED,
  PricingEvents.PRICE_UPDATED,
  PricingEvents.PRICE_DELETED,
  PricingEvents.PRICE_RULE_CREATED,
  PricingEvents.PRICE_RULE_UPDATED,
  PricingEvents.PRICE_RULE_DELETED,
  PricingEvents.PRICE_LIST_CREATED,
  PricingEvents.PRICE_LIST_UPDATED,
  PricingEvents.PRICE_LIST_DELETED,
  PricingEvents.PRICE_LIST_RULE_CREATED,
  PricingEvents.PRICE_LIST_RULE_UPDATED,
  PricingEvents.PRICE_LIST_RULE_DELETED,
]
const INVENTORY_LEVEL_EVENTS: string[] = [
  InventoryLevelWorkflowEvents.CREATED,
  InventoryLevelWorkflowEvents.UPDATED,
  InventoryLevelWorkflowEvents.DELETED,
]
const RESERVATION_EVENTS: string[] = [
  ReservationItemWorkflowEvents.CREATED,
  ReservationItemWorkflowEvents.UPDATED,
  ReservationItemWorkflowEvents.DELETED,
]
const LOOKBOOK_EVENTS: string[] = [LookbookWorkflowEvents.CREATED, LookbookWorkflowEvents.UPDATED, LookbookWorkflowEvents.DELETED]

const productTag = (id: string): CatalogCacheTag => `product-${id}`

/** The products whose variants hold these inventory items (deleted links included). */
async function productIdsOfInventoryItems(container: MedusaContainer, inventoryItemIds: string[]): Promise<string[]> {
  if (!inventoryItemIds.length) return []
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "variants.product_id"],
    filters: { id: inventoryItemIds },
    withDeleted: true,
  })
  const ids = data.flatMap((item) => (item.variants ?? []).map((v) => v?.product_id))
  return [...new Set(ids.filter((id): id is string => !!id))]
}

/** The storefront tags a catalog event changes; empty when it changes nothing shoppers see. */
async function tagsForEvent(container: MedusaContainer, name: string, data: { id?: string; order_id?: string }): Promise<CatalogCacheTag[]> {
  const id = data.id
  if (PRODUCT_EVENTS.includes(name)) return id ? ["products", productTag(id)] : ["products"]
  if (LOOKBOOK_EVENTS.includes(name)) return id ? ["lookbooks", `lookbook-${id}`] : ["lookbooks"]
  if (PRICE_EVENTS.includes(name)) return ["products"]
  if (!id) return []
  if (VARIANT_EVENTS.includes(name)) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: variants } = await query.graph({ entity: "product_variant", fields: ["product_id"], filters: { id }, withDeleted: true })
    const productId = variants[0]?.product_id
    return productId ? ["products", productTag(productId)] : ["products"]
  }
  const inventory = container.resolve(Modules.INVENTORY)
  if (INVENTORY_LEVEL_EVENTS.includes(name)) {
    const levels = await inventory.listInventoryLevels({ id }, { select: ["inventory_item_id"], withDeleted: true })
    const itemIds = levels.map((l) => l.inventory_item_id)
    const products = (await productIdsOfInventoryItems(container, itemIds)).map(productTag)
    // An order's stock movement is handled like a reservation (below); a merchant's edit can turn
    // any listing's "in stock", so the whole catalog goes.
    return data.order_id ? products : ["products", ...products]
  }
  if (RESERVATION_EVENTS.includes(name)) {
    // Orders reserve stock all day long: only the products' own reads (their regional stock) expire at
    // once, so that listings stay cached in a busy shop; their "in stock" follows by time.
    const reservations = await inventory.listReservationItems({ id }, { select: ["inventory_item_id"], withDeleted: true })
    const itemIds = reservations.map((r) => r.inventory_item_id)
    return (await productIdsOfInventoryItems(container, itemIds)).map(productTag)
  }
  return []
}

/**
 * A product, its variants, prices, stock or a lookbook changed: the storefront's cached catalog
 * reads with those tags expire, so shoppers see the change on their next page. Runs after the write
 * has answered and never fails it; without STOREFRONT_URL and STOREFRONT_REVALIDATE_SECRET it does nothing.
 */
export default async function storefrontCatalogRevalidationHandler({ event, container }: SubscriberArgs<{ id?: string; order_id?: string }>) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  if (!storefrontRevalidationEnabled(logger)) return
  try {
    const tags = await tagsForEvent(container, event.name, event.data ?? {})
    if (tags.length) requestStorefrontRevalidation(tags, logger)
  } catch (error) {
    // The product that changed cannot be told (its rows are gone): the whole catalog goes instead.
    logger.warn(`storefront cache revalidation for ${event.name} ${event.data?.id ?? ""}: ${(error as Error).message}; expiring the whole catalog`)
    requestStorefrontRevalidation(["products"], logger)
  }
}

export const config: SubscriberConfig = {
  event: [...PRODUCT_EVENTS, ...VARIANT_EVENTS, ...PRICE_EVENTS, ...INVENTORY_LEVEL_EVENTS, ...RESERVATION_EVENTS, ...LOOKBOOK_EVENTS],
  context: { subscriberId: "curator-storefront-catalog-revalidation" },
}
