import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { retrieveOwnedOutfitsStep, retrieveOwnedWardrobeItemsStep } from "./steps/retrieve-owned"
import { createWearLogsStep } from "./steps/wear-logs"

export type LogWardrobeWearWorkflowInput = {
  customer_id: string
  worn_on: string | Date
} & ({ item_id: string; outfit_id?: undefined } | { outfit_id: string; item_id?: undefined })

/**
 * Marks an item, or an outfit and every item in it, worn on a day. Logging the same day again
 * changes nothing. Returns the wear of the item or outfit asked for.
 */
export const logWardrobeWearWorkflow = createWorkflow("log-wardrobe-wear", (input: LogWardrobeWearWorkflowInput) => {
  const item = when("wear-of-item", { input }, ({ input }) => !!input.item_id).then(() =>
    retrieveOwnedWardrobeItemsStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, item_ids: [input.item_id!] })))
  )
  const outfits = when("wear-of-outfit", { input }, ({ input }) => !!input.outfit_id).then(() =>
    retrieveOwnedOutfitsStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id, outfit_ids: [input.outfit_id!] })))
  )
  const rows = transform({ input, item, outfits }, ({ input, outfits }) => {
    const base = { customer_id: input.customer_id, worn_on: input.worn_on }
    if (input.item_id) return [{ ...base, item_id: input.item_id, outfit_id: null }]
    const outfit = outfits![0]
    return [{ ...base, item_id: null, outfit_id: outfit.id }, ...outfit.item_ids.map((item_id) => ({ ...base, item_id, outfit_id: outfit.id }))]
  })
  const result = createWearLogsStep(rows)
  return new WorkflowResponse(
    transform({ result }, ({ result }) => ({ wear_log: result.logs[0], logged: result.created_count > 0, item_wears: result.logs.length }))
  )
})
