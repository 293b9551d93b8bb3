/** A file part of a multipart body. */
export type FilePart = { field: string; bytes: Buffer; name: string; type?: string }

/** A multipart/form-data body as a browser sends it: text fields (a list repeats the field), then files (JPEG unless typed). */
export function multipartForm(fields: Record<string, string | string[]>, files: FilePart[] = []): FormData {
  const body = new FormData()
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v)
  for (const file of files) body.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.type ?? "image/jpeg" }), file.name)
  return body
}
