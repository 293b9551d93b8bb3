/**
 * Resident memory of the servers a benchmark started, read from /proc (Linux). A server counts
 * with its descendants: `next start` and npm-started processes serve from child processes.
 */
const fs = require("node:fs")

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

/** RSS in bytes of `pid` and all its descendants (0 once it has ended). */
function treeRss(pid) {
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
  return [...tree].reduce((sum, p) => sum + rssBytes(p), 0)
}

/** { name → RSS in MB } for supervisor entries ({ name, child }) still running. */
function snapshotRss(servers) {
  return Object.fromEntries(servers.filter(Boolean).map((s) => [s.name, treeRss(s.child.pid) / 1024 / 1024]))
}

module.exports = { snapshotRss, treeRss }
