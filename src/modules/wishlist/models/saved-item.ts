import { model } from "@medusajs/framework/utils"

/**
 * A product a signed-in customer saved for later ("saved items"). customer_id and product_id
 * are ids of Medusa's customer and product; one row per pair, so saving twice changes nothing.
 */
export const SavedItem = model
  .define("saved_item", {
    id: model.id({ prefix: "saved" }).primaryKey(),
    customer_id: model.text(),
    product_id: model.text(),
  })
  .indexes([
    { name: "IDX_saved_item_customer_product_unique", on: ["customer_id", "product_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_saved_item_customer_created", on: ["customer_id", "created_at"], where: "deleted_at IS NULL" },
  ])
