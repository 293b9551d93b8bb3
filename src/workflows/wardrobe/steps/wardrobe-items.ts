import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { StoredWardrobeItemFields, WardrobeItemData } from "../types"
import { wardrobeService } from "./wardrobe-service"
import { WardrobeItemDTO, WardrobeItemPhoto } from "../../../modules/wardrobe/service"
import { createSwapFileStep } from "../../files/swap-file-step"

/** Creates wardrobe items; compensation deletes them again. */
export const createWardrobeItemsStep = createStep(
  "create-wardrobe-items",
  async (data: WardrobeItemData[], { container }) => {
    if (!data.length) return new StepResponse([] as WardrobeItemDTO[], [] as string[])
    const created = await wardrobeService(container).createWardrobeItems(data)
    return new StepResponse(
      created,
      created.map((i) => i.id)
    )
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) return
    await wardrobeService(container).deleteWardrobeItems(createdIds)
  }
)

export type UpdateWardrobeItemStepInput = {
  id: string
  data: StoredWardrobeItemFields
}

type ItemFieldsBefore = StoredWardrobeItemFields & { id: string }

/** Updates one item; compensation writes back the previous values of the fields it changed. */
export const updateWardrobeItemStep = createStep(
  "update-wardrobe-item",
  async (input: UpdateWardrobeItemStepInput, { container }) => {
    const service = wardrobeService(container)
    const fields = Object.keys(input.data) as (keyof StoredWardrobeItemFields)[]
    // Only a photo was sent: nothing of the item's own fields to write.
    if (!fields.length) return new StepResponse(await service.retrieveWardrobeItem(input.id), null as ItemFieldsBefore | null)
    const previous = await service.retrieveWardrobeItem(input.id, { select: ["id", ...fields] })
    const updated = await service.updateWardrobeItems({ id: input.id, ...input.data })
    const before: ItemFieldsBefore = { id: input.id, ...Object.fromEntries(fields.map((field) => [field, previous[field]])) }
    return new StepResponse(updated, before as ItemFieldsBefore | null)
  },
  async (before, { container }) => {
    if (before) await wardrobeService(container).updateWardrobeItems(before)
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
