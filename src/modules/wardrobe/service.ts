import { MedusaService } from "@medusajs/framework/utils"
import { Outfit, OutfitItem, OutfitProduct, WardrobeItem, WearLog } from "./models"
import { computeWardrobeStats, WardrobeStats } from "./stats"

/**
 * The wardrobe domain: items, outfits and the wear log, plus the stats computed from them.
 * Generated CRUD (listWardrobeItems, createWardrobeOutfits, softDeleteWardrobeWearLogs, ...) comes from MedusaService.
 */
class WardrobeModuleService extends MedusaService({
  // Keys follow the entity names (wardrobe_outfit, ...): query.graph calls list<Key>s on this service.
  WardrobeItem,
  WardrobeOutfit: Outfit,
  WardrobeOutfitItem: OutfitItem,
  WardrobeOutfitProduct: OutfitProduct,
  WardrobeWearLog: WearLog,
}) {
  /** Times worn, cost per wear, most/least worn, colour and category mix, items not worn in 90 days. */
  async computeStats(customerId: string, options: { now?: Date } = {}): Promise<WardrobeStats> {
    const [items, wears, outfitCount] = await Promise.all([
      this.listWardrobeItems(
        { customer_id: customerId },
        {
          select: ["id", "name", "category", "colours", "price_paid", "currency_code", "acquired_on", "created_at"],
          take: null,
        }
      ),
      this.listWardrobeWearLogs({ customer_id: customerId, item_id: { $ne: null } } as any, { select: ["item_id", "worn_on"], take: null }),
      this.listAndCountWardrobeOutfits({ customer_id: customerId }, { select: ["id"], take: 1 }).then(([, count]) => count),
    ])
    return computeWardrobeStats({
      items: items as any,
      wears: wears.map((w: any) => ({ item_id: w.item_id ?? w.item?.id ?? null, worn_on: w.worn_on })),
      outfitCount,
      now: options.now,
    })
  }
}

export default WardrobeModuleService
