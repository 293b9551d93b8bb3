/**
 * A reporter for node's test runner that writes the run's totals as JSON:
 * { tests, suites, pass, fail, cancelled, skipped, todo, duration_ms, failures: [{ name, error }] }.
 * The launcher adds it beside the usual spec reporter (tests.js) and reads the file it writes.
 */
const TOTAL = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) ([\d.]+)$/

export default async function* jsonTotals(source) {
  const report = { failures: [] }
  for await (const event of source) {
    if (event.type === "test:diagnostic" && event.data.nesting === 0) {
      const match = event.data.message.match(TOTAL)
      if (match) report[match[1]] = Number(match[2])
    } else if (event.type === "test:fail" && event.data.details?.type !== "suite") {
      // node wraps what the test threw (ERR_TEST_FAILURE); its cause is the test's own error.
      const error = event.data.details?.error
      report.failures.push({ name: event.data.name, error: String((error?.cause ?? error)?.message ?? "") })
    }
  }
  yield `${JSON.stringify(report, null, 2)}\n`
}
