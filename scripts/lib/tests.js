/**
 * `curator test [kind...] [runner arguments]`: which suites run, how, and their summary. The
 * counts come from the report files the runners write (test-reports.js), not from their output.
 */
const fs = require("node:fs")
const path = require("node:path")
const { ensureDatabase } = require("./database")
const { runScaleOutTests } = require("./scale-out-tests")
const { runStorefrontTests } = require("./storefront-tests")
const { nodeTestReportOptions, readJestReport, readNodeTestReport } = require("./test-reports")

const TEST_KINDS = {
  unit: { runner: "jest", env: { TEST_TYPE: "unit" } },
  modules: { runner: "jest", env: { TEST_TYPE: "integration:modules" }, needsDatabase: true },
  http: { runner: "jest", env: { TEST_TYPE: "integration:http" }, needsDatabase: true },
  sidecar: { runner: "sidecar" },
  storefront: { runner: "storefront", needsDatabase: true },
  // Two Medusa servers and a worker behind nginx on one PostgreSQL and Redis (scale-out-tests.js).
  "scale-out": { runner: "scale-out", needsDatabase: true },
}

/**
 * `test http integration-tests/http/x.spec.ts -t name`: known kinds select suites (none: all),
 * the rest — paths, flags, anything after "--" — goes to the test runner.
 */
function parseTestArgs(args) {
  const dashdash = args.indexOf("--")
  const before = dashdash === -1 ? args : args.slice(0, dashdash)
  const named = before.filter((arg) => TEST_KINDS[arg])
  return {
    kinds: named.length ? named : Object.keys(TEST_KINDS),
    selected: named.length > 0,
    runnerArgs: [...before.filter((arg) => !TEST_KINDS[arg]), ...(dashdash === -1 ? [] : args.slice(dashdash + 1))],
  }
}

/** A run's outcome: its exit code decides; a failed run that reported no failure counts one. */
function outcome(kind, code, counts, seconds) {
  const result = { kind, ok: code === 0, passed: 0, failed: 0, skipped: 0, failures: [], ...counts, seconds }
  if (!result.ok && !result.failed) result.failed = 1
  return result
}

function formatSummary(results) {
  const lines = ["", "[curator] test summary"]
  for (const r of results) {
    lines.push(
      `  ${r.ok ? "PASS" : "FAIL"}  ${r.kind.padEnd(10)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ${String(r.skipped).padStart(3)} skipped  ${r.seconds.toFixed(1)} s`
    )
  }
  // Repeated at the end so a log cut to its tail still names what failed.
  const failures = results.flatMap((r) => r.failures.map((f) => `  ${r.kind}: ${f}`))
  if (failures.length) lines.push("[curator] failed:", ...failures)
  const total = (key) => results.reduce((n, r) => n + r[key], 0)
  lines.push(`${total("passed")} passed, ${total("failed")} failed, ${total("skipped")} skipped`)
  return lines.join("\n")
}

/**
 * Suites that boot Medusa run one file at a time in a worker that is replaced once it holds more
 * than WORKER_MEMORY_LIMIT: in one process (--runInBand) every file's app stays reachable, the
 * heap grows with each suite until the run slows to a crawl and dies without a report.
 */
const WORKER_MEMORY_LIMIT = "1536MB"
function jestIsolation(kind) {
  return TEST_KINDS[kind].needsDatabase ? ["--maxWorkers=1", `--workerIdleMemoryLimit=${WORKER_MEMORY_LIMIT}`] : ["--runInBand"]
}

async function runJest(context, kind, runnerArgs, database, report) {
  const { settings, supervisor } = context
  const { code } = await supervisor.start(
    path.join(settings.root, "node_modules", ".bin", "jest"),
    ["--forceExit", "--passWithNoTests", "--json", `--outputFile=${report}`, ...jestIsolation(kind), ...runnerArgs],
    {
      name: "jest",
      env: {
        LOG_LEVEL: "warn",
        ...settings.env,
        ...database?.env,
        NODE_ENV: "test",
        ...TEST_KINDS[kind].env,
        NODE_OPTIONS: "--experimental-vm-modules --max-old-space-size=4096",
      },
    }
  ).exited
  return { code, counts: readJestReport(report) }
}

async function runSidecarTests({ settings, supervisor, log }, report) {
  const { dir } = settings.sidecar
  if (!fs.existsSync(path.join(dir, "package.json"))) return log("ml-sidecar is not present; skipping its tests")
  if (!fs.existsSync(path.join(dir, "node_modules"))) await supervisor.run("npm", ["ci"], { cwd: dir, env: settings.env })
  // Through NODE_OPTIONS: node takes no flags after the test files `npm test` names.
  const env = { ...settings.env, NODE_OPTIONS: nodeTestReportOptions(report, { withSpec: true, nodeOptions: settings.env.NODE_OPTIONS }) }
  const { code } = await supervisor.start("npm", ["test"], { name: "npm test (ml-sidecar)", cwd: dir, env }).exited
  return { code, counts: readNodeTestReport(report) }
}

async function runTests(context, args) {
  const { settings, log } = context
  const { kinds, selected, runnerArgs } = parseTestArgs(args)
  const database = kinds.some((kind) => TEST_KINDS[kind].needsDatabase) ? await ensureDatabase({ ...context, forTests: true }) : null
  const reportDir = path.join(settings.stateDir, "test-reports")
  fs.mkdirSync(reportDir, { recursive: true })
  const results = []
  for (const kind of kinds) {
    const started = Date.now()
    const report = path.join(reportDir, `${kind}.json`)
    fs.rmSync(report, { force: true })
    log(`running ${kind} tests`)
    const { runner } = TEST_KINDS[kind]
    let run
    if (runner === "jest") run = await runJest(context, kind, runnerArgs, database, report)
    else if (runner === "sidecar") run = await runSidecarTests(context, report)
    else if (runner === "scale-out")
      run = await runScaleOutTests(context, {
        database,
        report,
        args: selected && kinds.length === 1 ? runnerArgs.filter((a) => !a.startsWith("-")).map((a) => path.resolve(a)) : [],
      })
    // `npm test storefront storefront/e2e/shop.e2e.ts` runs one file (paths are relative to where npm ran).
    else
      run = await runStorefrontTests(context, {
        database,
        report,
        args: selected && kinds.length === 1 ? runnerArgs.map((a) => (a.startsWith("-") ? a : path.resolve(a))) : [],
      })
    if (!run) continue // not present or not runnable here; said why
    results.push(outcome(kind, run.code, run.counts, (Date.now() - started) / 1000))
  }
  console.log(formatSummary(results))
  if (results.some((r) => !r.ok)) throw Object.assign(new Error("some tests failed"), { exitCode: 1 })
}

module.exports = { TEST_KINDS, parseTestArgs, outcome, formatSummary, runTests }
