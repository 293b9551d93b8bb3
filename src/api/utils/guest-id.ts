import { createHmac, randomBytes, timingSafeEqual } from "node:crypto"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * A signed-out shopper's identity: a random id the Store API issues in an httpOnly cookie, so a
 * guest's style profile and interactions can be kept server-side and moved into their account at
 * sign-in. The cookie holds `<random>.<signature>`: the id is never chosen by the client (a
 * cookie the server did not sign is ignored and a new id issued), and scripts cannot read it.
 */

export const GUEST_COOKIE = "_curator_guest"
/** How long a guest id lives without a visit; each write renews it. */
export const GUEST_COOKIE_MAX_AGE_MS = 180 * 24 * 60 * 60 * 1000

const ID_PATTERN = /^[A-Za-z0-9_-]{32}$/

function secretOf(req: MedusaRequest): string {
  const { projectConfig } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  return String(projectConfig.http.cookieSecret ?? projectConfig.http.jwtSecret ?? "")
}

const sign = (secret: string, id: string) => createHmac("sha256", `curator-guest:${secret}`).update(id).digest("base64url").slice(0, 32)

function cookieValue(req: MedusaRequest, name: string): string | null {
  const header = req.headers.cookie
  if (!header) return null
  for (const part of header.split(";")) {
    const eq = part.indexOf("=")
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim())
      } catch {
        return null
      }
    }
  }
  return null
}

/** The guest id of a valid guest cookie ("guest_<random>"), or null. */
export function guestIdOf(req: MedusaRequest): string | null {
  const raw = cookieValue(req, GUEST_COOKIE)
  const [id, signature, ...rest] = raw?.split(".") ?? []
  if (!id || !signature || rest.length || !ID_PATTERN.test(id)) return null
  const expected = Buffer.from(sign(secretOf(req), id))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected) ? `guest_${id}` : null
}

function cookieOptions(req: MedusaRequest) {
  const { projectConfig } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const secure = Boolean((projectConfig as { cookieOptions?: { secure?: boolean } }).cookieOptions?.secure)
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/" }
}

/** The request's guest id, or a new one set in the cookie (renewing an existing cookie's lifetime). */
export function ensureGuestId(req: MedusaRequest, res: MedusaResponse): string {
  const existing = guestIdOf(req)
  const id = existing ? existing.slice("guest_".length) : randomBytes(24).toString("base64url")
  res.cookie(GUEST_COOKIE, `${id}.${sign(secretOf(req), id)}`, { ...cookieOptions(req), maxAge: GUEST_COOKIE_MAX_AGE_MS })
  return `guest_${id}`
}

/** Ends the guest identity (after its profile moved into an account). */
export function clearGuestCookie(req: MedusaRequest, res: MedusaResponse): void {
  res.clearCookie(GUEST_COOKIE, cookieOptions(req))
}
