/**
 * Resident memory of the servers a benchmark started, read from /proc (Linux). A server counts
 * with its descendants: `next start` and npm-started processes serve from child processes.
 * Beside RSS, V8's heap in use of the servers started with heapProbeEnv (./heap-probe.js): RSS
 * keeps heap V8 has collected but not returned, heapUsed is what the objects hold.
 */
const fs = require("node:fs")
const path = require("node:path")

/** Parent pid of every running process, by pid. */
function parentsByPid() {
  const parents = new Map()
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // The command name (field 2) is in parentheses and may hold spaces: read after the last ")".
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]))
    } catch {
      // The process ended while the list was read.
    }
  }
  return parents
}

function rssBytes(pid) {
  try {
    const match = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m)
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return 0
  }
}

/** `pid` and all its descendants. */
function processTree(pid) {
  const parents = parentsByPid()
  const tree = new Set([pid])
  let grew = true
  while (grew) {
    grew = false
    for (const [child, parent] of parents) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child)
        grew = true
      }
    }
  }
  return [...tree]
}

/** RSS in bytes of `pid` and all its descendants (0 once it has ended). */
function treeRss(pid) {
  return processTree(pid).reduce((sum, p) => sum + rssBytes(p), 0)
}

/** Environment that preloads ./heap-probe.js into a server (and the node processes it starts), reporting to `dir`. */
function heapProbeEnv(dir, env = process.env) {
  const probe = path.join(__dirname, "heap-probe.js")
  return { BENCH_HEAP_DIR: dir, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --require "${probe}"`.trim() }
}

/** V8 heap in use in bytes of `pid` and its descendants, as their probes last wrote it to `dir`; undefined without a probe. */
function treeHeapUsed(pid, dir) {
  let total
  for (const p of processTree(pid)) {
    try {
      total = (total ?? 0) + JSON.parse(fs.readFileSync(path.join(dir, `${p}.json`), "utf8")).heapUsed
    } catch {
      // No probe in this process (not node, or started without heapProbeEnv).
    }
  }
  return total
}

/**
 * Asks every probe reporting to `dir` for a full collection before its next write; resolves once
 * they have had time to (a probe writes each second), so heapUsed then counts live objects only.
 */
async function requestFullCollection(dir) {
  fs.writeFileSync(path.join(dir, "collect"), String(Date.now()))
  await new Promise((r) => setTimeout(r, 2500))
}

/** { name → RSS in MB } for supervisor entries ({ name, child }) still running. */
function snapshotRss(servers) {
  return Object.fromEntries(servers.filter(Boolean).map((s) => [s.name, treeRss(s.child.pid) / 1024 / 1024]))
}

/** { name → V8 heap in use in MB } for the servers whose probes write to `dir` (others left out). */
function snapshotHeapUsed(servers, dir) {
  const entries = servers.filter(Boolean).map((s) => [s.name, treeHeapUsed(s.child.pid, dir)])
  return Object.fromEntries(entries.filter(([, bytes]) => bytes !== undefined).map(([name, bytes]) => [name, bytes / 1024 / 1024]))
}

module.exports = { heapProbeEnv, requestFullCollection, snapshotHeapUsed, snapshotRss, treeHeapUsed, treeRss }
