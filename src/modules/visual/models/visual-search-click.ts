import { model } from "@medusajs/framework/utils"
import { VisualSearch } from "./visual-search"

/** A shopper opened a result of a visual search: which product, at which position (0-based) of the results. */
export const VisualSearchClick = model.define("visual_search_click", {
  id: model.id({ prefix: "vclk" }).primaryKey(),
  search: model.belongsTo(() => VisualSearch, { mappedBy: "clicks" }),
  product_id: model.text(),
  position: model.number(),
})
