import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { productCards } from "../../../../catalog/product-card"
import { productChoices } from "../../../../catalog/product-choices"
import { queryPublishedLookbook } from "../../../lookbooks/queries"
import { hotspotProductIds, hotspotVariantIds, serializeStoreLookbook } from "../../../lookbooks/serializers"
import { asksFor, pickFields } from "../../../utils/allowed-fields"
import { StoreGetLookbookParamsType } from "../validators"

/**
 * A published lookbook by handle (or id) with its looks and shoppable hotspots, each with the product
 * card of its variant: price and stock for the shopper's region (`region_id` or `country_code`,
 * resolved by the shopperContext middleware), stock at every location of the key's sales channels
 * without one. Each hotspot also carries every variant of its product, so the shopper picks the size.
 */
export const GET = async (req: MedusaStoreRequest<unknown, StoreGetLookbookParamsType>, res: MedusaResponse) => {
  const fields = req.queryConfig.fields
  const row = await queryPublishedLookbook(req.scope, req.params.id)
  const hotspots = asksFor(fields, "looks.hotspots")
  const choices = hotspots ? await productChoices(req.scope, hotspotProductIds(row)) : new Map()
  const cards = hotspots
    ? await productCards(req.scope, {
        // Every variant of the pieces' products, so that each size is priced by its own card.
        variant_ids: [...hotspotVariantIds(row), ...[...choices.values()].flatMap((c) => c.variant_ids)],
        shopper: req.shopper ?? null,
        sales_channel_ids: req.publishable_key_context?.sales_channel_ids ?? [],
      })
    : null
  res.json({ lookbook: pickFields(serializeStoreLookbook(row, cards?.variants ?? new Map(), choices), fields) })
}
