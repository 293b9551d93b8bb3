import { model } from "@medusajs/framework/utils"
import { Outfit } from "./outfit"
import { WardrobeItem } from "./wardrobe-item"

/** A wardrobe item's place in an outfit. */
export const OutfitItem = model
  .define("wardrobe_outfit_item", {
    id: model.id({ prefix: "wrboitem" }).primaryKey(),
    position: model.number().default(0),
    outfit: model.belongsTo(() => Outfit, { mappedBy: "items" }),
    item: model.belongsTo(() => WardrobeItem, { mappedBy: "outfit_items" }),
  })
  .indexes([{ name: "IDX_wardrobe_outfit_item_unique", on: ["outfit_id", "item_id"], unique: true, where: "deleted_at IS NULL" }])
