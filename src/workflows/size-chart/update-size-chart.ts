import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkSizeChartTargetStep } from "./steps/check-size-chart-target"
import { SizeChartData } from "./steps/create-size-chart"
import { retrieveSizeChartStep } from "./steps/retrieve-size-chart"
import { updateSizeChartStep } from "./steps/update-size-chart"

export type UpdateSizeChartWorkflowInput = { id: string; update: Partial<SizeChartData> }

/** A merchant edits a size chart: its name, category, brand or rows. */
export const updateSizeChartWorkflow = createWorkflow("update-size-chart", (input: UpdateSizeChartWorkflowInput) => {
  const current = retrieveSizeChartStep(transform({ input }, ({ input }) => ({ id: input.id })))
  checkSizeChartTargetStep(
    transform({ input, current }, ({ input, current }) => ({
      id: input.id,
      category_id: input.update.category_id ?? current.category_id,
      brand: input.update.brand !== undefined ? input.update.brand : current.brand,
    }))
  )
  const updated = updateSizeChartStep(transform({ input }, ({ input }) => ({ id: input.id, data: input.update })))
  return new WorkflowResponse(updated)
})
