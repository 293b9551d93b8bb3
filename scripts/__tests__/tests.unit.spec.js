const { formatSummary, outcome, parseTestArgs, TEST_KINDS } = require("../lib/tests")

describe("parseTestArgs", () => {
  it("runs every kind when none is named", () => {
    expect(parseTestArgs([])).toEqual({ kinds: Object.keys(TEST_KINDS), selected: false, runnerArgs: [] })
  })

  it("separates kinds from the runner's arguments, and passes everything after -- through", () => {
    expect(parseTestArgs(["http", "integration-tests/http/x.spec.ts", "-t", "checkout", "--", "unit"])).toEqual({
      kinds: ["http"],
      selected: true,
      runnerArgs: ["integration-tests/http/x.spec.ts", "-t", "checkout", "unit"],
    })
    expect(parseTestArgs(["unit", "sidecar"]).kinds).toEqual(["unit", "sidecar"])
  })
})

describe("outcome", () => {
  it("takes the counts from the report and the verdict from the exit code", () => {
    expect(outcome("unit", 0, { passed: 5, failed: 0, skipped: 1 }, 2)).toEqual({
      kind: "unit",
      ok: true,
      passed: 5,
      failed: 0,
      skipped: 1,
      failures: [],
      seconds: 2,
    })
  })

  it("counts a failed run with no report, or no failure in it, as one failure", () => {
    expect(outcome("http", 1, null, 1)).toMatchObject({ ok: false, passed: 0, failed: 1 })
    expect(outcome("http", 1, { passed: 3, failed: 0, skipped: 0 }, 1)).toMatchObject({ ok: false, passed: 3, failed: 1 })
  })
})

describe("formatSummary", () => {
  it("prints a line per kind and the totals", () => {
    const text = formatSummary([
      outcome("unit", 0, { passed: 10, failed: 0, skipped: 2 }, 3.25),
      outcome("sidecar", 1, { passed: 4, failed: 1, skipped: 0 }, 12),
    ])
    expect(text).toContain("PASS  unit         10 passed   0 failed   2 skipped  3.3 s")
    expect(text).toContain("FAIL  sidecar       4 passed   1 failed   0 skipped  12.0 s")
    expect(text.trim().split("\n").pop()).toBe("14 passed, 1 failed, 2 skipped")
    expect(text).not.toContain("[curator] failed:")
  })

  it("names the failed tests after the table, so a log cut to its tail still says what failed", () => {
    const text = formatSummary([
      outcome("http", 1, { passed: 3, failed: 1, skipped: 0, failures: ["a.spec.ts: cart — Error: boom"] }, 5),
      outcome("sidecar", 1, { passed: 4, failed: 1, skipped: 0, failures: ["describes a photo"] }, 12),
    ])
    const lines = text.trim().split("\n")
    expect(lines.slice(-4)).toEqual([
      "[curator] failed:",
      "  http: a.spec.ts: cart — Error: boom",
      "  sidecar: describes a photo",
      "7 passed, 2 failed, 0 skipped",
    ])
  })
})
