import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import WardrobeModule from "../modules/wardrobe"

/** An outfit's owner; read-only on customer_id for the same reason as wardrobe items. */
export default defineLink({ linkable: WardrobeModule.linkable.wardrobeOutfit, field: "customer_id" }, CustomerModule.linkable.customer, {
  readOnly: true,
})
