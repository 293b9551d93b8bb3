import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import RecommendationModule from "../modules/recommendation"

/**
 * The shopper of a logged interaction. Read-only (no link table): the log is written often and
 * read per customer and time (an index on customer_id, created_at), which a join table would slow.
 */
export default defineLink({ linkable: RecommendationModule.linkable.interaction, field: "customer_id" }, CustomerModule.linkable.customer, {
  readOnly: true,
})
