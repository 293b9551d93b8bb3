import { model } from "@medusajs/framework/utils"

/**
 * One try-on: a shopper's photo and the composited result, both stored privately through Medusa's
 * file module under random names (src/files/stored-names.ts). Deleted with both files 24 hours after
 * created_at unless `kept` (only a signed-in customer can keep theirs). customer_id is Medusa's
 * customer id, null for a guest; variant_id the variant shown (the chosen size's).
 */
export const TryOn = model
  .define("try_on", {
    id: model.id({ prefix: "tryon" }).primaryKey(),
    customer_id: model.text().nullable(),
    variant_id: model.text(),
    size: model.text().nullable(),
    photo_file_id: model.text(),
    result_file_id: model.text(),
    /** The sidecar's placement (keypoints, outline, warnings), to show a kept try-on again. */
    placement: model.json(),
    kept: model.boolean().default(false),
  })
  .indexes([
    { name: "IDX_try_on_customer_created", on: ["customer_id", "created_at"], where: "deleted_at IS NULL" },
    { name: "IDX_try_on_kept_created", on: ["kept", "created_at"], where: "deleted_at IS NULL" },
  ])
