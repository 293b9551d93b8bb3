/** Curator's admin roles (GET|POST /admin/users/:id/role). Type-only, for the admin extensions. */
export type AdminRoleName = "admin" | "moderator"
export type AdminUserRole = { user_id: string; role: AdminRoleName }
export type AdminUserRoleResponse = { user_role: AdminUserRole }
