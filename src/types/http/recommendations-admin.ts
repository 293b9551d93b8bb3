/** Response shapes of the recommendations Admin API (type-only: the admin extensions import them). */

/** An amount in major units of its currency (12.5 = €12.50). */
export type AdminRecommendationMoney = { currency_code: string; amount: number }

export type AdminRecommendationSurfaceStats = {
  /** "for_you", "outfits", "complete_the_look", "dress_me", or another surface that recorded impressions */
  surface: string
  /** products shown (one per product an answer contained) */
  impressions: number
  clicks: number
  /** clicks / impressions (0 without impressions) */
  click_through_rate: number
  add_to_cart: number
  /** orders with at least one product attributed to this surface (see `attribution`) */
  orders: number
  /** what the attributed products' order lines came to, per currency */
  revenue: AdminRecommendationMoney[]
}

/** One reason's constraint rejections: candidates it turned away and answers it left empty (`no_match`). */
export type AdminRecommendationRejection = { reason: string; rejected: number; emptied: number }

/** GET /admin/recommendations/stats?days=30 */
export type AdminRecommendationStatsResponse = {
  days: number
  /** The rule that credits a surface with a purchase, in words, and its window. */
  attribution: { window_days: number; rule: string }
  surfaces: AdminRecommendationSurfaceStats[]
  /** Every surface together (an order counted once even when several surfaces led to it). */
  totals: Omit<AdminRecommendationSurfaceStats, "surface">
  /** The hybrid as the Store API ranks with it now. */
  weights: {
    blend: "log-linear" | "linear"
    /** The weights as used: normalised to sum to 1. */
    normalised: { collaborative: number; content: number; knowledge: number }
    /** As configured (the core's defaults unless the environment sets them), before normalising. */
    configured: { collaborative: number; content: number; knowledge: number }
    defaults: { collaborative: number; content: number; knowledge: number }
    /** The environment variables that override a default. */
    overridden_by: string[]
  }
  rejections: {
    /** Every surface together, per reason. */
    by_reason: AdminRecommendationRejection[]
    by_surface: (AdminRecommendationRejection & { surface: string })[]
  }
}
