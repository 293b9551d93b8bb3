import { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { FileSwapResult, swapFileReference } from "../../files/file-swap"
import { Outfit, OutfitItem, OutfitProduct, WardrobeItem, WearLog } from "./models"
import { computeWardrobeStats, WardrobeStats } from "./stats"

/** A customer's item and the photo it shows. */
export type WardrobeItemPhoto = { id: string; customer_id: string; photo_url: string | null; photo_file_id: string | null }

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
  /**
   * Points a customer's item at a new photo (or none) and answers the photo it had before, whose
   * file the caller deletes once this has committed; the row is locked for the swap (see
   * swapFileReference). `expected_file_id`, when given, makes the swap conditional (a workflow's
   * compensation puts a photo back only if nothing replaced it since).
   */
  @InjectTransactionManager()
  async replaceItemPhoto(
    input: WardrobeItemPhoto & { expected_file_id?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<FileSwapResult<WardrobeItemPhoto>> {
    return swapFileReference<WardrobeItemPhoto>(
      sharedContext,
      {
        table: "wardrobe_item",
        where: { id: input.id, customer_id: input.customer_id },
        file_id_column: "photo_file_id",
        columns: ["id", "customer_id", "photo_url", "photo_file_id"],
        not_found: `Wardrobe item with id: ${input.id}`,
      },
      input.expected_file_id,
      () => this.updateWardrobeItems({ id: input.id, photo_url: input.photo_url, photo_file_id: input.photo_file_id }, sharedContext)
    )
  }

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
