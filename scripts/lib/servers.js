/**
 * The long-running servers: Medusa's production build, the ML sidecar and the Next.js
 * storefront, started under a supervisor (processes.js). Each start returns the supervisor's
 * entry ({ child, exited }) or null when the part is not installed.
 */
const fs = require("node:fs")
const net = require("node:net")
const { linkBuildToProject, medusaBin, nextBin, storefrontInstalled } = require("./builds")

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

/**
 * Polls a URL until it answers with a status below 500 (the server is up). Fails after
 * `timeoutMs`, or as soon as `server` (a supervisor entry) exits.
 */
async function waitForHttp(url, { timeoutMs, what, server = null }) {
  let exited = null
  server?.exited.then((result) => (exited = result))
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${what} exited with ${exited.signal || exited.code} before answering at ${url}`)
    const status = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(30_000) }).then(
      (r) => r.status,
      () => 500
    )
    if (status < 500) return
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s`)
}

/**
 * `medusa start` in .medusa/server on `port`, with `env` (DATABASE_URL, secrets…) over the
 * settings' environment. `stdio`: as for spawn (the benchmarks keep the server's log out of theirs).
 * Medusa calls the ML sidecar that startSidecar starts (ML_SIDECAR_URL, unless set to another
 * one), with the same ML_SIDECAR_TOKEN when one is set.
 */
function startBackend({ settings, supervisor, port, env = {}, stdio = "inherit" }) {
  linkBuildToProject(settings)
  const sidecar = {
    ML_SIDECAR_URL: settings.sidecar.url,
    ...(settings.env.ML_SIDECAR_TOKEN ? { ML_SIDECAR_TOKEN: settings.env.ML_SIDECAR_TOKEN } : {}),
  }
  return supervisor.start(medusaBin(settings.root), ["start"], {
    name: "medusa",
    stdio,
    cwd: settings.buildDir,
    env: { ...sidecar, ...settings.env, ...env, NODE_ENV: "production", PORT: String(port) },
  })
}

/** The ML sidecar (`npm start` in ml-sidecar/) on its port, when it is installed. */
function startSidecar({ settings, supervisor, log, env = {} }) {
  const { dir, port, host, url } = settings.sidecar
  if (!fs.existsSync(`${dir}/node_modules`)) {
    log("ml-sidecar is not installed (npm install installs it); starting the shop without it")
    return null
  }
  // HOST and PORT are the sidecar's own; a HOST meant for something else never applies. With a
  // non-loopback host it requires ML_SIDECAR_TOKEN, passed through with the environment.
  const server = supervisor.start("npm", ["start"], {
    name: "ml-sidecar",
    cwd: dir,
    env: { ...settings.env, ...env, PORT: String(port), HOST: host },
  })
  log(`ml-sidecar starting on ${url} (OpenAPI at /docs)`)
  return server
}

/** `next start` on `port` against the backend at `backendUrl`, when the storefront is installed. */
function startStorefront({ settings, supervisor, log, port, backendUrl, publishableKey, env = {}, stdio = "inherit" }) {
  if (!storefrontInstalled(settings)) {
    log("the storefront is not installed (npm install installs it); starting the shop without it")
    return null
  }
  const { dir } = settings.storefront
  return supervisor.start(nextBin(dir), ["start", "-p", String(port)], {
    name: "next",
    cwd: dir,
    stdio,
    env: {
      ...settings.env,
      ...env,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      PORT: String(port),
      MEDUSA_BACKEND_URL: backendUrl,
      MEDUSA_PUBLISHABLE_KEY: publishableKey,
    },
  })
}

module.exports = { freePort, waitForHttp, startBackend, startSidecar, startStorefront }
