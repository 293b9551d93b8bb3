import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import SocialModule from "../modules/social"

/**
 * The catalog product a post shows: what makes a post shoppable. Read-only on product_id, so
 * `tags.product.title` hydrates with query.graph and a product deleted later never deletes posts.
 */
export default defineLink({ linkable: SocialModule.linkable.socialPostTag, field: "product_id" }, ProductModule.linkable.product, { readOnly: true })
