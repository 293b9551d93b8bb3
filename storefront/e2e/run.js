#!/usr/bin/env node
/**
 * Runs the storefront's browser tests: every e2e/*.e2e.ts (or the files given) with
 * node's test runner and tsx, against STOREFRONT_URL (default http://localhost:8000).
 * A new flow is one new file e2e/<flow>.e2e.ts using the helpers in e2e/support/.
 */
const { spawnSync } = require("node:child_process")
const fs = require("node:fs")
const path = require("node:path")

const dir = __dirname
// Flags (e.g. --test-name-pattern=checkout) go to node's test runner; the rest are files.
const flags = process.argv.slice(2).filter((a) => a.startsWith("-"))
const given = process.argv.slice(2).filter((a) => !a.startsWith("-"))
const files = given.length
  ? given.map((f) => path.resolve(f))
  : fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".e2e.ts"))
      .sort()
      .map((f) => path.join(dir, f))
if (!files.length) {
  console.error("no e2e/*.e2e.ts files found")
  process.exit(1)
}
// One file at a time: the shop under test runs on the same small machine. The destination is
// named so a reporter added through NODE_OPTIONS (the launcher's report file) can join it.
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=1", "--test-reporter=spec", "--test-reporter-destination=stdout", ...flags, ...files],
  {
    stdio: "inherit",
    env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
  }
)
process.exit(result.status ?? 1)
