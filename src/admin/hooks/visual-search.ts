import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { AdminProductVisualIndexResponse, AdminVisualAnalyticsResponse, AdminVisualIndexResponse, AdminVisualReindexResponse } from "../lib/types"

/**
 * The visual search Admin API as queries and mutations. A re-index refreshes everything under
 * visualKeys.all: the index page's counts and failures, and the product pages' widget.
 */
export const visualKeys = {
  all: ["curator-visual"] as const,
  index: () => [...visualKeys.all, "index"] as const,
  analytics: (days: number) => [...visualKeys.all, "analytics", days] as const,
  product: (productId: string) => [...visualKeys.all, "product", productId] as const,
}

/** While images wait for the indexer the counts move on their own: read them again this often. */
const PENDING_REFRESH_MS = 5_000

/** The index's counts per model version, the sidecar's health and the recent failures. */
export const useVisualIndex = () =>
  useQuery({
    queryKey: visualKeys.index(),
    queryFn: () => sdk.client.fetch<AdminVisualIndexResponse>("/admin/visual/index"),
    refetchInterval: (query) => (query.state.data?.totals.pending ? PENDING_REFRESH_MS : false),
  })

/** Photo searches per day over the last `days` days, and their totals. */
export const useVisualAnalytics = (days: number) =>
  useQuery({
    queryKey: visualKeys.analytics(days),
    queryFn: () => sdk.client.fetch<AdminVisualAnalyticsResponse>("/admin/visual/analytics", { query: { days } }),
    placeholderData: keepPreviousData,
  })

/** The index state of each of a product's images. */
export const useProductVisualIndex = (productId: string) =>
  useQuery({
    queryKey: visualKeys.product(productId),
    queryFn: () => sdk.client.fetch<AdminProductVisualIndexResponse>(`/admin/products/${productId}/visual-index`),
    select: (data) => data.images,
    refetchInterval: (query) => (query.state.data?.images.some((image) => image.status === "pending") ? PENDING_REFRESH_MS : false),
  })

/**
 * Queues a product's images (or, without a product, the whole catalog's) for indexing again;
 * resolves with how many were queued once the page's counts have been read again.
 */
export const useReindex = () => {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (productId?: string) =>
      sdk.client.fetch<AdminVisualReindexResponse>("/admin/visual/reindex", { method: "POST", body: productId ? { product_id: productId } : {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visualKeys.all }),
  })
}
