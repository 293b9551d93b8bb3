import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import WardrobeModule from "../modules/wardrobe"

/**
 * The catalog variant a wardrobe item was bought as (items added from orders, or linked by the
 * customer). Read-only on variant_id: the id is part of the item's own record (and of its
 * order idempotency key), and a variant deleted from the catalog must not delete the item.
 */
export default defineLink({ linkable: WardrobeModule.linkable.wardrobeItem, field: "variant_id" }, ProductModule.linkable.productVariant, {
  readOnly: true,
})
