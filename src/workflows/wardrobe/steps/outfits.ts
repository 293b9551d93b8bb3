import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OutfitFields, OutfitProductRow } from "../../../modules/wardrobe/service"
import { wardrobeService } from "./wardrobe-service"

export type { OutfitProductRow }

export type CreateOutfitStepInput = OutfitFields & {
  customer_id: string
  name: string
  item_ids: string[]
  products: OutfitProductRow[]
}

/** Creates an outfit with its items and products (one transaction in the wardrobe module); compensation deletes it (children cascade). */
export const createOutfitStep = createStep(
  "create-wardrobe-outfit",
  async (input: CreateOutfitStepInput, { container }) => {
    const outfit = await wardrobeService(container).createOutfitWithContents(input)
    return new StepResponse(outfit, outfit.id)
  },
  async (outfitId, { container }) => {
    if (outfitId) await wardrobeService(container).deleteWardrobeOutfits(outfitId)
  }
)

export type UpdateOutfitStepInput = { id: string; data: OutfitFields; item_ids?: string[]; products?: OutfitProductRow[] }

/**
 * Updates an outfit's fields and replaces its item and product lists when given (one
 * transaction in the wardrobe module). Compensation brings back exactly the replaced rows.
 */
export const updateOutfitStep = createStep(
  "update-wardrobe-outfit",
  async (input: UpdateOutfitStepInput, { container }) => {
    const { outfit, undo } = await wardrobeService(container).updateOutfitWithContents(input)
    return new StepResponse(outfit, undo)
  },
  async (undo, { container }) => {
    if (undo) await wardrobeService(container).undoOutfitUpdate(undo)
  }
)

/** Soft-deletes outfits (their items, products and wear logs cascade); compensation restores them. */
export const softDeleteOutfitsStep = createStep(
  "soft-delete-wardrobe-outfits",
  async (ids: string[], { container }) => {
    await wardrobeService(container).softDeleteWardrobeOutfits(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await wardrobeService(container).restoreWardrobeOutfits(ids)
  }
)
