import { REPORT_WEIGHTING, reportScore, reportWeight } from "../report-weight"

const throwaway = { account_age_days: 0, orders: 0, upheld_reports: 0, rejected_reports: 0 }
const established = { account_age_days: 90, orders: 0, upheld_reports: 0, rejected_reports: 0 }

describe("report weighting", () => {
  it("weighs a brand-new account with no orders or history at 0.1, so three of them stay far below the default threshold of 3", () => {
    expect(reportWeight(throwaway)).toBe(0.1)
    expect(reportScore([throwaway, throwaway, throwaway].map((s) => reportWeight(s)))).toBe(0.3)
  })

  it("grows with account age up to 1 at 30 days, and no further", () => {
    expect(reportWeight({ ...throwaway, account_age_days: 15 })).toBe(0.55)
    expect(reportWeight({ ...throwaway, account_age_days: 30 })).toBe(1)
    expect(reportWeight(established)).toBe(1)
  })

  it("adds a quarter per order placed, counting two at most", () => {
    expect(reportWeight({ ...throwaway, orders: 1 })).toBe(0.35)
    expect(reportWeight({ ...established, orders: 1 })).toBe(1.25)
    expect(reportWeight({ ...established, orders: 2 })).toBe(1.5)
    expect(reportWeight({ ...established, orders: 40 })).toBe(1.5)
  })

  it("rewards upheld earlier reports and discounts rejected ones", () => {
    expect(reportWeight({ ...established, upheld_reports: 1 })).toBe(1.25)
    expect(reportWeight({ ...established, rejected_reports: 1 })).toBe(0.5) // (0 + 1) / (0 + 1 + 1)
    expect(reportWeight({ ...established, rejected_reports: 3 })).toBe(0.25)
    // A good record survives one miss: (1 + 0.5) × (2 + 1) / (2 + 1 + 1)
    expect(reportWeight({ ...established, upheld_reports: 2, rejected_reports: 1 })).toBe(1.125)
  })

  it("never lets one report weigh more than max_weight", () => {
    expect(reportWeight({ account_age_days: 900, orders: 9, upheld_reports: 9, rejected_reports: 0 })).toBe(REPORT_WEIGHTING.max_weight)
  })

  it("treats missing or nonsensical inputs as no standing", () => {
    expect(reportWeight({ account_age_days: Number.NaN, orders: -2, upheld_reports: Number.POSITIVE_INFINITY, rejected_reports: -1 })).toBe(0.1)
  })

  it("adds weights without floating-point residue", () => {
    expect(reportScore([0.1, 0.2, 1.25])).toBe(1.55)
    expect(reportScore([])).toBe(0)
  })
})
