import { deleteFilesStep, uploadFilesStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { normalizeWardrobeItemFields } from "./normalize"
import { retrieveOwnedWardrobeItemsStep } from "./steps/retrieve-owned"
import { validateCatalogProductsStep } from "./steps/validate-catalog-products"
import { fileForUpload } from "../../files/stored-names"
import { deleteReplacedFileStep } from "../files/swap-file-step"
import { createWardrobeItemsStep, replaceWardrobeItemPhotoStep, softDeleteWardrobeItemsStep, updateWardrobeItemStep } from "./steps/wardrobe-items"
import { OutfitProductInput, StoredWardrobeItemFields, WardrobeItemFields, WardrobePhotoFile } from "./types"

/** The catalog variant an item says it was bought as, to check; undefined when it names none. */
const variantToCheck = (fields: WardrobeItemFields): OutfitProductInput[] | undefined =>
  fields.variant_id ? [{ variant_id: fields.variant_id }] : undefined

/** The variant's product, filled in beside the checked variant (nothing when none was named). */
const variantLink = (checked: { product_id: string; variant_id: string | null }[] | undefined) =>
  checked?.[0] ? { product_id: checked[0].product_id, variant_id: checked[0].variant_id } : {}

export type CreateWardrobeItemWorkflowInput = {
  customer_id: string
  item: WardrobeItemFields & { name: string }
  photo?: WardrobePhotoFile
}

/**
 * A customer adds an item to their wardrobe, optionally with a photo. The photo goes through
 * Medusa's file module first, stored privately under a random name (served through signed URLs,
 * src/files); if creating the item fails, the upload step's compensation deletes the file again.
 */
export const createWardrobeItemWorkflow = createWorkflow("create-wardrobe-item", (input: CreateWardrobeItemWorkflowInput) => {
  // Before the upload: an unknown variant is a 404 with no file written.
  const variant = validateCatalogProductsStep(transform({ input }, ({ input }) => variantToCheck(input.item)))
  const uploaded = when("upload-wardrobe-item-photo", { input }, ({ input }) => !!input.photo).then(() =>
    uploadFilesStep(transform({ input }, ({ input }) => ({ files: [fileForUpload(input.photo!, "wardrobe", "private")] })))
  )
  const data = transform({ input, uploaded, variant }, ({ input, uploaded, variant }) => [
    {
      ...normalizeWardrobeItemFields(input.item),
      ...variantLink(variant),
      customer_id: input.customer_id,
      source: "manual" as const,
      photo_url: uploaded?.[0]?.url ?? null,
      photo_file_id: uploaded?.[0]?.id ?? null,
    },
  ])
  const created = createWardrobeItemsStep(data)
  return new WorkflowResponse(transform({ created }, ({ created }) => created[0]))
})

export type UpdateWardrobeItemWorkflowInput = {
  customer_id: string
  id: string
  update: WardrobeItemFields
  photo?: WardrobePhotoFile
  remove_photo?: boolean
}

/**
 * A customer edits an item, replaces or removes its photo. The new photo is uploaded first, then
 * swapped in under a row lock that answers the file it replaced, which is deleted last: however
 * many replacements run at once, each deletes exactly the file it replaced and none is orphaned.
 * A failure before the swap removes the new upload and leaves the old photo in place.
 */
export const updateWardrobeItemWorkflow = createWorkflow("update-wardrobe-item", (input: UpdateWardrobeItemWorkflowInput) => {
  retrieveOwnedWardrobeItemsStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, item_ids: [input.id] })))
  const variant = validateCatalogProductsStep(transform({ input }, ({ input }) => variantToCheck(input.update)))
  const uploaded = when("upload-wardrobe-item-photo", { input }, ({ input }) => !!input.photo).then(() =>
    uploadFilesStep(transform({ input }, ({ input }) => ({ files: [fileForUpload(input.photo!, "wardrobe", "private")] })))
  )
  const update = transform({ input, variant }, ({ input, variant }) => {
    const data: StoredWardrobeItemFields = { ...normalizeWardrobeItemFields(input.update), ...variantLink(variant) }
    // Unlinked from its variant: no longer linked to that variant's product either.
    if (input.update.variant_id === null) data.product_id = null
    return { id: input.id, data }
  })
  const updated = updateWardrobeItemStep(update)
  const replacedFileId = when("replace-wardrobe-item-photo", { input }, ({ input }) => !!input.photo || !!input.remove_photo).then(() =>
    replaceWardrobeItemPhotoStep(
      transform({ input, uploaded }, ({ input, uploaded }) => ({
        id: input.id,
        customer_id: input.customer_id,
        photo_url: uploaded?.[0]?.url ?? null,
        photo_file_id: uploaded?.[0]?.id ?? null,
      }))
    )
  )
  deleteReplacedFileStep(replacedFileId)
  return new WorkflowResponse(updated)
})

export type DeleteWardrobeItemWorkflowInput = { customer_id: string; id: string }

/** A customer removes an item: soft-deleted (with its outfit places and wear logs), then its photo file deleted. */
export const deleteWardrobeItemWorkflow = createWorkflow("delete-wardrobe-item", (input: DeleteWardrobeItemWorkflowInput) => {
  const owned = retrieveOwnedWardrobeItemsStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, item_ids: [input.id] })))
  const ids = transform({ input }, ({ input }) => [input.id])
  softDeleteWardrobeItemsStep(ids)
  const fileIds = transform({ owned }, ({ owned }) => owned.map((i) => i.photo_file_id).filter((id): id is string => !!id))
  when("delete-wardrobe-item-photo", { fileIds }, ({ fileIds }) => fileIds.length > 0).then(() => deleteFilesStep(fileIds))
  return new WorkflowResponse(ids)
})
