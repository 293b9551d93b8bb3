import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WardrobeItemData, WardrobeItemFields } from "../types"
import { wardrobeService } from "./wardrobe-service"

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
  data: WardrobeItemFields & { photo_url?: string | null; photo_file_id?: string | null }
}

/** Updates one item; compensation writes back the previous values of the fields it changed. */
export const updateWardrobeItemStep = createStep(
  "update-wardrobe-item",
  async (input: UpdateWardrobeItemStepInput, { container }) => {
    const service = wardrobeService(container)
    const fields = Object.keys(input.data)
    const previous = await service.retrieveWardrobeItem(input.id, { select: ["id", ...fields] as any })
    const updated = await service.updateWardrobeItems({ id: input.id, ...input.data } as any)
    const before: Record<string, unknown> = { id: input.id }
    for (const field of fields) before[field] = (previous as any)[field]
    return new StepResponse(updated, before)
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
