import { model } from "@medusajs/framework/utils"
import { WARDROBE_ITEM_SOURCES, WARDROBE_SEASONS } from "../constants"
import { OutfitItem } from "./outfit-item"
import { WearLog } from "./wear-log"

/**
 * A garment or accessory a customer owns. `customer_id`, `product_id` and `variant_id`
 * are read-only links to Medusa's customer and catalog (src/links): the owner lives in
 * the row so every query can filter by it without a join.
 */
export const WardrobeItem = model
  .define("wardrobe_item", {
    id: model.id({ prefix: "wrbitem" }).primaryKey(),
    customer_id: model.text(),
    name: model.text().searchable(),
    category: model.text().nullable(),
    // text[]: filtering by colour is an array containment query (@>), indexed with GIN.
    colours: model.array().default([]),
    brand: model.text().searchable().nullable(),
    size: model.text().nullable(),
    price_paid: model.bigNumber().nullable(),
    currency_code: model.text().nullable(),
    material: model.text().nullable(),
    season: model.enum([...WARDROBE_SEASONS]).nullable(),
    notes: model.text().searchable().nullable(),
    photo_url: model.text().nullable(),
    photo_file_id: model.text().nullable(),
    // When the customer got it; stats count "not worn in 90 days" only for items owned that long.
    acquired_on: model.dateTime().nullable(),
    source: model.enum([...WARDROBE_ITEM_SOURCES]).default("manual"),
    product_id: model.text().nullable(),
    variant_id: model.text().nullable(),
    order_id: model.text().nullable(),
    line_item_id: model.text().nullable(),
    outfit_items: model.hasMany(() => OutfitItem, { mappedBy: "item" }),
    wear_logs: model.hasMany(() => WearLog, { mappedBy: "item" }),
  })
  .cascades({ delete: ["outfit_items", "wear_logs"] })
  .indexes([
    { name: "IDX_wardrobe_item_customer_id", on: ["customer_id", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_wardrobe_item_customer_category", on: ["customer_id", "category"], where: "deleted_at IS NULL" },
    { name: "IDX_wardrobe_item_colours", on: ["colours"], type: "GIN", where: "deleted_at IS NULL" },
    {
      // One live item per purchased variant of an order: the database's guard against two runs of
      // the order workflow at once (the workflow itself also skips removed ones, see its step).
      name: "IDX_wardrobe_item_order_variant_unique",
      on: ["order_id", "variant_id"],
      unique: true,
      where: "order_id IS NOT NULL",
    },
  ])
