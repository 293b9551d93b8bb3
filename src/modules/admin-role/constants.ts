/**
 * What an admin user may do in Curator. `admin`: everything (every user is one unless made a
 * moderator). `moderator`: the social moderation queue and its routes, nothing else.
 */
export const ADMIN_ROLES = ["admin", "moderator"] as const
export type AdminRoleName = (typeof ADMIN_ROLES)[number]

/** The role of a user with no role record: Medusa's users are all administrators. */
export const DEFAULT_ADMIN_ROLE: AdminRoleName = "admin"
