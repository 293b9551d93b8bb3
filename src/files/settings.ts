/**
 * Settings of private file storage (documented in the README):
 * - FILE_URL_SECRET: the key that signs private file URLs; defaults to the cookie secret.
 * - FILE_URL_TTL_SECONDS: how long a signed URL works (default 900, 60 to 604800 = S3's longest).
 * - FILE_PRIVATE_UPLOAD_DIR: where the local provider keeps private files (default `private`,
 *   beside the publicly served `static`; never inside it).
 */
type Env = Record<string, string | undefined>

export const DEFAULT_FILE_URL_TTL_SECONDS = 900

export function fileUrlTtlSeconds(env: Env = process.env): number {
  const raw = env.FILE_URL_TTL_SECONDS?.trim()
  if (!raw) return DEFAULT_FILE_URL_TTL_SECONDS
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 60 || value > 604_800) {
    throw new Error(`FILE_URL_TTL_SECONDS must be a whole number of seconds from 60 to 604800, got "${raw}".`)
  }
  return value
}

export function privateUploadDir(env: Env = process.env): string {
  return env.FILE_PRIVATE_UPLOAD_DIR?.trim() || "private"
}
