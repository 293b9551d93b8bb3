import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SizeChartDTO } from "../../../modules/size-chart/service"
import { SizeChartData, toRecord } from "./create-size-chart"
import { sizeChartService } from "./size-chart-service"

/** Updates a size chart's fields (the rows are replaced whole); compensation writes the previous values back. */
export const updateSizeChartStep = createStep(
  "update-size-chart",
  async (input: { id: string; data: Partial<SizeChartData> }, { container }) => {
    const service = sizeChartService(container)
    const previous = (await service.retrieveSizeChart(input.id)) as unknown as SizeChartDTO
    const updated = (await service.updateSizeCharts({ id: input.id, ...toRecord(input.data) })) as unknown as SizeChartDTO
    const before = { id: previous.id, name: previous.name, category_id: previous.category_id, brand: previous.brand, sizes: previous.sizes }
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (before) await sizeChartService(container).updateSizeCharts(toRecord(before))
  }
)
