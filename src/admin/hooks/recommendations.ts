import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AdminRecommendationStatsResponse } from "../../types/http/recommendations-admin"

export const recommendationKeys = {
  all: ["curator-recommendations"] as const,
  stats: (days: number) => [...recommendationKeys.all, "stats", days] as const,
}

/** Recommendations over the last `days` days: per surface, the weights in use, constraint rejections. */
export const useRecommendationStats = (days: number) =>
  useQuery({
    queryKey: recommendationKeys.stats(days),
    queryFn: () => sdk.client.fetch<AdminRecommendationStatsResponse>("/admin/recommendations/stats", { query: { days } }),
    placeholderData: keepPreviousData,
  })
