/**
 * The storefront's browser tests against real servers: a fresh database (migrated, small demo
 * catalog), the production builds of Medusa and the storefront on free ports, then
 * storefront/e2e/run.js. The servers are stopped and the database dropped afterwards.
 */
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { buildBackendIfStale, buildStorefrontIfStale, storefrontInstalled } = require("./builds")
const { createDatabaseIfMissing, dropDatabase, withDatabase } = require("./database")
const { readPublishableKey } = require("./publishable-key")
const { oneOffSecrets } = require("./secrets")
const { freePort, startBackend, startSidecar, startStorefront, waitForHttp } = require("./servers")
const { nodeTestReportOptions, readNodeTestReport } = require("./test-reports")
const { migrate, seed } = require("./steps")

/** Resolves { code, counts } (counts from the runner's report file), or undefined when it cannot run here. */
async function runStorefrontTests(context, { database, report, args }) {
  const { settings, supervisor, log } = context
  if (!fs.existsSync(settings.chromiumPath)) {
    return log(`skipping the storefront browser tests: no Chromium at ${settings.chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`)
  }
  const { dir } = settings.storefront
  if (!storefrontInstalled(settings)) await supervisor.run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, env: settings.env })

  const databaseUrl = withDatabase(database.server, `curator_storefront_e2e_${Date.now().toString(36)}`).toString()
  await createDatabaseIfMissing(databaseUrl, log)
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "curator-e2e-"))
  const servers = []
  try {
    // The seed stores file URLs under the backend's address, so it must know the test port.
    const backendPort = await freePort()
    const backendUrl = `http://localhost:${backendPort}`
    // Known before the backend starts: Medusa calls the storefront to expire cached catalog pages.
    const storefrontPort = await freePort()
    const storefrontUrl = `http://localhost:${storefrontPort}`
    const publishableKeyFile = path.join(scratch, "publishable-key.json")
    // Search by photo needs the ML sidecar: on its own port with an empty index in the scratch
    // folder, so this run's catalog is indexed from scratch (visual-search.e2e.ts waits for that)
    // and a developer's sidecar on :9100 is never written to. It loads its models while the
    // database is prepared. Not installed: the backend's calls fail fast and search by photo answers 503.
    const sidecarPort = await freePort()
    const sidecarUrl = `http://localhost:${sidecarPort}`
    const sidecar = startSidecar({
      settings: { ...settings, sidecar: { ...settings.sidecar, port: sidecarPort, url: sidecarUrl } },
      supervisor,
      log,
      env: { DATA_DIR: path.join(scratch, "ml-sidecar"), LOG_LEVEL: settings.env.LOG_LEVEL || "warn" },
    })
    if (sidecar) servers.push(sidecar)
    const env = {
      ...database.env,
      DATABASE_URL: databaseUrl,
      ...oneOffSecrets(),
      MEDUSA_BACKEND_URL: backendUrl,
      CURATOR_PUBLISHABLE_KEY_FILE: publishableKeyFile,
      CURATOR_DEMO_PRODUCTS_PER_CATEGORY: settings.env.CURATOR_DEMO_PRODUCTS_PER_CATEGORY || "2",
      ML_SIDECAR_URL: sidecarUrl,
      LOG_LEVEL: settings.env.LOG_LEVEL || "warn",
      NODE_ENV: "production",
      // In-memory event bus and workflow engine: nothing shared with other runs (empty, not
      // unset, so Medusa's loadEnv does not take it from .env).
      REDIS_URL: "",
    }
    await migrate(context, env)
    await seed(context, env)
    // The admin's bundle calls the backend that serves it ("/"): this run's port is not baked in,
    // so the next run, on another port, reuses the build.
    await buildBackendIfStale(context, { ...env, MEDUSA_BACKEND_URL: "" })
    await buildStorefrontIfStale(context)

    // The backend's output goes to the console as before and to a file the tests may read (the
    // password-reset link the demo logs instead of emailing: account.e2e.ts).
    const backendLogFile = path.join(scratch, "backend.log")
    const backend = startBackend({
      settings,
      supervisor,
      port: backendPort,
      // Medusa's Stripe provider is registered with a key that reaches nothing (nothing here can
      // reach Stripe); no region offers it (the seed ran without it) unless a test adds it
      // (stripe-checkout.e2e.ts).
      env: { ...env, MEDUSA_ADMIN_DISABLED: "false", STOREFRONT_URL: storefrontUrl, STRIPE_API_KEY: "sk_test_curator_e2e_offline" },
      stdio: ["ignore", "pipe", "pipe"],
    })
    const backendLog = fs.createWriteStream(backendLogFile)
    backend.child.stdout?.on("data", (chunk) => (process.stdout.write(chunk), backendLog.write(chunk)))
    backend.child.stderr?.on("data", (chunk) => (process.stderr.write(chunk), backendLog.write(chunk)))
    servers.push(backend)
    await waitForHttp(`${backendUrl}/health`, { timeoutMs: 180_000, what: "the backend", server: backend })
    if (sidecar) await waitForHttp(`${sidecarUrl}/health`, { timeoutMs: 180_000, what: "the ML sidecar", server: sidecar })

    const storefront = startStorefront({
      settings,
      supervisor,
      log,
      port: storefrontPort,
      backendUrl,
      publishableKey: readPublishableKey(publishableKeyFile),
      // Read at run time: checkout offers and loads Stripe only where the cart's region has it.
      env: { STOREFRONT_REVALIDATE_SECRET: env.STOREFRONT_REVALIDATE_SECRET, NEXT_PUBLIC_STRIPE_KEY: "pk_test_curator_e2e" },
    })
    servers.push(storefront)
    await waitForHttp(`${storefrontUrl}/de`, { timeoutMs: 120_000, what: "the storefront", server: storefront })
    log(`storefront tests: backend ${backendUrl}, storefront ${storefrontUrl}`)

    const { code } = await supervisor.start(process.execPath, [path.join(dir, "e2e", "run.js"), ...args], {
      name: "storefront e2e",
      cwd: dir,
      env: {
        ...settings.env,
        STOREFRONT_URL: storefrontUrl,
        MEDUSA_BACKEND_URL: backendUrl,
        BACKEND_LOG_FILE: backendLogFile,
        // stripe-checkout.e2e.ts writes the payment session Stripe would have answered with.
        DATABASE_URL: databaseUrl,
        // catalog-revalidation.e2e.ts calls the storefront's revalidation route as Medusa does.
        STOREFRONT_REVALIDATE_SECRET: env.STOREFRONT_REVALIDATE_SECRET,
        // Empty when the sidecar is not installed: the search-by-photo tests then say so and skip.
        ML_SIDECAR_URL: sidecar ? sidecarUrl : "",
        E2E_ARTIFACTS_DIR: path.join(settings.stateDir, "artifacts", "storefront"),
        // run.js names the spec reporter itself.
        NODE_OPTIONS: nodeTestReportOptions(report, { withSpec: false, nodeOptions: settings.env.NODE_OPTIONS }),
      },
    }).exited
    return { code, counts: readNodeTestReport(report) }
  } finally {
    // Stop the two servers (and anything they spawned) before dropping their database.
    await supervisor.stop(servers)
    await dropDatabase(databaseUrl, log)
    fs.rmSync(scratch, { recursive: true, force: true })
  }
}

module.exports = { runStorefrontTests }
