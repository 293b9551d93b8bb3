import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import WardrobeModule from "../modules/wardrobe"

/**
 * The catalog product an outfit suggests buying, so that `products.product.*` hydrates titles,
 * images and prices with query.graph. Read-only on product_id (stored in the outfit product row).
 */
export default defineLink({ linkable: WardrobeModule.linkable.wardrobeOutfitProduct, field: "product_id" }, ProductModule.linkable.product, {
  readOnly: true,
})
