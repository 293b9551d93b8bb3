import {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaResponse,
  MiddlewareRoute,
  validateAndTransformBody,
  validateAndTransformQuery,
} from "@medusajs/framework/http"
import { ADMIN_ROLE_MODULE } from "../modules/admin-role"
import AdminRoleModuleService from "../modules/admin-role/service"
import { AdminSetUserRole, AdminUserRoleParams } from "./admin/users/validators"

/**
 * What a moderator may call besides the moderation API: the reads the Medusa admin dashboard
 * makes to load its shell and sign in (the signed-in user, the store's name, feature flags,
 * notifications, the menu and top bar layouts, the user's own Curator role). Listed from the calls the dashboard makes when
 * a moderator signs in and opens the moderation page (storefront/e2e/admin-roles.e2e.ts).
 */
const MODERATOR_SHELL_READS: RegExp[] = [
  /^\/admin\/users\/me$/,
  /^\/admin\/users\/me\/role$/,
  /^\/admin\/stores$/,
  /^\/admin\/stores\/[^/]+$/,
  /^\/admin\/feature-flags$/,
  /^\/admin\/notifications$/,
  /^\/admin\/locales$/,
  // The dashboard's own menu and top bar layouts (reads; changing them stays with administrators).
  /^\/admin\/layouts\/configurations$/,
  /^\/admin\/layouts\/(sidebar|topbar)\/configuration$/,
]

/** The moderation queue and its routes, every method. */
const MODERATION_API = /^\/admin\/social(\/.*)?$/

/**
 * Whether a moderator may make this request. Matched like Express routes them (case-insensitive,
 * a trailing slash ignored) on the raw path, so what is allowed here is what the router runs;
 * anything not listed is refused.
 */
export function moderatorMayCall(method: string, rawPath: string, userId?: string): boolean {
  const path = rawPath.split("?")[0].toLowerCase().replace(/\/+$/, "")
  if (MODERATION_API.test(path)) return true
  if (method.toUpperCase() !== "GET" && method.toUpperCase() !== "HEAD") return false
  if (userId && path === `/admin/users/${userId.toLowerCase()}/role`) return true
  return MODERATOR_SHELL_READS.some((pattern) => pattern.test(path))
}

/**
 * The one place Curator's admin roles are enforced: every /admin request by a signed-in user
 * who is a moderator must be one moderatorMayCall allows, or it answers
 * 403 { type: "not_allowed", message }. Administrators (users without a role record included),
 * secret API keys and unauthenticated routes pass; Medusa's authenticate ran before this.
 */
export async function enforceAdminRoles(req: AuthenticatedMedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const auth = req.auth_context
  if (!auth || auth.actor_type !== "user" || !auth.actor_id) return next()
  const role = await req.scope.resolve<AdminRoleModuleService>(ADMIN_ROLE_MODULE).roleOf(auth.actor_id)
  if (role !== "moderator") return next()
  const path = req.originalUrl.split("?")[0]
  if (moderatorMayCall(req.method, path, auth.actor_id)) return next()
  res.status(403).json({
    type: "not_allowed",
    message: `Moderators may use the moderation queue only: ${req.method} ${path} is for administrators`,
  })
}

export const adminRoleMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin*", middlewares: [enforceAdminRoles] },
  { matcher: "/admin/users/:id/role", methods: ["GET"], middlewares: [validateAndTransformQuery(AdminUserRoleParams, {})] },
  { matcher: "/admin/users/:id/role", methods: ["POST"], middlewares: [validateAndTransformBody(AdminSetUserRole)] },
]
