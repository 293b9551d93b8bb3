import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import LookbookModule from "../modules/lookbook"

/**
 * The product variant a lookbook hotspot sells. Read-only on variant_id (stored in the hotspot
 * row): a variant deleted from the catalog must not delete the hotspot; the store reports it
 * as "variant_deleted" instead. query.graph reaches `product_variant.*` from a hotspot.
 */
export default defineLink({ linkable: LookbookModule.linkable.lookbookHotspot, field: "variant_id" }, ProductModule.linkable.productVariant, {
  readOnly: true,
})
