/**
 * Preloaded (`node --require`) into the servers a benchmark starts when BENCH_HEAP_DIR is set: writes
 * the process's process.memoryUsage() to BENCH_HEAP_DIR/<pid>.json every second, so the benchmark
 * can print V8's heap in use beside RSS (./memory.js). RSS alone cannot tell live objects from heap
 * V8 keeps after collecting them, nor heapUsed live objects from garbage not yet collected: when the
 * benchmark touches BENCH_HEAP_DIR/collect (requestFullCollection), the next write follows a full
 * collection.
 */
const fs = require("node:fs")
const path = require("node:path")
const v8 = require("node:v8")
const vm = require("node:vm")

const dir = process.env.BENCH_HEAP_DIR
if (dir) {
  const file = path.join(dir, `${process.pid}.json`)
  // global.gc without starting the server with --expose-gc.
  v8.setFlagsFromString("--expose-gc")
  const collectGarbage = vm.runInNewContext("gc")
  let collectedFor = 0
  const write = () => {
    try {
      const requestedAt = fs.statSync(path.join(dir, "collect"), { throwIfNoEntry: false })?.mtimeMs ?? 0
      if (requestedAt > collectedFor) {
        collectGarbage()
        collectedFor = requestedAt
      }
      fs.writeFileSync(file, JSON.stringify({ ...process.memoryUsage(), collectedFor }))
    } catch {
      // The benchmark removed the folder while the server was stopping.
    }
  }
  write()
  // Never what keeps a server, or any process it starts, running.
  setInterval(write, 1000).unref()
}
