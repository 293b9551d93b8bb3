#!/usr/bin/env node
/**
 * bench/try-on: the ML sidecar's virtual try-on (issue #17 §4) on real photos of people from the
 * installed `@vladmandic/human` package against hand-annotated joints (annotations.json), beside a
 * naive reference measured in the same run. Needs no database or backend: it builds the sidecar
 * in-process (or measures BENCH_SIDECAR_URL); with BENCH_STORE_URL it also times POST /store/try-on on
 * a running backend. See measure.mts for what is measured and the settings.
 *
 * Run it with `npm run bench:try-on`.
 */
const path = require("node:path")
const { spawnSync } = require("node:child_process")

const { readSettings } = require("../../scripts/lib/settings")
const { readPublishableKey } = require("../../scripts/lib/publishable-key")

const root = path.resolve(__dirname, "..", "..")
const settings = readSettings({ root })
const env = { LOG_LEVEL: "warn", ...process.env }
// Through Medusa too (optional): the seed's publishable key, unless one is given.
if (env.BENCH_STORE_URL && !env.BENCH_PUBLISHABLE_KEY) env.BENCH_PUBLISHABLE_KEY = readPublishableKey(settings.publishableKeyFile)
const tsx = path.join(root, "ml-sidecar", "node_modules", "tsx", "dist", "loader.mjs")
const { status } = spawnSync(process.execPath, ["--import", tsx, path.join(__dirname, "measure.mts")], {
  cwd: path.join(root, "ml-sidecar"),
  stdio: "inherit",
  env,
})
process.exit(status ?? 1)
