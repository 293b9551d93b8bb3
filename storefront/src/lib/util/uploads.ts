/**
 * Photo upload limits, shared by the forms (checked before sending) and the upload routes in
 * src/app/api (checked while the body streams through to Medusa).
 */

/** Medusa's own limit per photo (src/api/utils/image-upload.ts, MAX_PHOTO_BYTES in the backend). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024
/** A post carries at most this many photos (Medusa's limit too). */
export const MAX_POST_PHOTOS = 6
/** Room for the text fields and the multipart framing around the photos. */
const FIELDS_BYTES = 1024 * 1024

/** The largest request body each upload route forwards: its photos at full size plus the fields. */
export const UPLOAD_BODY_LIMITS = {
  wardrobeItem: MAX_PHOTO_BYTES + FIELDS_BYTES,
  post: MAX_POST_PHOTOS * MAX_PHOTO_BYTES + FIELDS_BYTES,
  visualSearch: MAX_PHOTO_BYTES + FIELDS_BYTES,
  tryOn: MAX_PHOTO_BYTES + FIELDS_BYTES,
} as const

export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"]

export const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`

/** What the shopper reads when a chosen file cannot be uploaded, or null when it can. */
export function photoProblem(file: { name: string; size: number; type: string }): string | null {
  if (file.size > MAX_PHOTO_BYTES) {
    return `“${file.name}” is ${megabytes(file.size)}; a photo can be up to ${megabytes(MAX_PHOTO_BYTES)}. Choose a smaller photo or export it at a lower size.`
  }
  if (file.type && !PHOTO_TYPES.includes(file.type)) return `“${file.name}” is not a JPEG, PNG or WebP photo.`
  return null
}

/** The answer of an upload route (Medusa's, passed through, or the route's own { type, message }). */
export type UploadError = { type?: string; message?: string }

/** Reads the message of a failed upload response; a body that is not JSON gets `fallback`. */
export async function uploadErrorMessage(response: Response, fallback: string): Promise<string> {
  const body = (await response.json().catch(() => null)) as UploadError | null
  return body?.message || fallback
}

/** What the shopper reads when a chosen file does not open as a picture (a renamed document, a damaged photo). */
export const unreadablePhoto = (name: string) => `“${name}” could not be opened as a photo. Choose a JPEG, PNG or WebP photo.`

/**
 * Opens a chosen file as a picture in the browser: its pixel size, or null when it is no picture
 * (its name and type can say "photo.jpg" and still hold something else). Browser only.
 */
export function decodePhoto(file: Blob): Promise<{ url: string; width: number; height: number } | null> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file)
    const img = new Image()
    img.onload = () => resolve(img.naturalWidth > 0 ? { url, width: img.naturalWidth, height: img.naturalHeight } : (URL.revokeObjectURL(url), null))
    img.onerror = () => {
      URL.revokeObjectURL(url)
      resolve(null)
    }
    img.src = url
  })
}
