import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, ProductStatus } from "@medusajs/framework/utils"
import { StoreProductAvailabilityResponse, VariantAvailability } from "../../../../../types/http/product-card"
import { sellableUnits, STOCK_FIELDS, StockedVariant, variantInStock } from "../../../../../utils/stock-availability"
import { StoreGetProductAvailabilityParamsType } from "./validators"

type AvailabilityProductRow = {
  id: string
  status: string
  sales_channels?: ({ id: string } | null)[] | null
  variants?: ((StockedVariant & { id: string }) | null)[] | null
}

/**
 * Stock per variant of a published product in the shopper's region (req.shopper, from `region_id`):
 * units at the locations serving the region for the key's channels (src/shopper/context.ts), and
 * "in stock" by the one definition (variantInStock) that search, lookbooks and add-the-look use.
 */
export const GET = async (
  req: MedusaStoreRequest<unknown, StoreGetProductAvailabilityParamsType>,
  res: MedusaResponse<StoreProductAvailabilityResponse>
) => {
  // region_id is required by the validator, so the shopper context is always resolved here.
  const shopper = req.shopper!
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "status", "sales_channels.id", "variants.id", ...STOCK_FIELDS.map((f) => `variants.${f}`)],
    filters: { id: req.params.id },
  })
  const product = data[0] as unknown as AvailabilityProductRow | undefined
  // Same answer for missing, unpublished and other channels' products: no hint that they exist.
  const sellable =
    product?.status === ProductStatus.PUBLISHED && (product.sales_channels ?? []).some((sc) => !!sc && shopper.sales_channel_ids.includes(sc.id))
  if (!product || !sellable) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${req.params.id} was not found`)

  const locationIds = new Set(shopper.stock_location_ids)
  const availability = (product.variants ?? [])
    .filter((v): v is StockedVariant & { id: string } => !!v)
    .map((variant): VariantAvailability => {
      const manage = variant.manage_inventory !== false
      return {
        variant_id: variant.id,
        // Units the shopper's locations hold together; null when stock is not counted.
        available_quantity: manage ? (sellableUnits(variant.inventory_items ?? [], locationIds) ?? 0) : null,
        in_stock: variantInStock(variant, locationIds),
        manage_inventory: manage,
        allow_backorder: !!variant.allow_backorder,
      }
    })

  res.json({ availability, stock_location_id: shopper.stock_location_id })
}
