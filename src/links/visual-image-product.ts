import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import VisualModule from "../modules/visual"

/**
 * The product of an indexed image, so that the admin's failure list and the reconcile job read
 * product titles and status with query.graph (`visual_image.product.*`). Read-only on product_id.
 */
export default defineLink({ linkable: VisualModule.linkable.visualImage, field: "product_id" }, ProductModule.linkable.product, {
  readOnly: true,
})
