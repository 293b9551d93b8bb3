import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * Short-lived signed URLs for privately stored files served by Medusa itself (the local file
 * provider): `/files/private/<key>?expires=<unix seconds>&signature=<HMAC-SHA256>`. The URL is
 * its own credential, so an <img> can show it; it names one file and stops working at `expires`.
 * Pure functions: the route and the serializers (through ./photo-urls) share them.
 */
export const PRIVATE_FILES_PATH = "/files/private"

/** File keys the route accepts: one path segment of plain characters (no traversal, no encoding tricks). */
export const FILE_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/

export const isValidFileKey = (key: string) => FILE_KEY_PATTERN.test(key) && !key.includes("..")

export function signFileKey(key: string, expires: number, secret: string): string {
  return createHmac("sha256", secret).update(`${key}\n${expires}`).digest("base64url")
}

/**
 * When a URL signed now should expire: at least `ttlSeconds` from now, rounded up to a step of a
 * quarter of the lifetime so that one photo keeps one URL for a while and browsers can cache it.
 */
export function expiryFor(nowMs: number, ttlSeconds: number): number {
  const step = Math.max(1, Math.floor(ttlSeconds / 4))
  return Math.ceil((Math.floor(nowMs / 1000) + ttlSeconds) / step) * step
}

/** The path and query of a signed URL for a key (append it to the backend's URL). */
export function signedFilePath(key: string, expires: number, secret: string): string {
  return `${PRIVATE_FILES_PATH}/${encodeURIComponent(key)}?expires=${expires}&signature=${signFileKey(key, expires, secret)}`
}

export type SignatureCheck = { ok: true; expires: number } | { ok: false; reason: "missing" | "expired" | "invalid" }

/** Checks a request's key, expires and signature; the signature is compared in constant time. */
export function verifyFileSignature(input: { key: string; expires?: unknown; signature?: unknown }, secret: string, nowMs: number): SignatureCheck {
  const { key, expires, signature } = input
  if (typeof expires !== "string" || typeof signature !== "string" || !expires || !signature) return { ok: false, reason: "missing" }
  if (!/^\d{1,12}$/.test(expires) || !isValidFileKey(key)) return { ok: false, reason: "invalid" }
  const expected = Buffer.from(signFileKey(key, Number(expires), secret))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" }
  if (Number(expires) * 1000 <= nowMs) return { ok: false, reason: "expired" }
  return { ok: true, expires: Number(expires) }
}
