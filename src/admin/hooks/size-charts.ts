import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

/** The measurements a chart row can list, in cm (as src/size-advice/recommend-size.ts names them). */
export const SIZE_MEASURES = ["chest", "waist", "hips", "inseam", "foot_length"] as const
export type SizeMeasure = (typeof SIZE_MEASURES)[number]
export type MeasureRange = { min: number; max: number }
export type SizeChartRow = { size: string } & Partial<Record<SizeMeasure, MeasureRange | null>>

export type AdminSizeChart = {
  id: string
  name: string
  category_id: string
  brand: string | null
  sizes: SizeChartRow[]
  category: { id: string; name: string; handle: string } | null
  updated_at: string
}

type AdminSizeChartListResponse = { size_charts: AdminSizeChart[]; count: number; offset: number; limit: number }

export const sizeChartKeys = { all: ["curator-size-charts"] as const }

/** Every size chart (a shop has a few dozen: one per category, and brands that cut differently). */
export const useSizeCharts = () =>
  useQuery({
    queryKey: sizeChartKeys.all,
    queryFn: () => sdk.client.fetch<AdminSizeChartListResponse>("/admin/size-charts", { query: { limit: 100 } }),
  })

/** Saves a chart's name, brand or rows (rows are replaced whole). */
export const useUpdateSizeChart = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { id: string; name?: string; brand?: string | null; sizes?: SizeChartRow[] }) => {
      const { id, ...body } = input
      return sdk.client.fetch<{ size_chart: AdminSizeChart }>(`/admin/size-charts/${id}`, { method: "POST", body })
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sizeChartKeys.all }),
  })
}
