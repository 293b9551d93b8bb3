import { model } from "@medusajs/framework/utils"
import { VisualSearchClick } from "./visual-search-click"

/**
 * One photo search (kind "photo") or "more like this" search (kind "similar") of the store, for
 * the admin's analytics: whether a garment was found, how many results came back and how many of
 * them can be bought, and how long it took. The photo itself is never kept.
 */
export const VisualSearch = model
  .define("visual_search", {
    id: model.id({ prefix: "vsrch" }).primaryKey(),
    customer_id: model.text().nullable(),
    region_id: model.text().nullable(),
    kind: model.enum(["photo", "similar"]),
    item_count: model.number(),
    garment_found: model.boolean(),
    result_count: model.number(),
    purchasable_count: model.number(),
    latency_ms: model.number(),
    clicks: model.hasMany(() => VisualSearchClick, { mappedBy: "search" }),
  })
  // The analytics read searches by day.
  .indexes([{ name: "IDX_visual_search_created_at", on: ["created_at"] }])
