import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import RecommendationModule from "../modules/recommendation"

/** The product an interaction is about. Read-only: product_id lives in the row (indexed), so query.graph reaches `product.*` without a link table. */
export default defineLink({ linkable: RecommendationModule.linkable.interaction, field: "product_id" }, ProductModule.linkable.product, {
  readOnly: true,
})
