/**
 * Medusa scaled out on one machine: N server processes (MEDUSA_WORKER_MODE=server) and worker
 * processes (MEDUSA_WORKER_MODE=worker) of the production build on one PostgreSQL and one Redis,
 * behind Debian's nginx run with the committed proxy config (deploy/nginx/templates/curator.conf.template,
 * the same file docker-compose.yml uses). The scale-out test and the Store API benchmark start it.
 *
 *   const cluster = await startCluster(context, { servers: 2, workers: 1, env, logDir })
 *   cluster.url                       the proxy, e.g. http://127.0.0.1:40123
 *   cluster.servers[i].url            one server directly; .logFile its output
 *   cluster.workers[i].logFile        a worker's output (a worker answers only /health)
 *   await cluster.stop()              stops nginx, the servers and the workers
 */
const fs = require("node:fs")
const net = require("node:net")
const path = require("node:path")
const { startBackend, freePort, waitForHttp } = require("./servers")

const NGINX_TEMPLATE = path.join(__dirname, "..", "..", "deploy", "nginx", "templates", "curator.conf.template")

/** nginx's binary: NGINX_PATH, else Debian's. */
function nginxPath(settings) {
  return settings.env.NGINX_PATH || "/usr/sbin/nginx"
}

/**
 * Sends inline commands to Redis (after SELECT of the URL's database number) and resolves with
 * their replies as text; rejects when Redis does not answer. No client library: the launcher
 * needs nothing beyond PING and FLUSHDB.
 */
function redisCommands(redisUrl, commands, { timeoutMs = 3_000 } = {}) {
  const url = new URL(redisUrl)
  const db = Number(url.pathname.slice(1) || 0)
  const lines = [
    ...(url.password ? [`AUTH ${url.username ? `${decodeURIComponent(url.username)} ` : ""}${decodeURIComponent(url.password)}`] : []),
    `SELECT ${db}`,
    ...commands,
  ]
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: url.hostname || "127.0.0.1", port: Number(url.port || 6379) })
    let received = ""
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`Redis at ${url.host} did not answer within ${timeoutMs} ms`)))
    socket.once("error", reject)
    socket.on("connect", () => socket.write(lines.map((line) => `${line}\r\n`).join("")))
    socket.on("data", (chunk) => {
      received += chunk
      // Every command here answers one simple line (+OK, +PONG, -ERR …).
      const replies = received.split("\r\n").filter(Boolean)
      if (replies.length < lines.length) return
      socket.end()
      const failed = replies.find((r) => r.startsWith("-"))
      if (failed) return reject(new Error(`Redis at ${url.host}: ${failed.slice(1)}`))
      resolve(replies.slice(lines.length - commands.length))
    })
  })
}

/**
 * Why the cluster cannot run here (no nginx binary, no Redis answering at `redisUrl`), or null.
 * The caller decides whether that is a skip or a failure.
 */
async function clusterUnavailable(settings, redisUrl) {
  const nginx = nginxPath(settings)
  if (!fs.existsSync(nginx)) return `no nginx at ${nginx} (apt-get install -y nginx, or set NGINX_PATH)`
  try {
    await redisCommands(redisUrl, ["PING"])
  } catch (e) {
    return `no Redis answering at ${redisUrl} (${e.message})`
  }
  return null
}

/**
 * The committed template with its ${NAME} placeholders filled from `values`, as the nginx image's
 * envsubst does; a placeholder without a value is an error rather than an empty directive.
 */
function renderNginxTemplate(template, values) {
  return template.replace(/\$\{([A-Z0-9_]+)\}/g, (_, name) => {
    if (values[name] === undefined) throw new Error(`the nginx template needs ${name}`)
    return values[name]
  })
}

/** A whole nginx.conf around the rendered proxy config: no daemon, every path under `dir`. */
function nginxConfig(dir, proxyConfigFile) {
  const temp = (name) => path.join(dir, "temp", name)
  return `daemon off;
worker_processes 1;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} warn;
events { worker_connections 1024; }
http {
    log_format upstream '$request $status $upstream_addr $request_time';
    access_log ${path.join(dir, "access.log")} upstream;
    client_body_temp_path ${temp("body")};
    proxy_temp_path ${temp("proxy")};
    fastcgi_temp_path ${temp("fastcgi")};
    uwsgi_temp_path ${temp("uwsgi")};
    scgi_temp_path ${temp("scgi")};
    include ${proxyConfigFile};
}
`
}

