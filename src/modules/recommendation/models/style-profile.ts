import { model } from "@medusajs/framework/utils"
import { FITS } from "../constants"

/**
 * A shopper's style profile: a signed-in customer's (customer_id) or a signed-out shopper's
 * (guest_id, the random id of the guest cookie the Store API sets), never both. A guest's
 * profile moves into the account when the shopper signs in. customer_id is a read-only link to
 * Medusa's customer (src/links/style-profile-customer.ts).
 */
export const StyleProfile = model
  .define("style_profile", {
    id: model.id({ prefix: "stprof" }).primaryKey(),
    customer_id: model.text().nullable(),
    guest_id: model.text().nullable(),
    // { <category handle>: <size> }, sizes checked per category (profile.ts).
    sizes: model.json().nullable(),
    // { max_item, max_outfit, currency_code }: amounts in major units of currency_code.
    budget: model.json().nullable(),
    // text[]: the recommenders filter and score by these (GIN-indexable containment).
    colours_liked: model.array().default([]),
    colours_avoided: model.array().default([]),
    styles: model.array().default([]),
    brands: model.array().default([]),
    occasions: model.array().default([]),
    fit: model.enum([...FITS]).nullable(),
    // { height_cm, chest_cm, waist_cm, hips_cm, inseam_cm, foot_length_cm, shoe_size_eu, source, uncertainty_cm }
    measurements: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_style_profile_customer_unique", on: ["customer_id"], unique: true, where: "deleted_at IS NULL AND customer_id IS NOT NULL" },
    { name: "IDX_style_profile_guest_unique", on: ["guest_id"], unique: true, where: "deleted_at IS NULL AND guest_id IS NOT NULL" },
  ])
