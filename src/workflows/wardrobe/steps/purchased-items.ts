import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { WardrobeItemData } from "../types"
import { wardrobeService } from "./wardrobe-service"

/**
 * Creates the wardrobe items of an order's purchased variants that the wardrobe does not hold
 * yet. Items already added for the same order and variant count, removed ones too (withDeleted):
 * running the workflow again never duplicates an item nor brings back one the customer deleted.
 * Compensation deletes only what this run created.
 */
export const createPurchasedWardrobeItemsStep = createStep(
  "create-purchased-wardrobe-items",
  async (data: WardrobeItemData[], { container }) => {
    if (!data.length) return new StepResponse({ created: [], skipped: 0 }, [] as string[])
    const service = wardrobeService(container)
    const orderIds = [...new Set(data.map((d) => d.order_id!))]
    const existing = await service.listWardrobeItems(
      { order_id: orderIds },
      { select: ["id", "order_id", "variant_id"], withDeleted: true, take: null }
    )
    const present = new Set(existing.map((i) => `${i.order_id}:${i.variant_id}`))
    const missing = data.filter((d) => !present.has(`${d.order_id}:${d.variant_id}`))
    const created = missing.length ? await service.createWardrobeItems(missing) : []
    return new StepResponse(
      { created, skipped: data.length - missing.length },
      created.map((i) => i.id)
    )
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) return
    await wardrobeService(container).deleteWardrobeItems(createdIds)
  }
)
