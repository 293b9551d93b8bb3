import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { keepTryOnStep, KeepTryOnStepInput } from "./steps/keep-try-on"

/** A signed-in customer keeps their own try-on: its photo and result outlive the 24-hour deletion. */
export const keepTryOnWorkflow = createWorkflow("keep-try-on", (input: KeepTryOnStepInput) => {
  return new WorkflowResponse(keepTryOnStep(input))
})
