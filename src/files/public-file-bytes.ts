import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { absoluteImageUrl, fetchImageBytes } from "../workflows/visual/image-bytes"

type FileModuleConfig = { options?: { providers?: { resolve?: string; options?: Record<string, unknown> }[] } }

/** The URL prefix under which the configured file provider serves public files (local: backend_url; S3: file_url). */
function publicFileBase(container: MedusaContainer): string | null {
  const config = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const fileConfig = (config.modules as Record<string, unknown> | undefined)?.[Modules.FILE] as FileModuleConfig | undefined
  const options = fileConfig?.options?.providers?.[0]?.options
  const base = (options?.file_url ?? options?.backend_url) as string | undefined
  return base ? base.replace(/\/+$/, "") + "/" : null
}

/**
 * The bytes of a public image (a product photo): read through Medusa's file module when the URL is
 * one of its own stored files, so that the backend never calls itself over HTTP (its public address
 * may not be reachable from inside, as in tests); fetched by URL otherwise (an image hosted elsewhere).
 */
export async function publicImageBytes(container: MedusaContainer, url: string): Promise<Uint8Array> {
  const absolute = absoluteImageUrl(url)
  const base = publicFileBase(container)
  if (base && absolute.startsWith(base)) {
    const key = decodeURIComponent(absolute.slice(base.length).split(/[?#]/)[0])
    // Only a plain stored name: never a path out of the provider's folder.
    if (key && !key.includes("/") && !key.includes("..")) {
      try {
        return new Uint8Array(await container.resolve(Modules.FILE).getAsBuffer(key))
      } catch {
        // Not a stored file after all (or it moved): try its URL.
      }
    }
  }
  return fetchImageBytes(absolute)
}
