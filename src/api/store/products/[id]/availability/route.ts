import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StoreGetProductAvailabilityParamsType } from "./validators"

type VariantAvailability = {
  variant_id: string
  available_quantity: number | null
  in_stock: boolean
  manage_inventory: boolean
  allow_backorder: boolean
}

type LocationLevel = { location_id: string; stocked_quantity: unknown; reserved_quantity: unknown }
type VariantInventoryLink = { required_quantity: unknown; inventory?: { location_levels?: LocationLevel[] | null } | null }

/**
 * Units sellable per location set, as Medusa's getVariantAvailability computes them: per inventory
 * item the stock (stocked − reserved) of the given locations divided by the units the variant needs,
 * then the minimum over its items. null when the variant has no inventory items.
 */
function sellableUnits(links: VariantInventoryLink[], locationIds: Set<string>): number | null {
  if (!links.length) return null
  const perItem = links.map((link) => {
    const available = (link.inventory?.location_levels ?? [])
      .filter((level) => locationIds.has(level.location_id))
      .reduce((sum, level) => sum + Number(level.stocked_quantity ?? 0) - Number(level.reserved_quantity ?? 0), 0)
    const required = Number(link.required_quantity ?? 1) || 1
    return Math.max(0, Math.floor(available / required))
  })
  return Math.min(...perItem)
}

/**
 * Stock per variant of a published product in the shopper's region: only the warehouse named by
 * the region (metadata.stock_location_id) counts, and only when it serves the publishable key's
 * sales channels; a region naming no warehouse gets the stock of all the channels' locations.
 */
export const GET = async (req: MedusaStoreRequest<unknown, StoreGetProductAvailabilityParamsType>, res: MedusaResponse) => {
  const { region_id } = req.validatedQuery as StoreGetProductAvailabilityParamsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids ?? []

  const { data: regions } = await query.graph({ entity: "region", fields: ["id", "metadata"], filters: { id: region_id } })
  if (!regions[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Region with id: ${region_id} was not found`)

  const { data: products } = await query.graph({
    entity: "product",
    fields: [
      "id",
      "status",
      "sales_channels.id",
      "variants.id",
      "variants.manage_inventory",
      "variants.allow_backorder",
      "variants.inventory_items.required_quantity",
      "variants.inventory_items.inventory.location_levels.location_id",
      "variants.inventory_items.inventory.location_levels.stocked_quantity",
      "variants.inventory_items.inventory.location_levels.reserved_quantity",
    ],
    filters: { id: req.params.id },
  })
  const product = products[0]
  // Same answer for missing, unpublished and other channels' products: no hint that they exist.
  const sellable = product?.status === "published" && (product.sales_channels ?? []).some((sc) => sc && salesChannelIds.includes(sc.id))
  if (!sellable) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${req.params.id} was not found`)

  const { data: channelLocations } = salesChannelIds.length
    ? await query.graph({ entity: "sales_channel_locations", fields: ["stock_location_id"], filters: { sales_channel_id: salesChannelIds } })
    : { data: [] as { stock_location_id: string }[] }
  const channelLocationIds = new Set(channelLocations.map((l) => l.stock_location_id))

  const regionLocationId = regions[0].metadata?.stock_location_id
  const locationIds =
    typeof regionLocationId === "string" && regionLocationId
      ? // A warehouse outside the key's channels does not ship this shop's orders: nothing to sell.
        new Set(channelLocationIds.has(regionLocationId) ? [regionLocationId] : [])
      : channelLocationIds
  const stockLocationId = typeof regionLocationId === "string" && channelLocationIds.has(regionLocationId) ? regionLocationId : null

  const availability: VariantAvailability[] = (product.variants ?? []).filter(Boolean).map((variant) => {
    const manage = variant!.manage_inventory !== false
    const backorder = !!variant!.allow_backorder
    if (!manage) return { variant_id: variant!.id, available_quantity: null, in_stock: true, manage_inventory: false, allow_backorder: backorder }
    const units = sellableUnits(((variant!.inventory_items ?? []) as VariantInventoryLink[]).filter(Boolean), locationIds) ?? 0
    return { variant_id: variant!.id, available_quantity: units, in_stock: units > 0 || backorder, manage_inventory: true, allow_backorder: backorder }
  })

  res.json({ availability, stock_location_id: stockLocationId })
}
