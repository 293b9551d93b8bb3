#!/usr/bin/env node
/**
 * Started detached by the launcher (processes.js), so it outlives it. The launcher sends
 * { watch: pgid, stage } for every child it starts and { forget: pgid } when one exits. When
 * the channel closes — the launcher has ended, cleanly or killed — whatever is still watched
 * is stopped, servers before the database, and the watchdog exits.
 */
const { stopProcessGroups, STAGES } = require("./processes")

const watched = new Map()
process.on("message", (message) => {
  if (message.watch) watched.set(message.watch, message.stage)
  if (message.forget) watched.delete(message.forget)
})
// Ctrl+C in a terminal reaches the launcher, which stops everything itself; this process only
// acts once the launcher is gone.
for (const signal of ["SIGINT", "SIGHUP"]) process.on(signal, () => {})

process.on("disconnect", async () => {
  for (const stage of STAGES) {
    const pgids = [...watched].filter(([, s]) => s === stage).map(([pgid]) => pgid)
    if (pgids.length) await stopProcessGroups(pgids, { graceMs: 10_000 })
  }
  process.exit(0)
})
