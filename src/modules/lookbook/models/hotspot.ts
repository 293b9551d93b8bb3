import { model } from "@medusajs/framework/utils"
import { LookbookLook } from "./look"

/**
 * A point on a look's image (x, y as fractions 0..1 of its width and height, so it stays put
 * however the image is scaled) that sells one product variant. variant_id and product_id are
 * read-only links to the catalog (src/links/lookbook-hotspot-*.ts); product_id is kept beside
 * the variant so that "lookbooks featuring this product" is one indexed filter.
 */
export const LookbookHotspot = model
  .define("lookbook_hotspot", {
    id: model.id({ prefix: "lkbkhot" }).primaryKey(),
    x: model.float(),
    y: model.float(),
    product_id: model.text(),
    variant_id: model.text(),
    position: model.number().default(0),
    look: model.belongsTo(() => LookbookLook, { mappedBy: "hotspots" }),
  })
  .checks([
    { name: "lookbook_hotspot_x_range", expression: (columns) => `${columns.x} >= 0 AND ${columns.x} <= 1` },
    { name: "lookbook_hotspot_y_range", expression: (columns) => `${columns.y} >= 0 AND ${columns.y} <= 1` },
  ])
  .indexes([
    { name: "IDX_lookbook_hotspot_product_id", on: ["product_id"], where: "deleted_at IS NULL" },
    { name: "IDX_lookbook_hotspot_variant_id", on: ["variant_id"], where: "deleted_at IS NULL" },
  ])
