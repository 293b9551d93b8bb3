/**
 * How much one report counts towards hiding a post on its own: the reporter's standing.
 * Throwaway accounts (new, never bought anything, no track record) weigh little, so a handful
 * of them cannot take a post down; established shoppers whose earlier reports a moderator
 * upheld weigh more. A post is hidden when the weights of its open reports reach the social
 * module's auto_hide_report_threshold (in "established reporter" units: one such report is 1).
 */

/** What is known about a reporter when they report, gathered by the report workflow. */
export type ReporterStanding = {
  /** Days since the customer account was created (fractions allowed). */
  account_age_days: number
  /** Orders the customer placed (not canceled, not drafts). */
  orders: number
  /** Earlier reports on posts a moderator then hid or removed. */
  upheld_reports: number
  /** Earlier reports on posts a moderator then approved. */
  rejected_reports: number
}

export const REPORT_WEIGHTING = {
  /** A brand-new account's report. */
  new_account_weight: 0.1,
  /** Age at which an account's report counts fully (1), growing linearly from new_account_weight. */
  full_weight_after_days: 30,
  /** Added per order placed, for at most max_counted_orders orders. */
  per_order: 0.25,
  max_counted_orders: 2,
  /** Added per upheld earlier report, for at most max_counted_upheld of them. */
  per_upheld_report: 0.25,
  max_counted_upheld: 2,
  /** No single report weighs more than this, so one reporter alone never reaches the default threshold of 3. */
  max_weight: 1.5,
} as const

const countOf = (n: number) => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0)

/**
 * The weight of one report, 0.1–1.5 with the defaults:
 *   (age part + order bonus + upheld-report bonus) × accuracy, capped at max_weight,
 * where accuracy = (upheld + 1) / (upheld + rejected + 1): reports moderators rejected pull it
 * down, smoothed so one early miss does not silence a reporter. Rounded to 3 decimals so the
 * stored weights add up to what moderators see.
 */
export function reportWeight(standing: ReporterStanding, weighting: typeof REPORT_WEIGHTING = REPORT_WEIGHTING): number {
  const age = Number.isFinite(standing.account_age_days) ? Math.max(0, standing.account_age_days) : 0
  const ageShare = Math.min(age / weighting.full_weight_after_days, 1)
  const agePart = weighting.new_account_weight + (1 - weighting.new_account_weight) * ageShare
  const orders = Math.min(countOf(standing.orders), weighting.max_counted_orders)
  const upheld = countOf(standing.upheld_reports)
  const rejected = countOf(standing.rejected_reports)
  const bonus = orders * weighting.per_order + Math.min(upheld, weighting.max_counted_upheld) * weighting.per_upheld_report
  const accuracy = (upheld + 1) / (upheld + rejected + 1)
  const weight = Math.min((agePart + bonus) * accuracy, weighting.max_weight)
  return Math.round(weight * 1000) / 1000
}

/** The weights of open reports added up (rounded like the weights). */
export function reportScore(weights: number[]): number {
  return Math.round(weights.reduce((sum, w) => sum + (Number.isFinite(w) ? w : 0), 0) * 1000) / 1000
}
