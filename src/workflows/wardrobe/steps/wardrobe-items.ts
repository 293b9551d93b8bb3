import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WardrobeItemData, WardrobeItemFields } from "../types"
import { wardrobeService } from "./wardrobe-service"
import { WardrobeItemPhoto } from "../../../modules/wardrobe/service"
import { createSwapFileStep } from "../../files/swap-file-step"

/** Creates wardrobe items; compensation deletes them again. */
export const createWardrobeItemsStep = createStep(
  "create-wardrobe-items",
  async (data: WardrobeItemData[], { container }) => {
    if (!data.length) return new StepResponse([], [])
    const created = await wardrobeService(container).createWardrobeItems(data as any[])
    return new StepResponse(created, created.map((i) => i.id))
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) return
    await wardrobeService(container).deleteWardrobeItems(createdIds)
  }
)

export type UpdateWardrobeItemStepInput = {
  id: string
  data: WardrobeItemFields
}

/** Updates one item; compensation writes back the previous values of the fields it changed. */
export const updateWardrobeItemStep = createStep(
  "update-wardrobe-item",
  async (input: UpdateWardrobeItemStepInput, { container }) => {
    const service = wardrobeService(container)
    const fields = Object.keys(input.data)
    // Only a photo was sent: nothing of the item's own fields to write.
    if (!fields.length) return new StepResponse(await service.retrieveWardrobeItem(input.id), null as Record<string, unknown> | null)
    const previous = await service.retrieveWardrobeItem(input.id, { select: ["id", ...fields] as any })
    const updated = await service.updateWardrobeItems({ id: input.id, ...input.data } as any)
    const before: Record<string, unknown> = { id: input.id }
    for (const field of fields) before[field] = (previous as any)[field]
    return new StepResponse(updated, before as Record<string, unknown> | null)
  },
  async (before, { container }) => {
    if (!before) return
    await wardrobeService(container).updateWardrobeItems(before as any)
  }
)

/** Soft-deletes items (and, by cascade, their outfit places and wear logs); compensation restores them. */
export const softDeleteWardrobeItemsStep = createStep(
  "soft-delete-wardrobe-items",
  async (ids: string[], { container }) => {
    await wardrobeService(container).softDeleteWardrobeItems(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await wardrobeService(container).restoreWardrobeItems(ids)
  }
)

/**
 * Swaps an item's photo under a row lock (see the service's replaceItemPhoto) and answers the
 * file it replaced, for the workflow to delete after (see createSwapFileStep).
 */
export const replaceWardrobeItemPhotoStep = createSwapFileStep<WardrobeItemPhoto>(
  "replace-wardrobe-item-photo",
  "photo_file_id",
  (container, input) => wardrobeService(container).replaceItemPhoto(input)
)
