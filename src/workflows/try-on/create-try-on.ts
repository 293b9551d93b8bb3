import { uploadFilesStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { fileForUpload } from "../../files/stored-names"
import { createTryOnStep } from "./steps/create-try-on"

type StoredImage = { mimeType: string; content: string }

export type CreateTryOnWorkflowInput = {
  customer_id: string | null
  variant_id: string
  size: string | null
  /** The shopper's photo, checked and re-encoded (src/files/prepare-photo.ts), base64. */
  photo: StoredImage
  /** The sidecar's composited result, base64. */
  result: StoredImage
  placement: Record<string, unknown>
}

/**
 * Stores a try-on: the shopper's photo and the result go through Medusa's file module as private
 * files under fresh random names (served only through signed URLs, src/files), then the row that
 * lists them for the 24-hour deletion. If recording fails, the upload's compensation deletes both files.
 */
export const createTryOnWorkflow = createWorkflow("create-try-on", (input: CreateTryOnWorkflowInput) => {
  const uploaded = uploadFilesStep(
    transform({ input }, ({ input }) => ({
      files: [fileForUpload(input.photo, "tryon", "private"), fileForUpload(input.result, "tryon", "private")],
    }))
  )
  const data = transform({ input, uploaded }, ({ input, uploaded }) => ({
    customer_id: input.customer_id,
    variant_id: input.variant_id,
    size: input.size,
    photo_file_id: uploaded[0].id,
    result_file_id: uploaded[1].id,
    placement: input.placement,
  }))
  return new WorkflowResponse(createTryOnStep(data))
})
