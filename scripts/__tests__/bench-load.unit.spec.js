const http = require("node:http")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { spawn } = require("node:child_process")
const { openLoop, shoppers } = require("../../bench/load")
const { heapProbeEnv, treeHeapUsed, treeRss } = require("../../bench/memory")
const { findHighestRate } = require("../../bench/store-api/mixed")

/**
 * A server that answers fast while it receives at most `capacity` requests a second and takes
 * `slowMs` once more arrive within a second; /fail answers 500.
 */
function startServer({ capacity = Infinity, slowMs = 0 } = {}) {
  const arrivals = []
  const server = http.createServer((req, res) => {
    const now = Date.now()
    arrivals.push(now)
    while (arrivals[0] < now - 1000) arrivals.shift()
    const delay = arrivals.length > capacity ? slowMs : 1
    setTimeout(() => {
      res.statusCode = req.url === "/fail" ? 500 : 200
      res.end("ok")
    }, delay)
  })
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${server.address().port}` })))
}

let running
afterEach(() => running?.server.close())

describe("openLoop", () => {
  it("starts the requests at the rate asked and counts failures by kind", async () => {
    running = await startServer()
    const result = await openLoop("test", {
      rate: 40,
      seconds: 0.5,
      nextRequest: (i) => (i % 4 === 0 ? { url: `${running.base}/fail`, kind: "fail" } : { url: `${running.base}/`, kind: "ok" }),
    })
    expect(result.requests).toBe(20)
    expect(result.errors).toBe(5)
    expect(result.kinds.fail.count).toBe(5)
    expect(result.firstError).toMatch(/\/fail → 500/)
  })
})

describe("shoppers", () => {
  it("keeps each shopper's own sequence of requests", async () => {
    running = await startServer()
    const seen = new Map()
    const result = await shoppers("test", {
      count: 3,
      seconds: 0.2,
      nextRequest: (shopper, i) => {
        seen.set(shopper, [...(seen.get(shopper) ?? []), i])
        return { url: `${running.base}/` }
      },
    })
    expect(result.errors).toBe(0)
    expect([...seen.keys()].sort()).toEqual([0, 1, 2])
    for (const steps of seen.values()) expect(steps).toEqual(steps.map((_, i) => i))
  })
})

describe("findHighestRate", () => {
  it("finds the rate at which the p99 stays under the limit", async () => {
    running = await startServer({ capacity: 12, slowMs: 300 })
    const found = await findHighestRate({
      nextRequest: () => ({ url: `${running.base}/`, kind: "ok" }),
      startRate: 4,
      maxRate: 64,
      stepSeconds: 1,
      seconds: 1,
      p99LimitMs: 200,
      pauseMs: 1100,
      log: () => {},
    })
    // 4 and 8 pass, 16 fails; the bisection settles between 8 and 16, at or under the capacity.
    expect(found.passed).toBe(true)
    expect(found.rate).toBeGreaterThanOrEqual(8)
    expect(found.rate).toBeLessThanOrEqual(12)
    expect(found.steps.map((s) => s.rate).slice(0, 3)).toEqual([4, 8, 16])
  }, 30_000)
})

describe("treeRss", () => {
  it("counts a process's children", async () => {
    const child = spawn(process.execPath, ["-e", "const keep = Buffer.alloc(64 * 1024 * 1024, 1); setInterval(() => keep, 1000)"], {
      stdio: "ignore",
    })
    try {
      await new Promise((r) => setTimeout(r, 500))
      const own = treeRss(child.pid)
      expect(own).toBeGreaterThan(64 * 1024 * 1024)
      expect(treeRss(process.pid)).toBeGreaterThan(own)
    } finally {
      child.kill()
    }
  })
})

describe("treeHeapUsed", () => {
  it("reads the V8 heap in use of a process started with the heap probe, and nothing without it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-heap-test-"))
    // Tens of MB of live objects on the V8 heap (a Buffer would be outside it).
    const holdObjects = "const keep = Array.from({ length: 1e6 }, (_, i) => ({ i, s: String(i) })); setInterval(() => keep, 1000)"
    const probed = spawn(process.execPath, ["-e", holdObjects], { stdio: "ignore", env: { ...process.env, ...heapProbeEnv(dir) } })
    const plain = spawn(process.execPath, ["-e", holdObjects], { stdio: "ignore" })
    try {
      await new Promise((r) => setTimeout(r, 2500))
      expect(treeHeapUsed(probed.pid, dir)).toBeGreaterThan(30 * 1024 * 1024)
      expect(treeHeapUsed(plain.pid, dir)).toBeUndefined()
    } finally {
      probed.kill()
      plain.kill()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
