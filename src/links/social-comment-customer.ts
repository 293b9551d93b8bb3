import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import SocialModule from "../modules/social"

/** A comment's author, read-only on customer_id, for the display name shown beside it. */
export default defineLink({ linkable: SocialModule.linkable.socialComment, field: "customer_id" }, CustomerModule.linkable.customer, {
  readOnly: true,
})
