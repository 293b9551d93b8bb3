import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { toWearDay } from "../../../modules/wardrobe/wear-days"
import { wardrobeService } from "./wardrobe-service"

export type WearLogRow = { customer_id: string; item_id: string | null; outfit_id: string | null; worn_on: Date | string }

/** An item is worn once a day whether alone or in an outfit; an outfit's own row is keyed by the outfit. */
const keyOf = (r: { item_id?: string | null; outfit_id?: string | null; worn_on: Date | string }) =>
  `${r.item_id ? `item:${r.item_id}` : `outfit:${r.outfit_id}`}|${toWearDay(r.worn_on).toISOString()}`

/**
 * Records wears, one per item or outfit and day: a wear already logged for that day is returned
 * instead of logged twice. Compensation deletes only the rows this step created.
 */
export const createWearLogsStep = createStep(
  "create-wardrobe-wear-logs",
  async (rows: WearLogRow[], { container }) => {
    const service = wardrobeService(container)
    const normalized = rows.map((r) => ({ ...r, worn_on: toWearDay(r.worn_on) }))
    const days = [...new Set(normalized.map((r) => r.worn_on.toISOString()))].map((d) => new Date(d))
    const existing = await service.listWardrobeWearLogs(
      { customer_id: [...new Set(normalized.map((r) => r.customer_id))], worn_on: days },
      { select: ["id", "item_id", "outfit_id", "worn_on", "customer_id"], take: null }
    )
    const existingByKey = new Map(existing.map((w) => [keyOf(w), w] as const))
    const missing = normalized.filter((r, i) => !existingByKey.has(keyOf(r)) && normalized.findIndex((o) => keyOf(o) === keyOf(r)) === i)
    const created = missing.length ? await service.createWardrobeWearLogs(missing) : []
    const createdByKey = new Map(created.map((w) => [keyOf(w), w]))
    // Every row is either logged already or created just now.
    const logs = normalized.map((r) => (createdByKey.get(keyOf(r)) ?? existingByKey.get(keyOf(r)))!)
    return new StepResponse(
      { logs, created_count: created.length },
      created.map((w) => w.id)
    )
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) return
    await wardrobeService(container).deleteWardrobeWearLogs(createdIds)
  }
)
