import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StoreGetProductAvailabilityParamsType } from "./validators"
import { sellableUnits, shopperStockLocations, VARIANT_STOCK_FIELDS } from "../../../../../utils/stock-availability"

type VariantAvailability = {
  variant_id: string
  available_quantity: number | null
  in_stock: boolean
  manage_inventory: boolean
  allow_backorder: boolean
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
      ...VARIANT_STOCK_FIELDS,
    ],
    filters: { id: req.params.id },
  })
  const product = products[0]
  // Same answer for missing, unpublished and other channels' products: no hint that they exist.
  const sellable = product?.status === "published" && (product.sales_channels ?? []).some((sc) => sc && salesChannelIds.includes(sc.id))
  if (!sellable) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${req.params.id} was not found`)

  const { location_ids, stock_location_id } = await shopperStockLocations(query, regions[0], salesChannelIds)
  const locationIds = new Set(location_ids)

  const availability: VariantAvailability[] = (product.variants ?? []).filter(Boolean).map((variant) => {
    const manage = variant!.manage_inventory !== false
    const backorder = !!variant!.allow_backorder
    if (!manage) return { variant_id: variant!.id, available_quantity: null, in_stock: true, manage_inventory: false, allow_backorder: backorder }
    const units = sellableUnits(variant!.inventory_items ?? [], locationIds) ?? 0
    return { variant_id: variant!.id, available_quantity: units, in_stock: units > 0 || backorder, manage_inventory: true, allow_backorder: backorder }
  })

  res.json({ availability, stock_location_id })
}
