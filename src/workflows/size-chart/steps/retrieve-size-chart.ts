import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SizeChartDTO } from "../../../modules/size-chart/service"
import { sizeChartService } from "./size-chart-service"

/** The chart as it is now (404 when it does not exist). */
export const retrieveSizeChartStep = createStep("retrieve-size-chart", async (input: { id: string }, { container }) => {
  const chart = (await sizeChartService(container).retrieveSizeChart(input.id)) as unknown as SizeChartDTO
  return new StepResponse(chart)
})
