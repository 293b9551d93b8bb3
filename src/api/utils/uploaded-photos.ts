import type { MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { preparePhoto, type PreparedImage } from "../../files/prepare-photo"

/** A file as photoUpload's multipart parsing (multer, memory storage) leaves it on the request. */
export type UploadedFile = { buffer: Buffer; originalname?: string; mimetype?: string; size?: number }

type WithUploads = MedusaRequest & { file?: UploadedFile; files?: UploadedFile[] }

/** The files photoUpload parsed: `req.files` for several, `req.file` for one; none for a JSON body. */
export function uploadedFiles(req: MedusaRequest): UploadedFile[] {
  const { file, files } = req as WithUploads
  return files ?? (file ? [file] : [])
}

/** The uploaded photo, checked and re-encoded, or undefined when none was sent. */
export async function preparedPhoto(req: MedusaRequest, filenamePrefix: string): Promise<PreparedImage | undefined> {
  const [file] = uploadedFiles(req)
  return file ? preparePhoto(file, { filenamePrefix }) : undefined
}

/** Every uploaded photo, checked and re-encoded; a bad one's error says which it was when there are several. */
export async function preparedPhotos(req: MedusaRequest, filenamePrefix: string): Promise<PreparedImage[]> {
  const files = uploadedFiles(req)
  const photos: PreparedImage[] = []
  for (const [index, file] of files.entries()) {
    try {
      photos.push(await preparePhoto(file, { filenamePrefix }))
    } catch (error) {
      if (files.length > 1 && error instanceof MedusaError) throw new MedusaError(error.type, `photos[${index}]: ${error.message}`)
      throw error
    }
  }
  return photos
}
