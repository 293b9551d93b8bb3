/**
 * Test counts from the report files the runners write: jest's --json report, and for node's
 * test runner (ml-sidecar, storefront e2e) the totals node-test-report.mjs writes.
 */
const fs = require("node:fs")
const path = require("node:path")

/** A failure's first line, short enough for the summary (the runner printed the whole of it above). */
function firstLine(message = "") {
  const line =
    message
      .replace(/\u001b\[[0-9;]*m/g, "")
      .split("\n")
      .find((l) => l.trim()) ?? ""
  return line.trim().slice(0, 200)
}

/**
 * Counts and failures from jest's --json report; null when the file is missing (jest did not get
 * that far). A suite that failed to run names its file.
 */
function readJestReport(file) {
  if (!fs.existsSync(file)) return null
  const json = JSON.parse(fs.readFileSync(file, "utf8"))
  const failures = []
  for (const suite of json.testResults ?? []) {
    const where = path.relative(process.cwd(), suite.name)
    const failedTests = (suite.assertionResults ?? []).filter((t) => t.status === "failed")
    for (const t of failedTests) failures.push(`${where}: ${t.fullName} — ${firstLine(t.failureMessages?.[0])}`)
    if (!failedTests.length && suite.status === "failed") failures.push(`${where}: ${firstLine(suite.message)}`)
  }
  return {
    passed: json.numPassedTests,
    failed: json.numFailedTests + json.numRuntimeErrorTestSuites,
    skipped: json.numPendingTests + json.numTodoTests,
    failures,
  }
}

/** Counts from node-test-report.mjs's file; null when the file is missing or the run printed no totals. */
function readNodeTestReport(file) {
  if (!fs.existsSync(file)) return null
  const json = JSON.parse(fs.readFileSync(file, "utf8"))
  if (json.pass === undefined) return null
  return {
    passed: json.pass,
    failed: json.fail + (json.cancelled ?? 0),
    skipped: (json.skipped ?? 0) + (json.todo ?? 0),
    failures: (json.failures ?? []).map(({ name, error }) => `${name} — ${firstLine(error)}`),
  }
}

/**
 * NODE_OPTIONS that make node's test runner also write node-test-report.mjs's totals to `file`.
 * `withSpec`: name the spec reporter too (a runner given no reporter of its own; once any
 * reporter is named, node prints only the named ones).
 */
function nodeTestReportOptions(file, { withSpec, nodeOptions = "" }) {
  const reporter = path.join(__dirname, "node-test-report.mjs")
  const spec = withSpec ? ["--test-reporter=spec", "--test-reporter-destination=stdout"] : []
  return [nodeOptions, ...spec, `--test-reporter="${reporter}"`, `--test-reporter-destination="${file}"`].filter(Boolean).join(" ")
}

module.exports = { readJestReport, readNodeTestReport, nodeTestReportOptions }
