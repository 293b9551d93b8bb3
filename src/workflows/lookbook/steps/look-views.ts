import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { lookbookService } from "./lookbook-service"

export type RecordLookViewStepInput = { look_id: string; viewer_key: string; period_ms: number }

/**
 * Counts a viewer's view of a look, once per period (see the service). Compensation forgets
 * the view again if this call counted it; a repeated view changed nothing and has nothing to undo.
 */
export const recordLookViewStep = createStep(
  "record-lookbook-look-view",
  async (input: RecordLookViewStepInput, { container }) => {
    const recorded = await lookbookService(container).recordLookView(input)
    if (!recorded) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Look with id: ${input.look_id} was not found`)
    const undo = recorded.counted ? { look_id: input.look_id, viewer_key: input.viewer_key, period_start: recorded.period_start } : null
    return new StepResponse(recorded, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    await lookbookService(container).forgetLookView(undo)
  }
)
