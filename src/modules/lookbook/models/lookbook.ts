import { model } from "@medusajs/framework/utils"
import { LOOKBOOK_STATUSES } from "../constants"
import { LookbookLook } from "./look"

/**
 * An editorial collection of looks (a season's story, a campaign). Shoppers see it in the
 * store once published; `position` orders lookbooks in the store's list.
 */
export const Lookbook = model
  .define("lookbook", {
    id: model.id({ prefix: "lkbk" }).primaryKey(),
    title: model.text().searchable(),
    handle: model.text(),
    description: model.text().nullable(),
    cover_image_url: model.text().nullable(),
    cover_image_file_id: model.text().nullable(),
    status: model.enum([...LOOKBOOK_STATUSES]).default("draft"),
    season: model.text().nullable(),
    position: model.number().default(0),
    published_at: model.dateTime().nullable(),
    looks: model.hasMany(() => LookbookLook, { mappedBy: "lookbook" }),
  })
  .cascades({ delete: ["looks"] })
  .indexes([
    { name: "IDX_lookbook_handle_unique", on: ["handle"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_lookbook_status_position", on: ["status", "position"], where: "deleted_at IS NULL" },
  ])
