import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { Lookbook, LookbookHotspot, LookbookLook } from "./models"

export type LookCounters = { id: string; view_count: number; add_to_cart_count: number }

/**
 * Lookbooks, their looks and hotspots. Generated CRUD (listLookbooks, createLookbookLooks,
 * softDeleteLookbookHotspots, ...) comes from MedusaService; keys follow the entity names so
 * that query.graph finds list<Key>s on this service.
 */
class LookbookModuleService extends MedusaService({
  Lookbook,
  LookbookLook,
  LookbookHotspot,
}) {
  /**
   * Adds to a look's view and add-to-cart counters in one UPDATE that reads and writes the row
   * under its lock: a read-modify-write through the ORM would lose counts when shoppers act at
   * the same moment. Negative amounts undo (workflow compensations) and never go below zero.
   * Returns the new counts, or null when the look does not exist (or is deleted).
   */
  @InjectManager()
  async incrementLookCounters(
    lookId: string,
    by: { views?: number; add_to_cart?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LookCounters | null> {
    const views = Math.trunc(by.views ?? 0)
    const addToCart = Math.trunc(by.add_to_cart ?? 0)
    const manager = sharedContext.manager as any
    const rows: LookCounters[] = await manager.execute(
      `UPDATE "lookbook_look"
          SET "view_count" = GREATEST("view_count" + ?, 0),
              "add_to_cart_count" = GREATEST("add_to_cart_count" + ?, 0)
        WHERE "id" = ? AND "deleted_at" IS NULL
        RETURNING "id", "view_count", "add_to_cart_count"`,
      [views, addToCart, lookId]
    )
    const row = rows[0]
    return row ? { id: row.id, view_count: Number(row.view_count), add_to_cart_count: Number(row.add_to_cart_count) } : null
  }
}

export default LookbookModuleService
