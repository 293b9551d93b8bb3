import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { checkSizeChartTargetStep } from "./steps/check-size-chart-target"
import { createSizeChartStep, SizeChartData } from "./steps/create-size-chart"

export type CreateSizeChartWorkflowInput = { size_chart: SizeChartData }

/** A merchant adds a size chart for a category (and brand). */
export const createSizeChartWorkflow = createWorkflow("create-size-chart", (input: CreateSizeChartWorkflowInput) => {
  checkSizeChartTargetStep(
    transform({ input }, ({ input }) => ({ category_id: input.size_chart.category_id, brand: input.size_chart.brand ?? null }))
  )
  const created = createSizeChartStep(transform({ input }, ({ input }) => ({ ...input.size_chart, brand: input.size_chart.brand ?? null })))
  return new WorkflowResponse(created)
})
