import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import RecommendationModule from "../modules/recommendation"

/**
 * A style profile's owner. Read-only (no link table): customer_id lives in the profile, one per
 * customer (a unique index), so reading "my profile" is one indexed lookup; query.graph can still
 * reach `customer.*` from a profile. Guest profiles have no customer until sign-in.
 */
export default defineLink({ linkable: RecommendationModule.linkable.styleProfile, field: "customer_id" }, CustomerModule.linkable.customer, {
  readOnly: true,
})
