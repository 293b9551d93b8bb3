/** A product photo larger than this is not an image the sidecar would take. */
const MAX_IMAGE_BYTES = 25 * 1024 * 1024
const FETCH_TIMEOUT_MS = 15_000

/** A product image that could not be downloaded (its message says why, for the admin's failure list). */
export class ImageDownloadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "ImageDownloadError"
  }
}

/**
 * Where a product image's URL points: absolute URLs as they are (S3, a CDN, the local file
 * provider's http://…/static/…); a path relative to this backend's own address.
 */
export function absoluteImageUrl(url: string, env: NodeJS.ProcessEnv = process.env): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url
  return new URL(url, env.MEDUSA_BACKEND_URL || `http://localhost:${env.PORT || 9000}`).toString()
}

/** Downloads a product image's bytes, within FETCH_TIMEOUT_MS and MAX_IMAGE_BYTES. */
export async function fetchImageBytes(url: string): Promise<Uint8Array> {
  const target = absoluteImageUrl(url)
  let response: Response
  try {
    response = await fetch(target, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) })
  } catch (error) {
    const reason = (error as Error).name === "TimeoutError" ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : (error as Error).message
    throw new ImageDownloadError(`The image could not be downloaded from ${target}: ${reason}.`)
  }
  if (!response.ok) {
    await response.body?.cancel()
    throw new ImageDownloadError(`The image could not be downloaded from ${target}: HTTP ${response.status}.`)
  }
  const declared = Number(response.headers.get("content-length") ?? 0)
  if (declared > MAX_IMAGE_BYTES) {
    await response.body?.cancel()
    throw new ImageDownloadError(`The image at ${target} is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`)
  }
  const bytes = new Uint8Array(await response.arrayBuffer())
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw new ImageDownloadError(`The image at ${target} is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`)
  if (!bytes.byteLength) throw new ImageDownloadError(`The image at ${target} is empty.`)
  return bytes
}
