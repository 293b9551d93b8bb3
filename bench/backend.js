/**
 * What the Store API benchmarks share: the production server started quietly on a port of its own,
 * a JSON client for it, and the Markdown table they print their figures in.
 */
const { startBackend, waitForHttp } = require("../scripts/lib/servers")

/**
 * `medusa start` (the production build) on `port` with its log kept out of the benchmark's (errors
 * only, on stderr); resolves once /health answers. `env` goes over the server's environment.
 */
async function startBenchBackend({ settings, supervisor, port, env = {} }) {
  const server = startBackend({ settings, supervisor, port, env: { LOG_LEVEL: "error", ...env }, stdio: ["ignore", "ignore", "inherit"] })
  await waitForHttp(`http://127.0.0.1:${port}/health`, { timeoutMs: 120_000, what: "the production server", server })
  return server
}

/** A JSON request function against `base` (or an absolute URL): resolves to the parsed answer, rejects on any status >= 400 with its message. */
function jsonClient(base) {
  return async function json(method, url, headers = {}, body) {
    const res = await fetch(url.startsWith("http") ? url : `${base}${url}`, {
      method,
      headers: { ...(body ? { "content-type": "application/json" } : {}), ...headers },
      body: body && JSON.stringify(body),
    })
    const data = await res.json()
    if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${data.message}`)
    return data
  }
}

/** Prints a Markdown table: the first column left-aligned, the figures right-aligned. */
function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (cells) => "| " + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ") + " |"
  console.log(line(header))
  console.log("|" + widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|")
  for (const row of rows) console.log(line(row))
}

module.exports = { jsonClient, printTable, startBenchBackend }
