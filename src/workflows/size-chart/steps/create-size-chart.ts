import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { SizeChartRow } from "../../../size-advice/recommend-size"
import type { SizeChartDTO } from "../../../modules/size-chart/service"
import { sizeChartService } from "./size-chart-service"

export type SizeChartData = { name: string; category_id: string; brand: string | null; sizes: SizeChartRow[] }

/** The chart as the module stores it: the rows are its JSON column. */
export const toRecord = <T extends Partial<SizeChartData>>(data: T) => data as Omit<T, "sizes"> & { sizes?: Record<string, unknown> }

/** Creates a size chart; compensation deletes it. */
export const createSizeChartStep = createStep(
  "create-size-chart",
  async (data: SizeChartData, { container }) => {
    const created = (await sizeChartService(container).createSizeCharts(
      toRecord(data) as Omit<SizeChartData, "sizes"> & { sizes: Record<string, unknown> }
    )) as unknown as SizeChartDTO
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) await sizeChartService(container).deleteSizeCharts([id])
  }
)
