import { model } from "@medusajs/framework/utils"
import { LookbookHotspot } from "./hotspot"
import { Lookbook } from "./lookbook"

/**
 * One photo of a lookbook with its shoppable hotspots. `view_count` and `add_to_cart_count`
 * are only ever changed by the service's atomic increment (one UPDATE ... SET n = n + k), so
 * concurrent shoppers never overwrite each other's counts.
 */
export const LookbookLook = model
  .define("lookbook_look", {
    id: model.id({ prefix: "lkbklook" }).primaryKey(),
    image_url: model.text(),
    image_file_id: model.text().nullable(),
    width: model.number(),
    height: model.number(),
    notes: model.text().nullable(),
    position: model.number().default(0),
    view_count: model.number().default(0),
    add_to_cart_count: model.number().default(0),
    lookbook: model.belongsTo(() => Lookbook, { mappedBy: "looks" }),
    hotspots: model.hasMany(() => LookbookHotspot, { mappedBy: "look" }),
  })
  .cascades({ delete: ["hotspots"] })
  .indexes([{ name: "IDX_lookbook_look_lookbook_position", on: ["lookbook_id", "position"], where: "deleted_at IS NULL" }])
