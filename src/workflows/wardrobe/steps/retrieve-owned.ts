import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { wardrobeService } from "./wardrobe-service"

const unique = (ids: string[]) => [...new Set(ids)]

/**
 * The customer's own wardrobe items with these ids, or NOT_FOUND naming the first that is
 * missing or someone else's: another customer's item is indistinguishable from no item.
 * Reads only, so nothing to compensate.
 */
export const retrieveOwnedWardrobeItemsStep = createStep(
  "retrieve-owned-wardrobe-items",
  async (input: { customer_id: string; item_ids: string[] }, { container }) => {
    const ids = unique(input.item_ids)
    if (!ids.length) return new StepResponse([])
    const items = await wardrobeService(container).listWardrobeItems(
      { id: ids, customer_id: input.customer_id },
      { select: ["id", "photo_file_id", "photo_url"], take: null }
    )
    const found = new Set(items.map((i) => i.id))
    const missing = ids.find((id) => !found.has(id))
    if (missing) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Wardrobe item with id: ${missing} was not found`)
    return new StepResponse(items)
  }
)

/** The customer's own outfits with these ids (and their item ids), or NOT_FOUND. */
export const retrieveOwnedOutfitsStep = createStep(
  "retrieve-owned-wardrobe-outfits",
  async (input: { customer_id: string; outfit_ids: string[] }, { container }) => {
    const ids = unique(input.outfit_ids)
    const outfits = await wardrobeService(container).listWardrobeOutfits(
      { id: ids, customer_id: input.customer_id },
      { select: ["id"], relations: ["items"], take: null }
    )
    const found = new Set(outfits.map((o) => o.id))
    const missing = ids.find((id) => !found.has(id))
    if (missing) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Outfit with id: ${missing} was not found`)
    return new StepResponse(
      outfits.map((o) => ({
        id: o.id,
        item_ids: [...(o.items ?? [])].sort((a, b) => a.position - b.position).map((i) => i.item_id),
      }))
    )
  }
)
