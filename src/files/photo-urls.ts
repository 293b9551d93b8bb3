import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { expiryFor, signedFilePath } from "./signed-urls"
import { fileUrlTtlSeconds } from "./settings"
import { FileAccess, storedAccessOf } from "./stored-names"

/**
 * The one place that turns a stored photo into the URL a response carries. Private photos get a
 * short-lived signed URL: from Medusa's own /files/private route with the local provider, or the
 * S3 provider's presigned download URL. Public ones keep their stored (cacheable) URL.
 */
export type PhotoUrlSigner = {
  /** A signed URL for a file, whatever its storage. */
  privateUrl(fileId: string): Promise<string>
  /**
   * The URL to show for a stored photo: its public URL when both the photo and its owner are
   * public, a signed one otherwise. Rows without a file (demo photos reusing catalog images) keep theirs.
   */
  urlFor(photo: { url: string | null; file_id: string | null | undefined }, ownerAccess: FileAccess): Promise<string | null>
}

type FileModuleConfig = { options?: { providers?: { resolve?: string; options?: Record<string, unknown> }[] } }

export function fileUrlSecret(container: MedusaContainer): string {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const secret = process.env.FILE_URL_SECRET?.trim() || config.projectConfig.http.cookieSecret
  if (!secret) throw new Error("FILE_URL_SECRET (or COOKIE_SECRET) must be set to sign private file URLs.")
  return secret
}

export function photoUrlSigner(container: MedusaContainer, nowMs = Date.now()): PhotoUrlSigner {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const fileConfig = (config.modules as Record<string, unknown> | undefined)?.[Modules.FILE] as FileModuleConfig | undefined
  const provider = fileConfig?.options?.providers?.[0]
  const usesS3 = !!provider?.resolve?.includes("file-s3")

  let privateUrl: (fileId: string) => Promise<string>
  if (usesS3) {
    const files = container.resolve(Modules.FILE)
    privateUrl = async (fileId) => (await files.retrieveFile(fileId)).url
  } else {
    const secret = fileUrlSecret(container)
    const expires = expiryFor(nowMs, fileUrlTtlSeconds())
    // The local provider serves public files under <backend>/static; private ones come from <backend>/files/private.
    const backend = new URL(String(provider?.options?.backend_url ?? "http://localhost:9000/static"))
    backend.pathname = backend.pathname.replace(/\/static\/?$/, "")
    const base = backend.href.replace(/\/$/, "")
    privateUrl = async (fileId) => `${base}${signedFilePath(fileId, expires, secret)}`
  }
  return {
    privateUrl,
    async urlFor(photo, ownerAccess) {
      if (!photo.file_id) return photo.url
      if (ownerAccess === "public" && storedAccessOf(photo.file_id) === "public") return photo.url
      return privateUrl(photo.file_id)
    },
  }
}
