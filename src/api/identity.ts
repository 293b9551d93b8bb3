import type { AuthContext, AuthenticatedMedusaRequest, MedusaRequest } from "@medusajs/framework/http"

/**
 * Who is calling, read from Medusa's auth context. One place for it, so every route reads the
 * signed-in customer or admin user the same way.
 */

type MaybeAuthenticated = MedusaRequest & { auth_context?: AuthContext }

/**
 * The signed-in customer on routes mounted behind `authenticate("customer", ...)`, which
 * answers 401 before the route runs when there is none.
 */
export const customerIdOf = (req: AuthenticatedMedusaRequest): string => req.auth_context.actor_id

/**
 * The signed-in customer, or null for an anonymous shopper (or an admin's token), on routes
 * that let both read (`allowUnauthenticated: true`).
 */
export function viewerIdOf(req: MedusaRequest): string | null {
  const auth = (req as MaybeAuthenticated).auth_context
  return auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : null
}

/** The signed-in admin user on routes mounted behind `authenticate("user", ...)`. */
export const userIdOf = (req: AuthenticatedMedusaRequest): string => req.auth_context.actor_id
