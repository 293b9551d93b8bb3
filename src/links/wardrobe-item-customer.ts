import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import WardrobeModule from "../modules/wardrobe"

/**
 * A wardrobe item's owner. Read-only (no link table): customer_id lives in the item itself
 * because every wardrobe query filters by owner, and a column filter is cheaper and safer
 * than a join through a link table. query.graph can still reach `customer.*` from an item.
 */
export default defineLink({ linkable: WardrobeModule.linkable.wardrobeItem, field: "customer_id" }, CustomerModule.linkable.customer, {
  readOnly: true,
})
