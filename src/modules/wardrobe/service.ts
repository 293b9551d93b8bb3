import { Context, InferTypeOf } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { FileSwapResult, swapFileReference } from "../../files/file-swap"
import { flushPendingWrites } from "../../utils/module-sql"
import { WardrobeSeason } from "./constants"
import { Outfit, OutfitItem, OutfitProduct, WardrobeItem, WearLog } from "./models"
import { computeWardrobeStats, WardrobeStats } from "./stats"

/** A customer's item and the photo it shows. */
export type WardrobeItemPhoto = { id: string; customer_id: string; photo_url: string | null; photo_file_id: string | null }

export type WardrobeOutfitDTO = InferTypeOf<typeof Outfit>
export type WardrobeItemDTO = InferTypeOf<typeof WardrobeItem>

/** A catalog product that completes an outfit, checked against the catalog. */
export type OutfitProductRow = { product_id: string; variant_id: string | null }
/** An outfit's own fields. */
export type OutfitFields = { name?: string; occasion?: string | null; season?: WardrobeSeason | null; notes?: string | null }

/** What updating an outfit changed, for undoing it: its fields before, and the item and product rows replaced. */
export type OutfitUpdateUndo = {
  id: string
  before: OutfitFields
  removed_item_ids: string[]
  created_item_ids: string[]
  removed_product_ids: string[]
  created_product_ids: string[]
}

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

  /**
   * Creates an outfit with its items and products (in the order given) in one transaction: a
   * failure part way leaves none of them behind. Undone by deleteWardrobeOutfits (children cascade).
   */
  @InjectTransactionManager()
  async createOutfitWithContents(
    input: OutfitFields & { customer_id: string; name: string; item_ids: string[]; products: OutfitProductRow[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<WardrobeOutfitDTO> {
    const { item_ids, products, ...fields } = input
    const outfit = await this.createWardrobeOutfits(fields, sharedContext)
    await this.writeOutfitContents(outfit.id, { item_ids, products }, sharedContext)
    return outfit
  }

  /**
   * Updates an outfit's fields and replaces its item and product lists when given, in one
   * transaction. The old rows are soft-deleted rather than dropped, so that undoOutfitUpdate can
   * bring exactly them back.
   */
  @InjectTransactionManager()
  async updateOutfitWithContents(
    input: { id: string; data: OutfitFields; item_ids?: string[]; products?: OutfitProductRow[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ outfit: WardrobeOutfitDTO; undo: OutfitUpdateUndo }> {
    const fields = Object.keys(input.data) as (keyof OutfitFields)[]
    const previous = await this.retrieveWardrobeOutfit(input.id, { select: ["id", ...fields], relations: ["items", "products"] }, sharedContext)
    const undo: OutfitUpdateUndo = {
      id: input.id,
      before: Object.fromEntries(fields.map((f) => [f, previous[f]])),
      removed_item_ids: input.item_ids ? (previous.items ?? []).map((i) => i.id) : [],
      created_item_ids: [],
      removed_product_ids: input.products ? (previous.products ?? []).map((p) => p.id) : [],
      created_product_ids: [],
    }
    if (fields.length) await this.updateWardrobeOutfits({ id: input.id, ...input.data }, sharedContext)
    if (undo.removed_item_ids.length) await this.softDeleteWardrobeOutfitItems(undo.removed_item_ids, {}, sharedContext)
    if (undo.removed_product_ids.length) await this.softDeleteWardrobeOutfitProducts(undo.removed_product_ids, {}, sharedContext)
    // The unique (outfit, item) index counts live rows only: the old places must be gone before the new go in.
    await flushPendingWrites(sharedContext)
    const created = await this.writeOutfitContents(input.id, { item_ids: input.item_ids ?? [], products: input.products ?? [] }, sharedContext)
    undo.created_item_ids = created.item_ids
    undo.created_product_ids = created.product_ids
    const outfit = await this.retrieveWardrobeOutfit(input.id, {}, sharedContext)
    return { outfit, undo }
  }

  /** Undoes updateOutfitWithContents in one transaction: new rows go, replaced ones come back, fields are put back. */
  @InjectTransactionManager()
  async undoOutfitUpdate(undo: OutfitUpdateUndo, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (undo.created_item_ids.length) await this.deleteWardrobeOutfitItems(undo.created_item_ids, sharedContext)
    if (undo.removed_item_ids.length) await this.restoreWardrobeOutfitItems(undo.removed_item_ids, {}, sharedContext)
    if (undo.created_product_ids.length) await this.deleteWardrobeOutfitProducts(undo.created_product_ids, sharedContext)
    if (undo.removed_product_ids.length) await this.restoreWardrobeOutfitProducts(undo.removed_product_ids, {}, sharedContext)
    if (Object.keys(undo.before).length) await this.updateWardrobeOutfits({ id: undo.id, ...undo.before }, sharedContext)
  }

  /** Adds items and products to an outfit at positions 0..n-1; runs inside the caller's transaction. */
  protected async writeOutfitContents(
    outfitId: string,
    contents: { item_ids: string[]; products: OutfitProductRow[] },
    sharedContext: Context
  ): Promise<{ item_ids: string[]; product_ids: string[] }> {
    const items = contents.item_ids.length
      ? await this.createWardrobeOutfitItems(
          contents.item_ids.map((item_id, position) => ({ outfit_id: outfitId, item_id, position })),
          sharedContext
        )
      : []
    const products = contents.products.length
      ? await this.createWardrobeOutfitProducts(
          contents.products.map((p, position) => ({ outfit_id: outfitId, ...p, position })),
          sharedContext
        )
      : []
    return { item_ids: items.map((i) => i.id), product_ids: products.map((p) => p.id) }
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
      this.listWardrobeWearLogs({ customer_id: customerId, item_id: { $ne: null } }, { select: ["item_id", "worn_on"], take: null }),
      this.listAndCountWardrobeOutfits({ customer_id: customerId }, { select: ["id"], take: 1 }).then(([, count]) => count),
    ])
    return computeWardrobeStats({
      items,
      wears: wears.map((w) => ({ item_id: w.item_id ?? null, worn_on: w.worn_on })),
      outfitCount,
      now: options.now,
    })
  }
}

export default WardrobeModuleService
