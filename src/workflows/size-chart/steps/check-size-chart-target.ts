import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { sizeChartService } from "./size-chart-service"

export type SizeChartTarget = { id?: string; category_id: string; brand: string | null }

/**
 * Refuses a chart for a category that does not exist, or a second chart for the same category and
 * brand (brands compared without case). Reads only; the unique indexes stay the last word in a race.
 */
export const checkSizeChartTargetStep = createStep("check-size-chart-target", async (input: SizeChartTarget, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: categories } = await query.graph({ entity: "product_category", fields: ["id"], filters: { id: input.category_id } })
  if (!categories.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Product category with id: ${input.category_id} was not found`)
  const charts = await sizeChartService(container).listSizeCharts({ category_id: input.category_id }, { select: ["id", "brand"], take: null })
  const brand = input.brand?.toLowerCase() ?? null
  const holder = charts.find((c) => c.id !== input.id && (c.brand?.toLowerCase() ?? null) === brand)
  if (holder) {
    const what = input.brand ? `category ${input.category_id} and brand ${input.brand}` : `category ${input.category_id}`
    throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `A size chart for ${what} already exists (${holder.id}).`)
  }
  return new StepResponse(undefined)
})
