import { model } from "@medusajs/framework/utils"
import { Outfit } from "./outfit"

/**
 * A catalog product (optionally one variant of it) that completes an outfit and the customer
 * does not own yet: what makes an outfit shoppable. product_id/variant_id are read-only links.
 */
export const OutfitProduct = model
  .define("wardrobe_outfit_product", {
    id: model.id({ prefix: "wrboprod" }).primaryKey(),
    product_id: model.text(),
    variant_id: model.text().nullable(),
    position: model.number().default(0),
    outfit: model.belongsTo(() => Outfit, { mappedBy: "products" }),
  })
  .indexes([{ name: "IDX_wardrobe_outfit_product_product_id", on: ["product_id"], where: "deleted_at IS NULL" }])
