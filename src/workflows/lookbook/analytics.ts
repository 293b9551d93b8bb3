import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { incrementLookCountersStep } from "./steps/looks"
import { retrieveLookStep } from "./steps/retrieve"

export type RecordLookViewWorkflowInput = { lookbook_id: string; look_id: string }

/** A shopper saw a look of a published lookbook: its view counter goes up by one, atomically. */
export const recordLookViewWorkflow = createWorkflow("record-lookbook-look-view", (input: RecordLookViewWorkflowInput) => {
  retrieveLookStep(
    transform({ input }, ({ input }) => ({ lookbook_id: input.lookbook_id, look_id: input.look_id, published_only: true }))
  )
  const counters = incrementLookCountersStep(transform({ input }, ({ input }) => ({ look_id: input.look_id, views: 1 })))
  return new WorkflowResponse(counters)
})
