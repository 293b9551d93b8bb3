/**
 * Curator's admin roles as the admin pages read and set them (see adminFetch).
 * An administrator may do everything; a moderator may use the moderation page only.
 */
import { adminFetch } from "./admin-fetch"

export type AdminRoleName = "admin" | "moderator"
export type UserRole = { user_id: string; role: AdminRoleName }

export const ROLE_LABEL: Record<AdminRoleName, string> = { admin: "Administrator", moderator: "Moderator" }

/** A user's role; "me" is the signed-in user. */
export const retrieveUserRole = (userId: string | "me") => adminFetch<{ user_role: UserRole }>(`/admin/users/${userId}/role`).then((r) => r.user_role)

/** Administrators only; the last administrator cannot be made a moderator (the error says so). */
export const setUserRole = (userId: string, role: AdminRoleName) =>
  adminFetch<{ user_role: UserRole }>(`/admin/users/${userId}/role`, { method: "POST", json: { role } }).then((r) => r.user_role)
