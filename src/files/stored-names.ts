import { randomBytes } from "node:crypto"

/**
 * Names of stored files. Every file Curator stores is named `[private-]<purpose>-<128 random bits>.<ext>`:
 * nothing in a stored name comes from the upload, so two uploads never share a name (the local
 * provider's millisecond prefix alone let two `image.jpg` overwrite each other) and no URL can be
 * guessed. The `private-` marker is how a file id tells where the file lies (the local provider
 * adds its own `private-` prefix too; S3 keeps the name as given, plus a ULID).
 */
export type FileAccess = "public" | "private"
export type FilePurpose = "wardrobe" | "post" | "look" | "lookbook" | "tryon"

const EXTENSIONS: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp" }
const CONTENT_TYPES: Record<string, string> = { jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", webp: "image/webp" }

/** A fresh random name for a stored file. */
export function storedFileName(purpose: FilePurpose, access: FileAccess, mimeType: string): string {
  const ext = EXTENSIONS[mimeType] ?? "bin"
  return `${access === "private" ? "private-" : ""}${purpose}-${randomBytes(16).toString("hex")}.${ext}`
}

/** The file module's input for one prepared photo, under a fresh random name. */
export function fileForUpload(photo: { mimeType: string; content: string }, purpose: FilePurpose, access: FileAccess) {
  return { filename: storedFileName(purpose, access, photo.mimeType), mimeType: photo.mimeType, content: photo.content, access }
}

// The local provider's key: `private-<ms>-<name>`; S3's: `[prefix]<name without ext>-<ULID>.<ext>`.
const PRIVATE_NAME = /(^|[-/])private-[a-z]+-[0-9a-f]{32}(-[0-9A-Z]{26})?\.[a-z]+$/

/**
 * Where a stored file lies, by its file id. Files stored before names were random (no marker)
 * were all uploaded public.
 */
export function storedAccessOf(fileId: string): FileAccess {
  return PRIVATE_NAME.test(fileId) ? "private" : "public"
}

/** The content type served for a stored file, by its extension; undefined for anything else. */
export function contentTypeOf(fileId: string): string | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileId)?.[1]?.toLowerCase()
  return ext ? CONTENT_TYPES[ext] : undefined
}
