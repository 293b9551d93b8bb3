import { model } from "@medusajs/framework/utils"

/**
 * One catalog product image as the ML sidecar's index knows it. image_id is the Medusa product
 * image id (also the id in the sidecar). A new or changed image waits as pending until the
 * sidecar has it; failed writes come back with growing next_attempt_at, and after
 * VISUAL_INDEX_MAX_ATTEMPTS the row is failed until an admin asks for a reindex.
 * model_version says which embedding model produced the indexed vector (reindex on upgrades).
 */
export const VisualImage = model
  .define("visual_image", {
    id: model.id({ prefix: "vimg" }).primaryKey(),
    product_id: model.text().index("IDX_visual_image_product_id"),
    image_id: model.text().unique(),
    image_url: model.text(),
    model_version: model.text().nullable(),
    status: model.enum(["pending", "indexed", "failed"]).default("pending"),
    attempts: model.number().default(0),
    last_error: model.text().nullable(),
    next_attempt_at: model.dateTime().nullable(),
    indexed_at: model.dateTime().nullable(),
  })
  .indexes([{ name: "IDX_visual_image_status_next_attempt", on: ["status", "next_attempt_at"] }])
