import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordLookViewStep } from "./steps/look-views"
import { retrieveLookStep } from "./steps/retrieve"

export type RecordLookViewWorkflowInput = {
  lookbook_id: string
  look_id: string
  /** Who saw it: "customer:<id>" for a signed-in shopper, else an anonymous key (never an address). */
  viewer_key: string
  /** A viewer's views of a look count once per period of this length. */
  period_ms: number
}

/**
 * A shopper saw a look of a published lookbook: its view counter goes up by one, atomically,
 * the first time this viewer reports it in the period; later reports count nothing.
 */
export const recordLookViewWorkflow = createWorkflow("record-lookbook-look-view", (input: RecordLookViewWorkflowInput) => {
  retrieveLookStep(transform({ input }, ({ input }) => ({ lookbook_id: input.lookbook_id, look_id: input.look_id, published_only: true })))
  const recorded = recordLookViewStep(
    transform({ input }, ({ input }) => ({ look_id: input.look_id, viewer_key: input.viewer_key, period_ms: input.period_ms }))
  )
  return new WorkflowResponse(recorded)
})
