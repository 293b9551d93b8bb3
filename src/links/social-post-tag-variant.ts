import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import SocialModule from "../modules/social"

/** The exact variant a tag names (size, colour), when the author chose one. Read-only on variant_id. */
export default defineLink({ linkable: SocialModule.linkable.socialPostTag, field: "variant_id" }, ProductModule.linkable.productVariant, {
  readOnly: true,
})
