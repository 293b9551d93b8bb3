/**
 * Process supervision. Every child leads its own process group, so stopping it also stops
 * what it spawned (npm → tsx → node for the sidecar, the CLI → server for Medusa). Children
 * are stopped in stages, servers before the database they use: SIGTERM, then SIGKILL for a
 * group still alive after the grace period. A watchdog process outlives the launcher and does
 * the same if the launcher itself is killed (SIGKILL, out of memory) and cannot clean up.
 */
const { spawn } = require("node:child_process")
const path = require("node:path")

const STAGES = ["server", "database"]
const WATCHDOG = path.join(__dirname, "watchdog.js")
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Sends a signal to a process group; false when no process of the group is left. */
function signalGroup(pgid, signal, kill = process.kill) {
  try {
    kill(-pgid, signal)
    return true
  } catch {
    // ESRCH: none left. EPERM: not ours to signal (another user's processes took the id).
    return false
  }
}

/**
 * Stops process groups: SIGTERM, then SIGKILL for those still alive after `graceMs`.
 * Resolves with the groups that had to be killed.
 */
async function stopProcessGroups(pgids, { graceMs = 10_000, pollMs = 100, kill = process.kill } = {}) {
  let alive = pgids.filter((pgid) => signalGroup(pgid, "SIGTERM", kill))
  const deadline = Date.now() + graceMs
  while (alive.length && Date.now() < deadline) {
    await sleep(pollMs)
    alive = alive.filter((pgid) => signalGroup(pgid, 0, kill))
  }
  const killed = alive.filter((pgid) => signalGroup(pgid, "SIGKILL", kill))
  return killed
}

/** The watchdog: a detached process the launcher tells which groups it started (see watchdog.js). */
function startWatchdog() {
  const watchdog = spawn(process.execPath, [WATCHDOG], { detached: true, stdio: ["ignore", "ignore", "inherit", "ipc"] })
  // Neither the process nor its channel may keep the launcher running.
  watchdog.unref()
  watchdog.channel?.unref()
  const send = (message) => {
    if (watchdog.connected) watchdog.send(message, () => {})
  }
  return {
    watch: (pgid, stage) => send({ watch: pgid, stage }),
    forget: (pgid) => send({ forget: pgid }),
    close: () => watchdog.connected && watchdog.disconnect(),
  }
}

/**
 * @param {{ cwd: string, env: NodeJS.ProcessEnv, log: (...args: unknown[]) => void, graceMs?: number }} defaults
 */
function createSupervisor({ cwd, env, log, graceMs = 10_000 }) {
  const running = new Set()
  let watchdog = null

  /** Starts a child and returns { child, name, stage, exited } without waiting for it. */
  function start(command, args, { name = path.basename(command), stage = "server", ipc = false, ...options } = {}) {
    watchdog ??= startWatchdog()
    const child = spawn(command, args, { cwd, env, stdio: ipc ? ["inherit", "inherit", "inherit", "ipc"] : "inherit", ...options, detached: true })
    const exited = new Promise((resolve) => {
      child.once("error", (error) => resolve({ code: 127, signal: null, error }))
      child.once("exit", (code, signal) => resolve({ code, signal, error: null }))
    })
    const entry = { child, name, stage, exited }
    if (child.pid) {
      running.add(entry)
      watchdog.watch(child.pid, stage)
    }
    exited.then(() => {
      running.delete(entry)
      if (child.pid) watchdog.forget(child.pid)
    })
    return entry
  }

  /** Runs a child to its end; rejects unless it exits with 0 (the error carries `exitCode`). */
  async function run(command, args, options = {}) {
    const entry = start(command, args, options)
    const { code, signal, error } = await entry.exited
    if (error) throw error
    if (code !== 0) throw Object.assign(new Error(`${entry.name} ${args.join(" ")} exited with ${signal || code}`), { exitCode: code ?? 1 })
  }

  /** Stops the given children (default: all), stage by stage. */
  async function stop(entries = [...running]) {
    for (const stage of STAGES) {
      const group = entries.filter((entry) => entry.stage === stage && running.has(entry))
      if (!group.length) continue
      const killed = await stopProcessGroups(
        group.map((entry) => entry.child.pid),
        { graceMs }
      )
      for (const entry of group.filter((e) => killed.includes(e.child.pid))) log(`${entry.name} did not stop within ${graceMs / 1000} s; killed`)
      // Let the exit events arrive so `running` is current.
      await Promise.race([Promise.all(group.map((entry) => entry.exited)), sleep(2_000)])
    }
  }

  let stopping = null
  /**
   * Stops everything, then lets the watchdog go (it exits once its channel closes). Called from
   * a signal handler and when the command ends, it runs once: later calls share the first.
   */
  function shutdown() {
    stopping ??= stop().finally(() => watchdog?.close())
    return stopping
  }

  return { start, run, stop, shutdown, isShuttingDown: () => stopping !== null, running: () => [...running] }
}

/**
 * SIGINT (Ctrl+C) and SIGTERM (what a process manager sends) stop every child, then exit.
 * A second signal while stopping is ignored: the stop already escalates to SIGKILL.
 * So does the parent's end: `npm run` hands a SIGTERM only to the shell it started, which
 * dies without passing it on, and the launcher would be left running under init.
 */
function exitOnSignals(shutdown, { checkParentMs = 1000 } = {}) {
  let stopping = false
  const stop = (code) => {
    if (stopping) return
    stopping = true
    shutdown().finally(() => process.exit(code))
  }
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ])
    process.on(signal, () => stop(code))
  const parent = process.ppid
  // process.ppid is read anew each time; a new parent means the old one has ended.
  setInterval(() => process.ppid !== parent && stop(129), checkParentMs).unref()
}

module.exports = { createSupervisor, exitOnSignals, signalGroup, stopProcessGroups, STAGES }
