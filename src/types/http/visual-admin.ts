/** Response shapes of the visual search Admin API (type-only: the admin extensions import them). */

export type VisualImageStatus = "pending" | "indexed" | "failed"

/** The ML sidecar as GET /admin/visual/index sees it: its /health answer, or why it could not be read. */
export type AdminVisualSidecar = {
  reachable: boolean
  status?: string
  /** The compute backend the sidecar chose at start (wasm, tensorflow, cpu …). */
  backend?: string
  store?: { kind: string; vectors: number; search: string }
  model_version?: string
  error?: string
}

export type AdminVisualIndexCounts = { indexed: number; pending: number; failed: number }

/** One model version's images; null for images never indexed by any model yet. */
export type AdminVisualModelVersionCounts = AdminVisualIndexCounts & { model_version: string | null }

export type AdminVisualIndexFailure = {
  image_id: string
  product_id: string
  /** null when the product was deleted from the catalog */
  product_title: string | null
  attempts: number
  last_error: string | null
  updated_at: string | Date
}

/** GET /admin/visual/index */
export type AdminVisualIndexResponse = {
  sidecar: AdminVisualSidecar
  model_versions: AdminVisualModelVersionCounts[]
  totals: AdminVisualIndexCounts
  failures: AdminVisualIndexFailure[]
}

/** POST /admin/visual/reindex (202): how many images were queued. */
export type AdminVisualReindexResponse = { queued: number }

export type AdminVisualAnalyticsCounts = {
  searches: number
  /** photos in which no garment was found */
  no_garment: number
  /** searches that found a garment but no purchasable product */
  no_purchasable: number
  /** clicks on results */
  clicks: number
  /** searches with at least one click on a result */
  clicked_searches: number
}

/** GET /admin/visual/analytics?days=30: one row a UTC day (oldest first, days without searches as zeros) and the totals. */
export type AdminVisualAnalyticsResponse = {
  days: (AdminVisualAnalyticsCounts & { date: string })[]
  /** click_through_rate: clicked searches / searches (0 without searches) */
  totals: AdminVisualAnalyticsCounts & { click_through_rate: number }
}

export type AdminProductVisualImage = {
  image_id: string
  image_url: string
  status: VisualImageStatus
  model_version: string | null
  attempts: number
  last_error: string | null
  next_attempt_at: string | Date | null
  indexed_at: string | Date | null
}

/** GET /admin/products/:id/visual-index: the index state of each of the product's images. */
export type AdminProductVisualIndexResponse = { images: AdminProductVisualImage[] }
