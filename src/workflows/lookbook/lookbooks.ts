import { deleteFilesStep, emitEventStep, uploadFilesStep } from "@medusajs/medusa/core-flows"
import { fileForUpload } from "../../files/stored-names"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createLookbookStep,
  replaceLookbookCoverStep,
  resolveLookbookHandleStep,
  softDeleteLookbooksStep,
  updateLookbookStep,
} from "./steps/lookbooks"
import { deleteReplacedFileStep } from "../files/swap-file-step"
import { retrieveLookbookStep } from "./steps/retrieve"
import { LookbookFields, LookImageFile } from "./types"
import { LookbookWorkflowEvents } from "../../modules/lookbook/events"

export type CreateLookbookWorkflowInput = { lookbook: LookbookFields & { title: string } }

/** A merchant creates a lookbook; its handle comes from the title unless one is given. */
export const createLookbookWorkflow = createWorkflow("create-lookbook", (input: CreateLookbookWorkflowInput) => {
  const handle = resolveLookbookHandleStep(transform({ input }, ({ input }) => ({ handle: input.lookbook.handle, title: input.lookbook.title })))
  const data = transform({ input, handle }, ({ input, handle }) => ({
    ...input.lookbook,
    handle: handle!,
    published_at: input.lookbook.status === "published" ? new Date() : null,
  }))
  const created = createLookbookStep(data)
  emitEventStep({ eventName: LookbookWorkflowEvents.CREATED, data: transform({ created }, ({ created }) => ({ id: created.id })) })
  return new WorkflowResponse(created)
})

export type UpdateLookbookWorkflowInput = { id: string; update: LookbookFields }

/** A merchant edits, publishes or unpublishes a lookbook. */
export const updateLookbookWorkflow = createWorkflow("update-lookbook", (input: UpdateLookbookWorkflowInput) => {
  retrieveLookbookStep(transform({ input }, ({ input }) => ({ id: input.id })))
  const handle = resolveLookbookHandleStep(transform({ input }, ({ input }) => ({ id: input.id, handle: input.update.handle })))
  const update = transform({ input, handle }, ({ input, handle }) => ({
    id: input.id,
    data: handle ? { ...input.update, handle } : input.update,
  }))
  const updated = updateLookbookStep(update)
  emitEventStep({ eventName: LookbookWorkflowEvents.UPDATED, data: transform({ input }, ({ input }) => ({ id: input.id })) })
  return new WorkflowResponse(updated)
})

export type SetLookbookCoverWorkflowInput = { id: string; image: LookImageFile }

/**
 * Uploads a cover image through the file module, then swaps it in under a row lock that answers
 * the cover it replaced, whose file is deleted last: however many replacements run at once, each
 * deletes exactly the file it replaced and none is orphaned. A failure before the swap (or the
 * lookbook deleted meanwhile) removes the new upload and leaves the old cover in place.
 */
export const setLookbookCoverWorkflow = createWorkflow("set-lookbook-cover", (input: SetLookbookCoverWorkflowInput) => {
  retrieveLookbookStep(transform({ input }, ({ input }) => ({ id: input.id })))
  const uploaded = uploadFilesStep(
    transform({ input }, ({ input }) => ({
      files: [fileForUpload(input.image, "lookbook", "public")],
    }))
  )
  const cover = transform({ input, uploaded }, ({ input, uploaded }) => ({
    id: input.id,
    cover_image_url: uploaded[0].url,
    cover_image_file_id: uploaded[0].id,
  }))
  const replacedFileId = replaceLookbookCoverStep(cover)
  deleteReplacedFileStep(replacedFileId)
  emitEventStep({ eventName: LookbookWorkflowEvents.UPDATED, data: transform({ input }, ({ input }) => ({ id: input.id })) })
  return new WorkflowResponse(cover)
})

export type DeleteLookbookWorkflowInput = { id: string }

/** Soft-deletes a lookbook with its looks and hotspots, then deletes its image files. */
export const deleteLookbookWorkflow = createWorkflow("delete-lookbook", (input: DeleteLookbookWorkflowInput) => {
  const lookbook = retrieveLookbookStep(transform({ input }, ({ input }) => ({ id: input.id })))
  const ids = transform({ input }, ({ input }) => [input.id])
  softDeleteLookbooksStep(ids)
  const fileIds = transform({ lookbook }, ({ lookbook }) =>
    [lookbook.cover_image_file_id, ...lookbook.looks.map((l) => l.image_file_id)].filter((id): id is string => !!id)
  )
  when("delete-lookbook-files", { fileIds }, ({ fileIds }) => fileIds.length > 0).then(() => deleteFilesStep(fileIds))
  emitEventStep({ eventName: LookbookWorkflowEvents.DELETED, data: transform({ input }, ({ input }) => ({ id: input.id })) })
  return new WorkflowResponse(ids)
})
