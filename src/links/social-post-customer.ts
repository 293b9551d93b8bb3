import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import SocialModule from "../modules/social"

/**
 * A post's author. Read-only on customer_id (kept in the post, as every feed and profile query
 * filters by author); query.graph reaches `customer.first_name` for the display name.
 */
export default defineLink({ linkable: SocialModule.linkable.socialPost, field: "customer_id" }, CustomerModule.linkable.customer, { readOnly: true })
