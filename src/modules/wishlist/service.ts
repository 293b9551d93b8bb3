import { Context, InferTypeOf } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { SavedItem } from "./models"

export type SavedItemDTO = InferTypeOf<typeof SavedItem>

/** Saved items can grow long, but a customer's list is read whole: this caps it. */
export const MAX_SAVED_ITEMS = 500

/**
 * A customer's saved items ("wishlist"). Generated CRUD (listSavedItems, deleteSavedItems, ...)
 * comes from MedusaService; saving is idempotent through saveProducts.
 */
class WishlistModuleService extends MedusaService({ SavedItem }) {
  /**
   * Saves products for a customer, skipping those already saved, in one transaction; answers the
   * customer's rows for every product given (existing ones unchanged), in the order given. Two
   * saves racing for one product meet the unique index: the loser's rows are read back instead.
   */
  async saveProducts(customer_id: string, product_ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<SavedItemDTO[]> {
    const wanted = [...new Set(product_ids)]
    if (!wanted.length) return []
    try {
      await this.createMissing_(customer_id, wanted, sharedContext)
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
    }
    const rows = await this.listSavedItems({ customer_id, product_id: wanted }, {}, sharedContext)
    const byProduct = new Map(rows.map((r) => [r.product_id, r]))
    return wanted.map((id) => byProduct.get(id)).filter((r): r is SavedItemDTO => !!r)
  }

  @InjectTransactionManager()
  protected async createMissing_(customer_id: string, product_ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const existing = await this.listSavedItems({ customer_id, product_id: product_ids }, { select: ["product_id"] }, sharedContext)
    const saved = new Set(existing.map((r) => r.product_id))
    const missing = product_ids.filter((id) => !saved.has(id))
    if (missing.length)
      await this.createSavedItems(
        missing.map((product_id) => ({ customer_id, product_id })),
        sharedContext
      )
  }
}

/** PostgreSQL's unique_violation, however the ORM wraps it. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null
  return e?.code === "23505" || /unique|already exists/i.test(e?.message ?? "")
}

export default WishlistModuleService
