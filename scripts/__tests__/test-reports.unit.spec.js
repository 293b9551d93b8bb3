const { spawnSync } = require("node:child_process")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { nodeTestReportOptions, readJestReport, readNodeTestReport } = require("../lib/test-reports")

let dir
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "curator-reports-"))))
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

describe("readJestReport", () => {
  it("reads jest's --json totals; a suite that failed to load counts as a failure", () => {
    const file = path.join(dir, "jest.json")
    fs.writeFileSync(
      file,
      JSON.stringify({ numPassedTests: 7, numFailedTests: 1, numRuntimeErrorTestSuites: 1, numPendingTests: 2, numTodoTests: 1 })
    )
    expect(readJestReport(file)).toEqual({ passed: 7, failed: 2, skipped: 3, failures: [] })
  })

  it("names each failed test with its file and the first line of its error, and a suite that failed to run", () => {
    const file = path.join(dir, "jest.json")
    fs.writeFileSync(
      file,
      JSON.stringify({
        numPassedTests: 1,
        numFailedTests: 1,
        numRuntimeErrorTestSuites: 1,
        numPendingTests: 0,
        numTodoTests: 0,
        testResults: [
          {
            name: path.join(process.cwd(), "integration-tests/http/cart.spec.ts"),
            status: "failed",
            assertionResults: [
              { fullName: "cart adds a line", status: "passed", failureMessages: [] },
              {
                fullName: "cart refuses the last unit twice",
                status: "failed",
                failureMessages: ["\u001b[2mError: expect(received).toBe(expected)\u001b[22m\n\nExpected: 1"],
              },
            ],
          },
          {
            name: path.join(process.cwd(), "src/broken.spec.ts"),
            status: "failed",
            message: "\n  Cannot find module 'x'\n  at y",
            assertionResults: [],
          },
        ],
      })
    )
    expect(readJestReport(file).failures).toEqual([
      "integration-tests/http/cart.spec.ts: cart refuses the last unit twice — Error: expect(received).toBe(expected)",
      "src/broken.spec.ts: Cannot find module 'x'",
    ])
  })

  it("answers null when jest wrote no report", () => {
    expect(readJestReport(path.join(dir, "missing.json"))).toBeNull()
  })
})

describe("node's test runner with node-test-report.mjs", () => {
  it("writes totals the launcher reads, next to the spec output", () => {
    const testFile = path.join(dir, "sample.test.js")
    fs.writeFileSync(
      testFile,
      `const test = require("node:test")
test("passes", () => {})
test("fails", () => { throw new Error("no\\nmore") })
test("skipped", { skip: true }, () => {})
test.describe("suite", () => { test("inner", () => {}); test("later", { todo: true }, () => {}) })
`
    )
    const report = path.join(dir, "report with space.json")
    const run = spawnSync(process.execPath, ["--test", testFile], {
      env: { ...process.env, NODE_OPTIONS: nodeTestReportOptions(report, { withSpec: true }) },
      encoding: "utf8",
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toContain("✔ passes")
    expect(readNodeTestReport(report)).toEqual({ passed: 2, failed: 1, skipped: 2, failures: ["fails — no"] })
  })

  it("answers null without a report", () => {
    expect(readNodeTestReport(path.join(dir, "missing.json"))).toBeNull()
  })
})
