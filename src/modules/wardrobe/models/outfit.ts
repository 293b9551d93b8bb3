import { model } from "@medusajs/framework/utils"
import { WARDROBE_SEASONS } from "../constants"
import { OutfitItem } from "./outfit-item"
import { OutfitProduct } from "./outfit-product"
import { WearLog } from "./wear-log"

/** A named set of a customer's wardrobe items, optionally with catalog products they do not own yet. */
export const Outfit = model
  .define("wardrobe_outfit", {
    id: model.id({ prefix: "wrboutfit" }).primaryKey(),
    customer_id: model.text(),
    name: model.text().searchable(),
    occasion: model.text().nullable(),
    season: model.enum([...WARDROBE_SEASONS]).nullable(),
    notes: model.text().nullable(),
    items: model.hasMany(() => OutfitItem, { mappedBy: "outfit" }),
    products: model.hasMany(() => OutfitProduct, { mappedBy: "outfit" }),
    wear_logs: model.hasMany(() => WearLog, { mappedBy: "outfit" }),
  })
  .cascades({ delete: ["items", "products", "wear_logs"] })
  .indexes([{ name: "IDX_wardrobe_outfit_customer_id", on: ["customer_id", "created_at"], where: "deleted_at IS NULL" }])
