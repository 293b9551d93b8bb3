import { z } from "@medusajs/framework/zod"
import { ADMIN_ROLES } from "../../../modules/admin-role/constants"

export const AdminSetUserRole = z.object({ role: z.enum(ADMIN_ROLES, { error: `role must be one of ${ADMIN_ROLES.join(", ")}` }) }).strict()
export type AdminSetUserRoleType = z.infer<typeof AdminSetUserRole>

export const AdminUserRoleParams = z.object({}).strict()
