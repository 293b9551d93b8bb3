import { model } from "@medusajs/framework/utils"
import { ADMIN_ROLES } from "../constants"

/**
 * A Medusa admin user's Curator role (read-only link to the user on user_id, src/links). Kept
 * outside the user record so that Medusa's own user routes (POST /admin/users/:id, which edits
 * metadata) cannot change it: only POST /admin/users/:id/role, for administrators, does.
 */
export const AdminRole = model
  .define("admin_role", {
    id: model.id({ prefix: "arole" }).primaryKey(),
    user_id: model.text(),
    role: model.enum([...ADMIN_ROLES]),
  })
  .indexes([{ name: "IDX_admin_role_user_unique", on: ["user_id"], unique: true, where: "deleted_at IS NULL" }])