/** nginx in front of `upstreams` (["127.0.0.1:9001", …]) on `port`, its config and logs in `dir`. */
async function startNginx({ settings, supervisor, dir, port, upstreams }) {
  const locations = path.join(dir, "locations")
  fs.mkdirSync(locations, { recursive: true })
  fs.mkdirSync(path.join(dir, "temp"), { recursive: true })
  // nginx started as root serves from workers running as nobody: they must reach the temp folders.
  for (const d of [dir, path.join(dir, "temp")]) fs.chmodSync(d, 0o755)
  const proxyConfig = path.join(dir, "curator.conf")
  fs.writeFileSync(
    proxyConfig,
    renderNginxTemplate(fs.readFileSync(NGINX_TEMPLATE, "utf8"), {
      CURATOR_MEDUSA_SERVERS: upstreams.map((address) => `server ${address};`).join("\n    "),
      CURATOR_PROXY_PORT: `127.0.0.1:${port}`,
      CURATOR_NGINX_LOCATIONS: locations,
    })
  )
  const configFile = path.join(dir, "nginx.conf")
  fs.writeFileSync(configFile, nginxConfig(dir, proxyConfig))
  const nginx = nginxPath(settings)
  // -e: the error log from the start, before the config is read (not Debian's /var/log/nginx).
  const args = ["-p", dir, "-c", configFile, "-e", path.join(dir, "error.log")]
  await supervisor.run(nginx, ["-t", "-q", ...args], { name: "nginx -t", stdio: ["ignore", "inherit", "inherit"] })
  return supervisor.start(nginx, args, { name: "nginx", stdio: ["ignore", "inherit", "inherit"] })
}

/** One `medusa start` in `mode` on `port`, its output appended to `logFile`. */
function startMedusaProcess(context, { name, mode, port, env, logFile }) {
  const out = fs.openSync(logFile, "a")
  try {
    const entry = startBackend({
      settings: context.settings,
      supervisor: context.supervisor,
      port,
      env: { ...env, MEDUSA_WORKER_MODE: mode },
      stdio: ["ignore", out, out],
    })
    entry.name = name
    return { name, mode, port, url: `http://127.0.0.1:${port}`, logFile, entry }
  } finally {
    // The child holds its own copy of the descriptor.
    fs.closeSync(out)
  }
}

/**
 * Starts `servers` server processes and `workers` worker processes of the production build
 * (built and migrated beforehand: buildBackendIfStale, migrate) with `env` (DATABASE_URL,
 * REDIS_URL, secrets…), then nginx in front of the servers, and resolves once every process
 * and the proxy answer /health. On failure everything started is stopped again.
 *
 * @param {{ settings: object, supervisor: object, log: Function }} context
 * @param {{ servers?: number, workers?: number, env: Record<string, string>, logDir: string, timeoutMs?: number }} options
 */
async function startCluster(context, { servers = 2, workers = 1, env, logDir, timeoutMs = 240_000 }) {
  const { settings, supervisor, log } = context
  if (!env.REDIS_URL) throw new Error("a cluster needs REDIS_URL: events, workflows and locks must be shared by its processes")
  fs.mkdirSync(logDir, { recursive: true })
  const started = []
  const stop = () => supervisor.stop(started.map((p) => p.entry))
  try {
    const processes = []
    for (let i = 0; i < servers; i++) processes.push({ name: `medusa server ${i + 1}`, mode: "server", file: `server-${i + 1}.log` })
    for (let i = 0; i < workers; i++) processes.push({ name: `medusa worker ${i + 1}`, mode: "worker", file: `worker-${i + 1}.log` })
    for (const p of processes) {
      const port = await freePort()
      started.push(startMedusaProcess(context, { name: p.name, mode: p.mode, port, env, logFile: path.join(logDir, p.file) }))
    }
    log(`cluster: ${started.map((p) => `${p.name} on :${p.port}`).join(", ")} (logs in ${logDir})`)
    await Promise.all(
      started.map((p) =>
        waitForHttp(`${p.url}/health`, { timeoutMs, what: `${p.name} (log: ${p.logFile})`, server: p.entry }).catch((e) => {
          throw new Error(`${e.message}\n${tail(p.logFile)}`)
        })
      )
    )
    const serverProcesses = started.filter((p) => p.mode === "server")
    const proxyPort = await freePort()
    const nginxDir = path.join(logDir, "nginx")
    const nginx = await startNginx({
      settings,
      supervisor,
      dir: nginxDir,
      port: proxyPort,
      upstreams: serverProcesses.map((p) => `127.0.0.1:${p.port}`),
    })
    const proxy = {
      name: "nginx",
      mode: "proxy",
      port: proxyPort,
      url: `http://127.0.0.1:${proxyPort}`,
      logFile: path.join(nginxDir, "error.log"),
      entry: nginx,
    }
    started.unshift(proxy)
    await waitForHttp(`${proxy.url}/health`, { timeoutMs: 15_000, what: "nginx", server: nginx })
    log(`cluster: nginx on ${proxy.url} in front of ${serverProcesses.length} server(s)`)
    return {
      url: proxy.url,
      proxy: { ...proxy, accessLog: path.join(nginxDir, "access.log") },
      servers: serverProcesses,
      workers: started.filter((p) => p.mode === "worker"),
      stop,
    }
  } catch (e) {
    await stop()
    throw e
  }
}

/** The last lines of a log file, for an error message. */
function tail(file, lines = 30) {
  if (!fs.existsSync(file)) return ""
  return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n")
}

module.exports = { startCluster, clusterUnavailable, redisCommands, renderNginxTemplate, nginxPath, NGINX_TEMPLATE }
