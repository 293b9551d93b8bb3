import { Context, InferTypeOf } from "@medusajs/framework/types"
import { MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { TryOn } from "./models"

export type TryOnDTO = InferTypeOf<typeof TryOn>

/** How long a try-on that nobody kept lives: its photo, result and row are deleted after this. */
export const TRY_ON_RETENTION_MS = 24 * 60 * 60 * 1000

/**
 * Try-ons (a shopper's photo with a garment placed on it). Generated CRUD (createTryOns,
 * listTryOns, deleteTryOns, ...) comes from MedusaService.
 */
class TryOnModuleService extends MedusaService({ TryOn }) {
  /** Try-ons nobody kept that were created before `now` minus the retention, oldest first. */
  async listExpiredTryOns(now: Date, limit: number, @MedusaContext() sharedContext: Context = {}): Promise<TryOnDTO[]> {
    const before = new Date(now.getTime() - TRY_ON_RETENTION_MS)
    return this.listTryOns(
      { kept: false, created_at: { $lt: before } },
      { take: limit, order: { created_at: "ASC" }, select: ["id", "photo_file_id", "result_file_id"] },
      sharedContext
    )
  }
}

export default TryOnModuleService
