import { deleteFilesStep, emitEventStep, uploadFilesStep } from "@medusajs/medusa/core-flows"
import { fileForUpload } from "../../files/stored-names"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { replaceHotspotsStep, validateHotspotsStep } from "./steps/hotspots"
import { createLookStep, reorderLooksStep, replaceLookImageStep, softDeleteLooksStep, updateLookStep } from "./steps/looks"
import { deleteReplacedFileStep } from "../files/swap-file-step"
import { retrieveLookbookStep, retrieveLookStep } from "./steps/retrieve"
import { HotspotInput, LookImageFile } from "./types"
import { LookbookWorkflowEvents } from "../../modules/lookbook/events"

export type CreateLookWorkflowInput = {
  lookbook_id: string
  image: LookImageFile
  notes?: string | null
  position?: number
  hotspots?: HotspotInput[]
}

/**
 * A merchant adds a look: the hotspots' variants are checked first (nothing is uploaded for a
 * look that would be refused), then the image goes through Medusa's file module, then the look
 * and its hotspots are created. If that fails, the upload step's compensation deletes the file.
 */
export const createLookWorkflow = createWorkflow("create-lookbook-look", (input: CreateLookWorkflowInput) => {
  retrieveLookbookStep(transform({ input }, ({ input }) => ({ id: input.lookbook_id })))
  const hotspots = validateHotspotsStep(transform({ input }, ({ input }) => input.hotspots ?? []))
  const uploaded = uploadFilesStep(
    transform({ input }, ({ input }) => ({
      files: [fileForUpload(input.image, "look", "public")],
    }))
  )
  const look = createLookStep(
    transform({ input, uploaded, hotspots }, ({ input, uploaded, hotspots }) => ({
      lookbook_id: input.lookbook_id,
      image_url: uploaded[0].url,
      image_file_id: uploaded[0].id,
      width: input.image.width,
      height: input.image.height,
      notes: input.notes ?? null,
      position: input.position,
      hotspots,
    }))
  )
  emitEventStep({ eventName: LookbookWorkflowEvents.UPDATED, data: transform({ input }, ({ input }) => ({ id: input.lookbook_id })) })
  return new WorkflowResponse(look)
})

export type UpdateLookWorkflowInput = {
  lookbook_id: string
  look_id: string
  notes?: string | null
  image?: LookImageFile
}

/**
 * A merchant edits a look's notes or replaces its image. The new image is uploaded first, then
 * swapped in under a row lock that answers the image it replaced, whose file is deleted last:
 * however many replacements run at once, each deletes exactly the file it replaced and none is
 * orphaned. A failure before the swap (or the look deleted meanwhile) removes the new upload.
 */
export const updateLookWorkflow = createWorkflow("update-lookbook-look", (input: UpdateLookWorkflowInput) => {
  retrieveLookStep(transform({ input }, ({ input }) => ({ lookbook_id: input.lookbook_id, look_id: input.look_id })))
  const uploaded = when("upload-lookbook-look-image", { input }, ({ input }) => !!input.image).then(() =>
    uploadFilesStep(
      transform({ input }, ({ input }) => ({
        files: [fileForUpload(input.image!, "look", "public")],
      }))
    )
  )
  when("update-lookbook-look-notes", { input }, ({ input }) => input.notes !== undefined).then(() =>
    updateLookStep(transform({ input }, ({ input }) => ({ id: input.look_id, data: { notes: input.notes } })))
  )
  const replacedFileId = when("replace-lookbook-look-image", { input }, ({ input }) => !!input.image).then(() =>
    replaceLookImageStep(
      transform({ input, uploaded }, ({ input, uploaded }) => ({
        id: input.look_id,
        lookbook_id: input.lookbook_id,
        image_url: uploaded![0].url,
        image_file_id: uploaded![0].id,
        width: input.image!.width,
        height: input.image!.height,
      }))
    )
  )
  deleteReplacedFileStep(replacedFileId)
  emitEventStep({ eventName: LookbookWorkflowEvents.UPDATED, data: transform({ input }, ({ input }) => ({ id: input.lookbook_id })) })
  // The caller reads the look back through query.graph.
  return new WorkflowResponse(transform({ input }, ({ input }) => ({ id: input.look_id })))
})

export type DeleteLookWorkflowInput = { lookbook_id: string; look_id: string }

/** Soft-deletes a look with its hotspots, then deletes its image file. */
export const deleteLookWorkflow = createWorkflow("delete-lookbook-look", (input: DeleteLookWorkflowInput) => {
  const look = retrieveLookStep(transform({ input }, ({ input }) => ({ lookbook_id: input.lookbook_id, look_id: input.look_id })))
  const ids = transform({ input }, ({ input }) => [input.look_id])
  softDeleteLooksStep(ids)
  const fileIds = transform({ look }, ({ look }) => (look.image_file_id ? [look.image_file_id] : []))
  when("delete-lookbook-look-image", { fileIds }, ({ fileIds }) => fileIds.length > 0).then(() => deleteFilesStep(fileIds))
  emitEventStep({ eventName: LookbookWorkflowEvents.UPDATED, data: transform({ input }, ({ input }) => ({ id: input.lookbook_id })) })
  return new WorkflowResponse(ids)
})

export type ReplaceLookHotspotsWorkflowInput = { lookbook_id: string; look_id: string; hotspots: HotspotInput[] }

/** A merchant replaces the hotspots of a look; an unknown variant refuses the whole set. */
export const replaceLookHotspotsWorkflow = createWorkflow("replace-lookbook-look-hotspots", (input: ReplaceLookHotspotsWorkflowInput) => {
  retrieveLookStep(transform({ input }, ({ input }) => ({ lookbook_id: input.lookbook_id, look_id: input.look_id })))
  const rows = validateHotspotsStep(transform({ input }, ({ input }) => input.hotspots))
  const created = replaceHotspotsStep(transform({ input, rows }, ({ input, rows }) => ({ look_id: input.look_id, hotspots: rows })))
  emitEventStep({ eventName: LookbookWorkflowEvents.UPDATED, data: transform({ input }, ({ input }) => ({ id: input.lookbook_id })) })
  return new WorkflowResponse(created)
})

export type ReorderLooksWorkflowInput = { lookbook_id: string; look_ids: string[] }

/** A merchant puts a lookbook's looks in a new order. */
export const reorderLooksWorkflow = createWorkflow("reorder-lookbook-looks", (input: ReorderLooksWorkflowInput) => {
  retrieveLookbookStep(transform({ input }, ({ input }) => ({ id: input.lookbook_id })))
  const ordered = reorderLooksStep(input)
  emitEventStep({ eventName: LookbookWorkflowEvents.UPDATED, data: transform({ input }, ({ input }) => ({ id: input.lookbook_id })) })
  return new WorkflowResponse(ordered)
})
