import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WardrobeSeason } from "../../../modules/wardrobe/constants"
import { wardrobeService } from "./wardrobe-service"

export type OutfitProductRow = { product_id: string; variant_id: string | null }

export type CreateOutfitStepInput = {
  customer_id: string
  name: string
  occasion?: string | null
  season?: WardrobeSeason | null
  notes?: string | null
  item_ids: string[]
  products: OutfitProductRow[]
}

/** Creates an outfit with its items and products; compensation deletes it (children cascade). */
export const createOutfitStep = createStep(
  "create-wardrobe-outfit",
  async (input: CreateOutfitStepInput, { container }) => {
    const service = wardrobeService(container)
    const { item_ids, products, ...fields } = input
    const outfit = await service.createWardrobeOutfits(fields)
    try {
      if (item_ids.length) {
        await service.createWardrobeOutfitItems(item_ids.map((item_id, position) => ({ outfit_id: outfit.id, item_id, position })) as any[])
      }
      if (products.length) {
        await service.createWardrobeOutfitProducts(products.map((p, position) => ({ outfit_id: outfit.id, ...p, position })) as any[])
      }
    } catch (error) {
      // This step's own writes are not compensated when the step itself throws.
      await service.deleteWardrobeOutfits(outfit.id)
      throw error
    }
    return new StepResponse(outfit, outfit.id)
  },
  async (outfitId, { container }) => {
    if (!outfitId) return
    await wardrobeService(container).deleteWardrobeOutfits(outfitId)
  }
)

export type UpdateOutfitStepInput = {
  id: string
  data: { name?: string; occasion?: string | null; season?: WardrobeSeason | null; notes?: string | null }
  item_ids?: string[]
  products?: OutfitProductRow[]
}

type UpdateOutfitCompensation = {
  id: string
  before: Record<string, unknown>
  removedItemIds: string[]
  createdItemIds: string[]
  removedProductIds: string[]
  createdProductIds: string[]
}

/**
 * Updates an outfit's fields and replaces its item and product lists when given. The old rows
 * are soft-deleted rather than dropped, so that compensation can bring exactly them back.
 */
export const updateOutfitStep = createStep(
  "update-wardrobe-outfit",
  async (input: UpdateOutfitStepInput, { container }) => {
    const service = wardrobeService(container)
    const fields = Object.keys(input.data)
    const previous = await service.retrieveWardrobeOutfit(input.id, { select: ["id", ...fields] as any, relations: ["items", "products"] })
    const compensation: UpdateOutfitCompensation = {
      id: input.id,
      before: Object.fromEntries(fields.map((f) => [f, (previous as any)[f]])),
      removedItemIds: [],
      createdItemIds: [],
      removedProductIds: [],
      createdProductIds: [],
    }
    const undo = () => compensateOutfitUpdate(container, compensation)
    try {
      if (fields.length) await service.updateWardrobeOutfits({ id: input.id, ...input.data })
      if (input.item_ids) {
        compensation.removedItemIds = (previous.items ?? []).map((i) => i.id)
        if (compensation.removedItemIds.length) await service.softDeleteWardrobeOutfitItems(compensation.removedItemIds)
        if (input.item_ids.length) {
          const created = await service.createWardrobeOutfitItems(
            input.item_ids.map((item_id, position) => ({ outfit_id: input.id, item_id, position })) as any[]
          )
          compensation.createdItemIds = created.map((i) => i.id)
        }
      }
      if (input.products) {
        compensation.removedProductIds = (previous.products ?? []).map((p) => p.id)
        if (compensation.removedProductIds.length) await service.softDeleteWardrobeOutfitProducts(compensation.removedProductIds)
        if (input.products.length) {
          const created = await service.createWardrobeOutfitProducts(
            input.products.map((p, position) => ({ outfit_id: input.id, ...p, position })) as any[]
          )
          compensation.createdProductIds = created.map((p) => p.id)
        }
      }
    } catch (error) {
      await undo()
      throw error
    }
    const outfit = await service.retrieveWardrobeOutfit(input.id)
    return new StepResponse(outfit, compensation)
  },
  async (compensation, { container }) => {
    if (!compensation) return
    await compensateOutfitUpdate(container, compensation)
  }
)

async function compensateOutfitUpdate(container: Parameters<typeof wardrobeService>[0], c: UpdateOutfitCompensation) {
  const service = wardrobeService(container)
  if (c.createdItemIds.length) await service.deleteWardrobeOutfitItems(c.createdItemIds)
  if (c.removedItemIds.length) await service.restoreWardrobeOutfitItems(c.removedItemIds)
  if (c.createdProductIds.length) await service.deleteWardrobeOutfitProducts(c.createdProductIds)
  if (c.removedProductIds.length) await service.restoreWardrobeOutfitProducts(c.removedProductIds)
  if (Object.keys(c.before).length) await service.updateWardrobeOutfits({ id: c.id, ...c.before } as any)
}

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
