import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { SizeChartDTO } from "../../../modules/size-chart/service"

export type AdminSizeChart = Pick<SizeChartDTO, "id" | "name" | "category_id" | "brand" | "sizes"> & {
  category: { id: string; name: string; handle: string } | null
  updated_at: Date | string
}

/** Charts as the admin shows them: with their category's name (read through the size chart–category link's target). */
export async function serializeSizeCharts(scope: MedusaContainer, charts: SizeChartDTO[]): Promise<AdminSizeChart[]> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const ids = [...new Set(charts.map((c) => c.category_id))]
  const { data } = ids.length
    ? await query.graph({ entity: "product_category", fields: ["id", "name", "handle"], filters: { id: ids } })
    : { data: [] }
  const byId = new Map((data as { id: string; name: string; handle: string }[]).map((c) => [c.id, c]))
  return charts.map((c) => ({
    id: c.id,
    name: c.name,
    category_id: c.category_id,
    brand: c.brand ?? null,
    sizes: c.sizes,
    category: byId.get(c.category_id) ?? null,
    updated_at: c.updated_at,
  }))
}
