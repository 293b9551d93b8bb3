import { RemoteQueryFunction } from "@medusajs/framework/types"

/**
 * Stock as a shopper sees it, shared by the availability route and the product search index:
 * which warehouses serve a shopper, and how many units of a variant those warehouses can sell.
 */

export type LocationLevel = { location_id: string; stocked_quantity: unknown; reserved_quantity: unknown }
export type VariantInventoryLink = { required_quantity: unknown; inventory?: { location_levels?: (LocationLevel | null)[] | null } | null }
export type StockedVariant = {
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
  inventory_items?: (VariantInventoryLink | null)[] | null
}

/** query.graph fields of a product variant that sellableUnits and variantInStock read. */
export const STOCK_FIELDS = [
  "manage_inventory",
  "allow_backorder",
  "inventory_items.required_quantity",
  "inventory_items.inventory.location_levels.location_id",
  "inventory_items.inventory.location_levels.stocked_quantity",
  "inventory_items.inventory.location_levels.reserved_quantity",
]

/** The same below a product (`variants.…`). */
export const VARIANT_STOCK_FIELDS = STOCK_FIELDS.map((field) => `variants.${field}`)

/** The search index's key for "sellable wherever the shopper is": untracked or backorderable variants. */
export const SELLABLE_EVERYWHERE = "any"

/**
 * Units sellable from a set of locations, as Medusa's getVariantAvailability computes them: per
 * inventory item the stock (stocked − reserved) of those locations divided by the units the variant
 * needs, then the minimum over its items. null when the variant has no inventory items.
 */
export function sellableUnits(links: (VariantInventoryLink | null)[], locationIds: Set<string>): number | null {
  const present = links.filter((l): l is VariantInventoryLink => !!l)
  if (!present.length) return null
  const perItem = present.map((link) => {
    const available = (link.inventory?.location_levels ?? [])
      .filter((level): level is LocationLevel => !!level && locationIds.has(level.location_id))
      .reduce((sum, level) => sum + Number(level.stocked_quantity ?? 0) - Number(level.reserved_quantity ?? 0), 0)
    const required = Number(link.required_quantity ?? 1) || 1
    return Math.max(0, Math.floor(available / required))
  })
  return Math.min(...perItem)
}

/** A variant Medusa sells without counting stock: inventory not managed, or backorders allowed. */
export const sellsWithoutStock = (variant: StockedVariant) => variant.manage_inventory === false || !!variant.allow_backorder

/** Where one variant can be bought now: SELLABLE_EVERYWHERE, or each location that alone can fill a unit. */
export function variantInStockKeys(variant: StockedVariant): string[] {
  if (sellsWithoutStock(variant)) return [SELLABLE_EVERYWHERE]
  const links = variant.inventory_items ?? []
  const locations = new Set(
    links.flatMap((l) => (l?.inventory?.location_levels ?? []).map((level) => level?.location_id).filter((id): id is string => !!id))
  )
  return [...locations].filter((location) => (sellableUnits(links, new Set([location])) ?? 0) > 0).sort()
}

/**
 * Where a product can be bought now: SELLABLE_EVERYWHERE alone when some variant sells without
 * stock, otherwise every location that can sell some variant (an order ships from one location).
 * Keeping "any" apart from the locations lets a facet add the two counts without counting twice.
 */
export function inStockLocationKeys(variants: (StockedVariant | null)[]): string[] {
  const keys = new Set(variants.flatMap((v) => (v ? variantInStockKeys(v) : [])))
  return keys.has(SELLABLE_EVERYWHERE) ? [SELLABLE_EVERYWHERE] : [...keys].sort()
}

/**
 * THE definition of "in stock" for a shopper, used by search, product pages, lookbooks, product cards
 * and add-the-look: the variant sells without counting stock, or one of the locations serving the
 * shopper can fill `quantity` units on its own (an order ships from one location). With quantity 1
 * this is exactly what the search index stores per location (variantInStockKeys).
 */
export function variantInStock(variant: StockedVariant, locationIds: Iterable<string>, quantity = 1): boolean {
  if (sellsWithoutStock(variant)) return true
  const links = variant.inventory_items ?? []
  return [...new Set(locationIds)].some((location) => (sellableUnits(links, new Set([location])) ?? 0) >= quantity)
}

/** The search key for "size S sellable at location L" (or anywhere): `${location}|${size}`. */
export const sizeStockKey = (locationKey: string, size: string) => `${locationKey}|${size}`

export type ShopperStockLocations = {
  /** The locations whose stock the shopper can buy. */
  location_ids: string[]
  /** The region's own warehouse when it names one the key's channels use, else null. */
  stock_location_id: string | null
}

/**
 * The warehouses serving a shopper: the one the region names (metadata.stock_location_id), when it
 * serves the publishable key's sales channels; a region naming none (or no region) gets all the
 * channels' locations.
 */
export async function shopperStockLocations(
  query: Omit<RemoteQueryFunction, symbol>,
  region: { metadata?: Record<string, unknown> | null } | null,
  salesChannelIds: string[]
): Promise<ShopperStockLocations> {
  const channelLocationIds = await channelStockLocations(query, salesChannelIds)
  const regionLocationId = region?.metadata?.stock_location_id
  if (typeof regionLocationId === "string" && regionLocationId) {
    // A warehouse outside the key's channels does not ship this shop's orders: nothing to sell.
    const served = channelLocationIds.includes(regionLocationId)
    return { location_ids: served ? [regionLocationId] : [], stock_location_id: served ? regionLocationId : null }
  }
  return { location_ids: channelLocationIds, stock_location_id: null }
}

/** Every stock location of the given sales channels (what a shopper who names no region can buy from). */
export async function channelStockLocations(query: Omit<RemoteQueryFunction, symbol>, salesChannelIds: string[]): Promise<string[]> {
  if (!salesChannelIds.length) return []
  const { data } = await query.graph({
    entity: "sales_channel_locations",
    fields: ["stock_location_id"],
    filters: { sales_channel_id: salesChannelIds },
  })
  return [...new Set(data.map((l: { stock_location_id: string }) => l.stock_location_id))]
}
