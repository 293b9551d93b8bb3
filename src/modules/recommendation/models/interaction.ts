import { model } from "@medusajs/framework/utils"
import { INTERACTION_KINDS } from "../constants"

/**
 * One thing a shopper did with a product (viewed, bought, liked, was shown it, ...): the
 * interaction log the collaborative recommender learns from. A signed-in shopper's rows carry
 * customer_id, a signed-out shopper's the guest id (moved to the account at sign-in).
 * customer_id is a read-only link to Medusa's customer (src/links/interaction-customer.ts).
 */
export const Interaction = model
  .define("interaction", {
    id: model.id({ prefix: "intr" }).primaryKey(),
    customer_id: model.text().nullable(),
    guest_id: model.text().nullable(),
    product_id: model.text(),
    kind: model.enum([...INTERACTION_KINDS]),
    // Where it happened ("for_you", "pdp", "complete_the_look", "lookbook", "social", "order", ...).
    surface: model.text().nullable(),
    // Small details: { order_id }, { position }, { action: "dismiss" }, ...
    value: model.json().nullable(),
    // Makes recording idempotent where an event may arrive twice ("order:<id>:<product>"): one row per key.
    dedup_key: model.text().nullable(),
  })
  .indexes([
    { name: "IDX_interaction_customer_created", on: ["customer_id", "created_at"], where: "deleted_at IS NULL AND customer_id IS NOT NULL" },
    { name: "IDX_interaction_guest_created", on: ["guest_id", "created_at"], where: "deleted_at IS NULL AND guest_id IS NOT NULL" },
    { name: "IDX_interaction_product", on: ["product_id"], where: "deleted_at IS NULL" },
    // The admin's recommendation figures: impressions, clicks, carts and purchases over a span of days.
    { name: "IDX_interaction_kind_created", on: ["kind", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_interaction_dedup_key_unique", on: ["dedup_key"], unique: true, where: "dedup_key IS NOT NULL" },
  ])
