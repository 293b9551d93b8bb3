import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SIZE_CHART_MODULE } from "../../../../modules/size-chart"
import SizeChartModuleService, { SizeChartDTO } from "../../../../modules/size-chart/service"
import { updateSizeChartWorkflow } from "../../../../workflows/size-chart"
import { serializeSizeCharts } from "../serialize"
import { AdminUpdateSizeChartType } from "../validators"

/** One size chart. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const chart = (await req.scope.resolve<SizeChartModuleService>(SIZE_CHART_MODULE).retrieveSizeChart(req.params.id)) as unknown as SizeChartDTO
  const [size_chart] = await serializeSizeCharts(req.scope, [chart])
  res.json({ size_chart })
}

/** Edits a size chart; `sizes`, when given, replaces the rows whole (in the order given). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateSizeChartType>, res: MedusaResponse) => {
  const update = Object.fromEntries(Object.entries(req.validatedBody).filter(([, v]) => v !== undefined))
  const { result } = await updateSizeChartWorkflow(req.scope).run({ input: { id: req.params.id, update } })
  const [size_chart] = await serializeSizeCharts(req.scope, [result])
  res.json({ size_chart })
}
