/**
 * The launcher's commands. Each receives the context { settings, supervisor, log } and passes
 * what a step produced (the database, the secrets, the publishable key) on as values.
 */
const fs = require("node:fs")
const path = require("node:path")
const { buildBackendIfStale, buildStorefrontIfStale, linkBuildToProject, medusaBin, storefrontInstalled } = require("./builds")
const { ensureDatabase } = require("./database")
const { readPublishableKey } = require("./publishable-key")
const { demoSecrets } = require("./secrets")
const { startBackend, startSidecar, startStorefront, waitForHttp } = require("./servers")
const { migrate, seed } = require("./steps")
const { runTests } = require("./tests")

/** Resolves when a started server exits; rejects unless it exited cleanly. */
async function untilExit(server) {
  const { code, signal, error } = await server.exited
  if (error) throw error
  if (code !== 0) throw Object.assign(new Error(`${server.name} exited with ${signal || code}`), { exitCode: code ?? 1 })
}

/**
 * The storefront on STOREFRONT_PORT once Medusa answers; the shop keeps running without it if it fails.
 * It takes the secret with which Medusa asks it to expire cached catalog pages.
 */
async function startDemoStorefront(context, backend, revalidateSecret) {
  const { settings, log } = context
  if (!storefrontInstalled(settings)) return log("the storefront is not installed (npm install installs it); starting the shop without it")
  const backendUrl = `http://localhost:${settings.backendPort}`
  try {
    const publishableKey = readPublishableKey(settings.publishableKeyFile)
    await waitForHttp(`${backendUrl}/health`, { timeoutMs: 180_000, what: "the backend", server: backend })
    startStorefront({
      ...context,
      port: settings.storefront.port,
      backendUrl,
      publishableKey,
      env: { STOREFRONT_REVALIDATE_SECRET: revalidateSecret },
    })
    log(`storefront starting on http://localhost:${settings.storefront.port}`)
  } catch (e) {
    log(`the storefront was not started: ${e.message}`)
  }
}

/** Secrets, database, migrations: what every server command needs first. Returns the servers' environment. */
async function prepareServer(context) {
  const secrets = demoSecrets(context.settings)
  const database = await ensureDatabase(context)
  await migrate(context, database.env)
  return { ...secrets, ...database.env }
}

const commands = {
  async db(context) {
    const database = await ensureDatabase(context)
    context.log(`DATABASE_URL=${database.url}`)
    context.log("press Ctrl+C to stop")
    // Runs until a signal (a server reused or given by DATABASE_URL leaves nothing else to wait on).
    await new Promise(() => setInterval(() => {}, 2 ** 31 - 1))
  },
  async seed(context) {
    const database = await ensureDatabase(context)
    await migrate(context, database.env)
    await seed(context, database.env)
  },
  async develop(context) {
    const database = await ensureDatabase(context)
    await migrate(context, database.env)
    await context.supervisor.run(medusaBin(context.settings.root), ["develop"], { name: "medusa", env: { ...context.settings.env, ...database.env } })
  },
  async start(context) {
    const env = await prepareServer(context)
    await buildBackendIfStale(context, env)
    startSidecar(context)
    await untilExit(startBackend({ ...context, port: context.settings.backendPort, env }))
  },
  async demo(context) {
    const { settings, log } = context
    const started = Date.now()
    const env = await prepareServer(context)
    await seed(context, env)
    await buildBackendIfStale(context, env)
    if (storefrontInstalled(settings)) await buildStorefrontIfStale(context)
    log(`ready to start after ${((Date.now() - started) / 1000).toFixed(0)} s; admin at http://localhost:${settings.backendPort}/app`)
    startSidecar(context)
    // Medusa tells the storefront which cached catalog pages changed (src/subscribers/storefront-catalog-revalidation.ts).
    const storefront = storefrontInstalled(settings)
      ? { STOREFRONT_URL: settings.env.STOREFRONT_URL || `http://localhost:${settings.storefront.port}` }
      : {}
    const backend = startBackend({ ...context, port: settings.backendPort, env: { ...storefront, ...env } })
    await startDemoStorefront(context, backend, env.STOREFRONT_REVALIDATE_SECRET)
    await untilExit(backend)
  },
  test: (context, ...args) => runTests(context, args),
  async bench(context, name = "store-api", ...rest) {
    const { settings } = context
    const script = path.join(settings.root, "bench", name, "run.js")
    if (!fs.existsSync(script)) throw new Error(`No benchmark named "${name}" (expected ${path.relative(settings.root, script)})`)
    const env = await prepareServer(context)
    await seed(context, env)
    await buildBackendIfStale(context, env)
    // store-api measures the storefront's listing page under load too.
    if (name === "storefront" || name === "store-api") await buildStorefrontIfStale(context)
    linkBuildToProject(settings)
    await context.supervisor.run(process.execPath, [script, ...rest], { name: `bench ${name}`, env: { ...settings.env, ...env } })
  },
}

module.exports = { commands }
