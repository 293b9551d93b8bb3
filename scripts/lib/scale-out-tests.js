/**
 * The scale-out test against real processes: a fresh database (migrated, small demo catalog), a
 * Redis database of its own (flushed before and after), two Medusa server processes and one
 * worker of the production build behind nginx (cluster.js), then integration-tests/scale-out with
 * node's test runner. Everything is stopped and the database dropped afterwards.
 */
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { buildBackendIfStale } = require("./builds")
const { clusterUnavailable, redisCommands, startCluster } = require("./cluster")
const { createDatabaseIfMissing, dropDatabase, withDatabase } = require("./database")
const { readPublishableKey } = require("./publishable-key")
const { oneOffSecrets } = require("./secrets")
const { migrate, seed } = require("./steps")
const { nodeTestReportOptions, readNodeTestReport } = require("./test-reports")

/**
 * Redis for the test: SCALE_OUT_TEST_REDIS_URL, else the local server's database 13 (a number no
 * other part of Curator uses, so flushing it touches nobody's data).
 */
const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/13"

/** Resolves { code, counts }, or undefined when nginx or Redis is not there (said why). */
async function runScaleOutTests(context, { database, report, args }) {
  const { settings, supervisor, log } = context
  const redisUrl = settings.env.SCALE_OUT_TEST_REDIS_URL || DEFAULT_REDIS_URL
  const missing = await clusterUnavailable(settings, redisUrl)
  if (missing) return log(`skipping the scale-out test: ${missing}`)

  const databaseUrl = withDatabase(database.server, `curator_scale_out_${Date.now().toString(36)}`).toString()
  await createDatabaseIfMissing(databaseUrl, log)
  await redisCommands(redisUrl, ["FLUSHDB"])
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "curator-scale-out-"))
  let cluster = null
  try {
    const publishableKeyFile = path.join(scratch, "publishable-key.json")
    const env = {
      ...database.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      ...oneOffSecrets(),
      CURATOR_PUBLISHABLE_KEY_FILE: publishableKeyFile,
      CURATOR_DEMO_PRODUCTS_PER_CATEGORY: settings.env.CURATOR_DEMO_PRODUCTS_PER_CATEGORY || "1",
      // No ML sidecar: visual indexing fails fast and is retried later; nothing here needs it.
      ML_SIDECAR_URL: "http://127.0.0.1:9",
      // The jobs' and subscribers' log lines are what the test reads: info, not the test runs' usual warn.
      LOG_LEVEL: "info",
      NODE_ENV: "production",
    }
    await migrate(context, env)
    // The seed with the in-memory event bus and workflow engine: no cluster runs yet to take its events.
    await seed(context, { ...env, REDIS_URL: "" })
    // The build is shared with every other command (it keeps the admin): built with the usual settings.
    await buildBackendIfStale(context, env)
    await redisCommands(redisUrl, ["FLUSHDB"])

    // The admin's bundle is not what this test is about: the servers skip serving it.
    const clusterEnv = { ...env, MEDUSA_ADMIN_DISABLED: "true" }
    cluster = await startCluster(context, { servers: 2, workers: 1, env: clusterEnv, logDir: path.join(scratch, "logs") })
    const testDir = path.join(settings.root, "integration-tests", "scale-out")
    const files = args.length
      ? args
      : fs
          .readdirSync(testDir)
          .filter((f) => f.endsWith(".test.js"))
          .map((f) => path.join(testDir, f))
    const { code } = await supervisor.start(process.execPath, ["--test", "--test-concurrency=1", ...files], {
      name: "scale-out test",
      env: {
        ...settings.env,
        CLUSTER_PROXY_URL: cluster.url,
        CLUSTER_SERVER_URLS: cluster.servers.map((s) => s.url).join(","),
        CLUSTER_SERVER_LOGS: cluster.servers.map((s) => s.logFile).join(","),
        CLUSTER_WORKER_LOGS: cluster.workers.map((w) => w.logFile).join(","),
        CLUSTER_ACCESS_LOG: cluster.proxy.accessLog,
        CLUSTER_PUBLISHABLE_KEY: readPublishableKey(publishableKeyFile),
        NODE_OPTIONS: nodeTestReportOptions(report, { withSpec: true, nodeOptions: settings.env.NODE_OPTIONS }),
      },
    }).exited
    return { code, counts: readNodeTestReport(report) }
  } finally {
    // The processes before their database and Redis.
    await cluster?.stop()
    await dropDatabase(databaseUrl, log)
    await redisCommands(redisUrl, ["FLUSHDB"]).catch((e) => log(`flushing ${redisUrl} failed: ${e.message}`))
    if (settings.env.SCALE_OUT_KEEP_LOGS) log(`scale-out logs kept in ${scratch}`)
    else fs.rmSync(scratch, { recursive: true, force: true })
  }
}

module.exports = { runScaleOutTests, DEFAULT_REDIS_URL }
