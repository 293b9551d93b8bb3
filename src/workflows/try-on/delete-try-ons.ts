import { deleteFilesStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteTryOnRowsStep } from "./steps/delete-try-on-rows"

export type DeleteTryOnsWorkflowInput = { try_ons: { id: string; photo_file_id: string; result_file_id: string }[] }

/** Deletes try-ons: their photo and result files first (a missing file is no error), then their rows. */
export const deleteTryOnsWorkflow = createWorkflow("delete-try-ons", (input: DeleteTryOnsWorkflowInput) => {
  const fileIds = transform({ input }, ({ input }) => input.try_ons.flatMap((t) => [t.photo_file_id, t.result_file_id]))
  when("delete-try-on-files", { fileIds }, ({ fileIds }) => fileIds.length > 0).then(() => deleteFilesStep(fileIds))
  const ids = transform({ input }, ({ input }) => input.try_ons.map((t) => t.id))
  return new WorkflowResponse(deleteTryOnRowsStep(ids))
})
