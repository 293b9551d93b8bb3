import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { FileSwapResult } from "../../files/file-swap"

/**
 * A step that swaps the file a record points at through a module's locked swap (see
 * src/files/file-swap.ts) and answers the file id it replaced (null when there was none), for the
 * workflow to delete after: so however many replacements run at once, each deletes exactly the
 * file it replaced. Compensation puts the previous reference back, but only if the record still
 * points at this step's file (a later replacement wins); the new upload itself is removed by the
 * upload step's own compensation.
 */
export function createSwapFileStep<Reference extends Record<string, unknown>>(
  name: string,
  fileIdKey: keyof Reference & string,
  swap: (container: MedusaContainer, input: Reference & { expected_file_id?: string | null }) => Promise<FileSwapResult<Reference>>
) {
  return createStep(
    name,
    async (input: Reference, { container }) => {
      const { previous } = await swap(container, input)
      const replacedFileId = (previous?.[fileIdKey] as string | null | undefined) ?? null
      return new StepResponse(replacedFileId, previous ? { previous, ours: (input[fileIdKey] as string | null) ?? null } : null)
    },
    async (undo, { container }) => {
      if (!undo) return
      await swap(container, { ...(undo.previous as Reference), expected_file_id: undo.ours })
    }
  )
}

/**
 * Deletes the file a swap replaced, once the record points elsewhere (nothing when it replaced
 * none). Last in its workflow: a deleted file cannot be put back, so nothing after it may fail.
 */
export const deleteReplacedFileStep = createStep("delete-replaced-file", async (fileId: string | null | undefined, { container }) => {
  if (fileId) await container.resolve(Modules.FILE).deleteFiles([fileId])
  return new StepResponse(fileId ?? null)
})
