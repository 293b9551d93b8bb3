import { InferTypeOf } from "@medusajs/framework/types"
import { MedusaService } from "@medusajs/framework/utils"
import { SizeChart } from "./models"
import type { SizeChartRow } from "../../size-advice/recommend-size"

export type SizeChartDTO = Omit<InferTypeOf<typeof SizeChart>, "sizes"> & { sizes: SizeChartRow[] }

/**
 * Size charts per product category (and brand). Generated CRUD (listSizeCharts, createSizeCharts,
 * updateSizeCharts, ...) comes from MedusaService; chartFor picks the chart that applies to a product.
 */
class SizeChartModuleService extends MedusaService({ SizeChart }) {
  /**
   * The chart for a product in these categories by this brand: the brand's own chart in one of the
   * categories first (brands compared without case), then the category's chart; null when none.
   * Categories are tried in the order given.
   */
  async chartFor(categoryIds: string[], brand?: string | null): Promise<SizeChartDTO | null> {
    if (!categoryIds.length) return null
    const charts = (await this.listSizeCharts({ category_id: categoryIds }, { take: null })) as unknown as SizeChartDTO[]
    const wanted = brand?.trim().toLowerCase()
    for (const categoryId of categoryIds) {
      const own = wanted ? charts.find((c) => c.category_id === categoryId && c.brand?.trim().toLowerCase() === wanted) : undefined
      if (own) return own
    }
    for (const categoryId of categoryIds) {
      const general = charts.find((c) => c.category_id === categoryId && !c.brand)
      if (general) return general
    }
    return null
  }
}

export default SizeChartModuleService
