import { AdminSocialHiddenReason, AdminSocialPost, SocialPostStatus, AdminSocialReporterStanding } from "../../lib/types"

export const STATUS_COLOUR: Record<SocialPostStatus, "green" | "orange" | "red" | "grey"> = {
  published: "green",
  pending: "orange",
  hidden: "red",
  removed: "grey",
}

/** Open reports first by reason, e.g. "spam ×2, counterfeit". */
export function reasonsOf(post: AdminSocialPost) {
  const open = post.reports.filter((r) => !r.resolved_at)
  const counts = new Map<string, number>()
  for (const r of open) counts.set(r.reason, (counts.get(r.reason) ?? 0) + 1)
  return [...counts].map(([reason, n]) => (n > 1 ? `${reason} ×${n}` : reason)).join(", ")
}

/** One line on why shoppers do not see a post: the reports' weighted score, or who decided. */
export function hiddenReasonText(reason: AdminSocialHiddenReason): string {
  if (reason.type === "reports") {
    return `Hidden automatically: ${reason.report_count} ${reason.report_count === 1 ? "report" : "reports"} weighing ${reason.score} reached the threshold of ${reason.threshold}`
  }
  return `${reason.action === "hide" ? "Hidden" : "Removed"} by ${reason.moderator.name}${reason.note ? ` — “${reason.note}”` : ""}`
}

/** "60 days old · 1 order · 2 upheld, 1 rejected earlier reports": what a report's weight came from. */
export function standingText(standing: AdminSocialReporterStanding | null): string {
  if (!standing) return "reported before reports were weighed"
  const age = standing.account_age_days < 1 ? "new account" : `${Math.floor(standing.account_age_days)} days old`
  const orders = `${standing.orders} ${standing.orders === 1 ? "order" : "orders"}`
  const history =
    standing.upheld_reports || standing.rejected_reports
      ? ` · earlier reports ${standing.upheld_reports} upheld, ${standing.rejected_reports} rejected`
      : ""
  return `${age} · ${orders}${history}`
}
