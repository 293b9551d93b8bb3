const { spawn } = require("node:child_process")
const path = require("node:path")
const { createSupervisor, signalGroup, stopProcessGroups } = require("../lib/processes")

const alive = (pid) => signalGroup(pid, 0)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** A detached node process that says "ready" once its SIGTERM handler (if any) is in place. */
async function startSleeper({ ignoreTerm = false } = {}) {
  const code = `${ignoreTerm ? "process.on('SIGTERM', () => {});" : ""} process.stdout.write("ready"); setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ["-e", code], { detached: true, stdio: ["ignore", "pipe", "ignore"] })
  await new Promise((resolve) => child.stdout.once("data", resolve))
  return child
}

async function waitUntilGone(pids, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (pids.some(alive) && Date.now() < deadline) await sleep(100)
  return pids.filter(alive)
}

/** Starts fixtures/launcher.js and resolves with it and the pids it printed. */
function startLauncher(env = {}) {
  const launcher = spawn(process.execPath, [path.join(__dirname, "fixtures", "launcher.js")], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  })
  return new Promise((resolve, reject) => {
    launcher.stdout.once("data", (chunk) => resolve({ launcher, pids: JSON.parse(chunk.toString()) }))
    launcher.once("exit", (code) => reject(new Error(`launcher exited with ${code}`)))
  })
}

describe("stopProcessGroups", () => {
  it("terminates a group and kills one that ignores SIGTERM after the grace period", async () => {
    const polite = await startSleeper()
    const stubborn = await startSleeper({ ignoreTerm: true })
    const started = Date.now()
    const killed = await stopProcessGroups([polite.pid, stubborn.pid], { graceMs: 1000 })
    expect(killed).toEqual([stubborn.pid])
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect(await waitUntilGone([polite.pid, stubborn.pid], 2000)).toEqual([])
  })

  it("treats a group that is already gone as stopped", async () => {
    const child = spawn(process.execPath, ["-e", ""], { detached: true, stdio: "ignore" })
    await new Promise((r) => child.once("exit", r))
    expect(await stopProcessGroups([child.pid], { graceMs: 100 })).toEqual([])
  })
})

describe("createSupervisor", () => {
  it("runs a command to its end and rejects with its exit code", async () => {
    const supervisor = createSupervisor({ cwd: __dirname, env: process.env, log: () => {} })
    await expect(supervisor.run(process.execPath, ["-e", ""], { stdio: "ignore" })).resolves.toBeUndefined()
    await expect(supervisor.run(process.execPath, ["-e", "process.exit(3)"], { name: "node", stdio: "ignore" })).rejects.toMatchObject({
      exitCode: 3,
    })
    await supervisor.shutdown()
  })

  it("stops servers before the database", async () => {
    const supervisor = createSupervisor({ cwd: __dirname, env: process.env, log: () => {}, graceMs: 2000 })
    const order = []
    // The server takes half a second to stop; the database must still be running meanwhile.
    const server = supervisor.start(
      process.execPath,
      ["-e", "process.on('SIGTERM', () => setTimeout(() => process.exit(0), 500)); process.stdout.write('ready'); setInterval(() => {}, 1000)"],
      { stdio: ["ignore", "pipe", "ignore"] }
    )
    const database = supervisor.start(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stage: "database", stdio: "ignore" })
    server.exited.then(() => order.push("server"))
    database.exited.then(() => order.push("database"))
    await new Promise((resolve) => server.child.stdout.once("data", resolve))
    await supervisor.shutdown()
    expect(order).toEqual(["server", "database"])
    expect(supervisor.running()).toEqual([])
  })
})

describe("a launcher's children", () => {
  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ])("are stopped on %s, and the launcher exits with %i", async (signal, code) => {
    const { launcher, pids } = await startLauncher()
    const exited = new Promise((r) => launcher.once("exit", (c) => r(c)))
    launcher.kill(signal)
    expect(await exited).toBe(code)
    expect(await waitUntilGone([pids.server, pids.database], 1000)).toEqual([])
  })

  it("are killed when one ignores SIGTERM", async () => {
    const { launcher, pids } = await startLauncher({ IGNORE_TERM: "1", GRACE_MS: "1000" })
    const exited = new Promise((r) => launcher.once("exit", (c) => r(c)))
    launcher.kill("SIGTERM")
    expect(await exited).toBe(143)
    expect(await waitUntilGone([pids.server, pids.database], 1000)).toEqual([])
  })

  it("are stopped when the launcher's parent ends (npm passes SIGTERM only to its shell)", async () => {
    // A shell between this test and the launcher, as `npm run` has; killing the shell orphans the launcher.
    const shell = spawn("sh", ["-c", `"${process.execPath}" "${path.join(__dirname, "fixtures", "launcher.js")}"; true`], {
      stdio: ["ignore", "pipe", "inherit"],
    })
    const pids = await new Promise((resolve) => shell.stdout.once("data", (chunk) => resolve(JSON.parse(chunk.toString()))))
    shell.kill("SIGKILL")
    expect(await waitUntilGone([pids.server, pids.database], 5000)).toEqual([])
  })

  it("are stopped by the watchdog when the launcher is killed outright", async () => {
    const { launcher, pids } = await startLauncher()
    launcher.kill("SIGKILL")
    expect(await waitUntilGone([pids.server, pids.database], 15_000)).toEqual([])
  }, 20_000)
})
