import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { SIZE_CHART_MODULE } from "../../modules/size-chart"
import SizeChartModuleService from "../../modules/size-chart/service"
import { createSizeChartWorkflow } from "../../workflows/size-chart"
import { demoSizeCharts } from "./size-charts"

/**
 * Gives every demo category its size chart, and the demo brands that cut differently their own
 * (see size-charts.ts), so every demo product has one. Charts that exist (by category and brand)
 * are left as the merchant may have edited them: running the seed again adds nothing.
 */
export async function seedSizeCharts(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const charts = demoSizeCharts()
  const categories = await container.resolve(Modules.PRODUCT).listProductCategories({ handle: [...new Set(charts.map((c) => c.category_handle))] })
  const categoryIds = new Map(categories.map((c) => [c.handle, c.id]))
  const existing = await container
    .resolve<SizeChartModuleService>(SIZE_CHART_MODULE)
    .listSizeCharts({ category_id: categories.map((c) => c.id) }, { select: ["category_id", "brand"], take: null })
  const present = new Set(existing.map((c) => `${c.category_id}|${c.brand?.toLowerCase() ?? ""}`))

  let created = 0
  for (const chart of charts) {
    const categoryId = categoryIds.get(chart.category_handle)
    if (!categoryId || present.has(`${categoryId}|${chart.brand?.toLowerCase() ?? ""}`)) continue
    await createSizeChartWorkflow(container).run({
      input: { size_chart: { name: chart.name, category_id: categoryId, brand: chart.brand, sizes: chart.sizes } },
    })
    created++
  }
  logger.info(`Size charts: ${charts.length} demo charts, ${created} created.`)
}
