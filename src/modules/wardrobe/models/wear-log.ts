import { model } from "@medusajs/framework/utils"
import { Outfit } from "./outfit"
import { WardrobeItem } from "./wardrobe-item"

/**
 * One day something was worn. An item worn alone: item set, outfit empty. An outfit worn:
 * one row for the outfit (item empty) and one per item in it (both set), so that an item's
 * history stays true when the outfit is edited later.
 */
export const WearLog = model
  .define("wardrobe_wear_log", {
    id: model.id({ prefix: "wrbwear" }).primaryKey(),
    customer_id: model.text(),
    worn_on: model.dateTime(),
    item: model.belongsTo(() => WardrobeItem, { mappedBy: "wear_logs" }).nullable(),
    outfit: model.belongsTo(() => Outfit, { mappedBy: "wear_logs" }).nullable(),
  })
  .indexes([
    { name: "IDX_wardrobe_wear_log_customer_worn_on", on: ["customer_id", "worn_on"], where: "deleted_at IS NULL" },
    { name: "IDX_wardrobe_wear_log_item_worn_on", on: ["item_id", "worn_on"], where: "deleted_at IS NULL" },
    { name: "IDX_wardrobe_wear_log_outfit_worn_on", on: ["outfit_id", "worn_on"], where: "deleted_at IS NULL" },
  ])
