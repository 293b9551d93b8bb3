/**
 * The figures issue #19 quotes as "today" (measured 2026-12-03 on a quiet machine, production
 * build, 8 connections, 10 s per route; GET /health from the same run, docs notes) and its
 * targets, printed beside this run's figures. Keyed by the summary table's row ids.
 */
const ISSUE_DATE = "2026-12-03"

const ISSUE_FIGURES = {
  health: { today: "p95 13 ms", target: "" },
  listUncached: { today: "6.1 req/s, p95 1,482 ms (114×; no cache then)", target: "" },
  listWarm: { today: "6.1 req/s, p95 1,482 ms (114×; no cache then)", target: "p95 ≤ 200 ms, ≤ 20× /health" },
  detailUncached: { today: "29 req/s, p95 628 ms (no cache then)", target: "" },
  detail: { today: "29 req/s, p95 628 ms (no cache then)", target: "p95 ≤ 150 ms" },
  addToCart: { today: "4.4 req/s, p95 2,610 ms, 1 error", target: "p95 ≤ 500 ms, 0 errors" },
  storefrontListing: { today: "—", target: "TTFB p95 ≤ 300 ms" },
  mixed: { today: "—", target: "p99 < 1 s, 0 errors; rate printed" },
  perCoreOne: { today: "—", target: "" },
  perCoreTwo: { today: "—", target: "" },
  addToCartOne: { today: "—", target: "" },
  addToCartTwo: { today: "—", target: "" },
}

/** RSS a probe saw before → after a load, in MB, by process name (the supervisor's names). */
const ISSUE_MEMORY = {
  medusa: "440 → 1,000 MB",
  "ml-sidecar": "470 → 950 MB",
  next: "195 → 770 MB",
}

module.exports = { ISSUE_DATE, ISSUE_FIGURES, ISSUE_MEMORY }
