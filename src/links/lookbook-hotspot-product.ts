import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import LookbookModule from "../modules/lookbook"

/**
 * The product of a hotspot's variant, kept beside variant_id so that product titles, handles
 * and thumbnails hydrate with query.graph (`hotspots.product.*`) and the product page can find
 * its lookbooks by one indexed column. Read-only on product_id.
 */
export default defineLink({ linkable: LookbookModule.linkable.lookbookHotspot, field: "product_id" }, ProductModule.linkable.product, {
  readOnly: true,
})
