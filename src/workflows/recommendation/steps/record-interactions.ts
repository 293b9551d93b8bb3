import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RECOMMENDATION_MODULE } from "../../../modules/recommendation"
import type RecommendationModuleService from "../../../modules/recommendation/service"
import type { RecordInteractionInput } from "../../../modules/recommendation/service"

/**
 * Appends interactions to the log. No compensation: the log records what happened, and rows with
 * a dedup_key are written once however often the step runs again.
 */
export const recordInteractionsStep = createStep("record-recommendation-interactions", async (input: RecordInteractionInput[], { container }) => {
  const recorded = await container.resolve<RecommendationModuleService>(RECOMMENDATION_MODULE).recordInteractions(input)
  return new StepResponse({ recorded })
})
