import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SIZE_CHART_MODULE } from "../../../modules/size-chart"
import SizeChartModuleService, { SizeChartDTO } from "../../../modules/size-chart/service"
import { createSizeChartWorkflow } from "../../../workflows/size-chart"
import { AdminCreateSizeChartType, AdminGetSizeChartsParamsType } from "./validators"
import { serializeSizeCharts } from "./serialize"

/** Size charts by category and brand, with their category's name; filter by category_id or brand. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetSizeChartsParamsType>, res: MedusaResponse) => {
  const { category_id, brand } = req.validatedQuery as AdminGetSizeChartsParamsType
  const { skip, take } = req.queryConfig.pagination as { skip: number; take: number }
  const filters: Record<string, unknown> = {}
  if (category_id) filters.category_id = category_id
  if (brand) filters.brand = { $ilike: brand }
  const [charts, count] = await req.scope
    .resolve<SizeChartModuleService>(SIZE_CHART_MODULE)
    .listAndCountSizeCharts(filters, { skip, take, order: { category_id: "ASC", brand: "ASC", created_at: "ASC" } })
  res.json({ size_charts: await serializeSizeCharts(req.scope, charts as unknown as SizeChartDTO[]), count, offset: skip, limit: take })
}

/** Adds a size chart for a product category (and optionally one brand, whose cut differs). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateSizeChartType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await createSizeChartWorkflow(req.scope).run({ input: { size_chart: { ...body, brand: body.brand ?? null } } })
  const [chart] = await serializeSizeCharts(req.scope, [result])
  res.status(201).json({ size_chart: chart })
}
