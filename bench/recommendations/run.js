#!/usr/bin/env node
/**
 * bench/recommendations: latency of the recommendation Store API routes (issue #16 §6) through Medusa's
 * production build on the seeded demo shop, beside `GET /store/products` (a list with calculated prices)
 * and `/health` measured in the same run, so the figures mean something on a noisy machine.
 * Requests go one at a time: after a warm-up of every route, BENCH_RUNS rounds each ask every route
 * once in turn (interleaved, so a slow spell of the machine or an expiring catalog cache falls on all
 * routes alike). Prints p50/p95/p99/max per route and its p95 as a ratio to the references; the issue's
 * target is p95 ≤ 150 ms. Never pass/fail.
 *
 * The signed-in shopper is the demo customer ines@curator.local (her wardrobe comes from the seed); when
 * she has no sizes in her style profile yet, one is saved for her first. Feedback is sent as guests
 * ("like", the guest cookie issued by the answer), so it does not change her answers. The backend runs with
 * RATE_LIMIT_ENABLED=false: this one client sends feedback faster than a shopper may.
 *
 * Run it with `npm run bench:recommendations` (migrates, seeds, builds, then calls this).
 * Settings: BENCH_RUNS (measured rounds, default 100), BENCH_WARMUP (rounds first, default 10),
 * BENCH_PORT (default 9001).
 */
const os = require("node:os")
const path = require("node:path")
const { performance } = require("node:perf_hooks")
const { createSupervisor, exitOnSignals } = require("../../scripts/lib/processes")
const { readPublishableKey } = require("../../scripts/lib/publishable-key")
const { readSettings } = require("../../scripts/lib/settings")
const { jsonClient, printTable, startBenchBackend } = require("../backend")
const { percentile } = require("../stats")

const settings = readSettings({ root: path.resolve(__dirname, "..", "..") })
const PORT = Number(settings.env.BENCH_PORT || 9001)
const BASE = `http://127.0.0.1:${PORT}`
const RUNS = Number(settings.env.BENCH_RUNS || 100)
const WARMUP = Number(settings.env.BENCH_WARMUP || 10)
const TARGET_P95_MS = 150
const SHOPPER = { email: "ines@curator.local", password: "curator-demo" }
/** Saved only when the shopper has no sizes yet: apparel M, shoes 39, a budget in the region's currency. */
const GUEST_SIZES = "sizes=tops:M,trousers:M,shoes:39"
const BENCH_PROFILE = { sizes: { tops: "M", trousers: "M", shoes: "39" }, budget: { max_item: 250, max_outfit: 600, currency_code: "eur" } }

const log = (...args) => console.log("[bench:recommendations]", ...args)
const supervisor = createSupervisor({ cwd: settings.root, env: settings.env, log })
exitOnSignals(() => supervisor.shutdown())
const json = jsonClient(BASE)

/** One request, timed from sending to the last byte of the answer; fails on any status >= 400. */
async function timed(route, i) {
  const { method, url, headers, body } = route.request(i)
  const started = performance.now()
  const res = await fetch(`${BASE}${url}`, {
    method,
    headers: { ...(body ? { "content-type": "application/json" } : {}), ...headers },
    body: body && JSON.stringify(body),
  })
  const text = await res.text()
  const ms = performance.now() - started
  if (!res.ok) throw new Error(`${route.name}: ${method} ${url} → ${res.status} ${text.slice(0, 200)}`)
  return { ms, data: route.count ? JSON.parse(text) : null }
}

async function main() {
  const key = readPublishableKey(settings.publishableKeyFile)
  await startBenchBackend({ settings, supervisor, port: PORT, env: { RATE_LIMIT_ENABLED: "false" } })
  try {
    const store = { "x-publishable-api-key": key }
    const { regions } = await json("GET", "/store/regions", store)
    const europe = regions.find((r) => r.currency_code === "eur")
    if (!europe) throw new Error("the seed has no euro region")
    const region = `region_id=${europe.id}`

    const { token } = await json("POST", "/auth/customer/emailpass", {}, SHOPPER)
    const shopper = { ...store, authorization: `Bearer ${token}` }
    const { style_profile: saved } = await json("GET", "/store/customers/me/style-profile", shopper)
    const hadProfile = Object.keys(saved.sizes ?? {}).length > 0
    if (!hadProfile) await json("POST", "/store/customers/me/style-profile", shopper, BENCH_PROFILE)
    const { count: wardrobeItems } = await json("GET", "/store/wardrobe/items?limit=1", shopper)

    // Products to complete the look of, taken in turn: the first page of the catalog.
    const { products, count: catalogSize } = await json("GET", `/store/products?limit=100&fields=id`, store)
    if (!products.length) throw new Error("the seed has no products")
    const productAt = (i) => products[i % products.length].id

    const get = (url, headers) => () => ({ method: "GET", url, headers })
    const routes = [
      { name: "GET /health (framework floor)", request: get("/health", {}) },
      {
        name: "GET /store/products (24, calculated prices)",
        request: get(`/store/products?limit=24&${region}&fields=*variants.calculated_price`, store),
        count: (d) => d.products.length,
      },
      {
        name: "GET /store/recommendations (guest, no profile)",
        request: get(`/store/recommendations?${region}`, store),
        count: (d) => d.recommendations.length,
      },
      {
        name: "GET /store/recommendations (signed in, profile)",
        request: get(`/store/recommendations?${region}`, shopper),
        count: (d) => d.recommendations.length,
      },
      {
        name: "GET /store/recommendations/outfits (signed in)",
        request: get(`/store/recommendations/outfits?${region}`, shopper),
        count: (d) => d.outfits.length,
      },
      {
        name: "GET /store/products/:id/complete-the-look (guest, sizes)",
        // A guest has no sizes, and no piece is recommended without one: the query names them as a quiz would.
        request: (i) => ({ method: "GET", url: `/store/products/${productAt(i)}/complete-the-look?${region}&${GUEST_SIZES}`, headers: store }),
        count: (d) => d.outfits.length,
      },
      {
        name: "GET /store/products/:id/complete-the-look (signed in)",
        request: (i) => ({ method: "GET", url: `/store/products/${productAt(i + 7)}/complete-the-look?${region}`, headers: shopper }),
        count: (d) => d.outfits.length,
      },
      {
        name: "GET /store/wardrobe/outfit-suggestions (signed in)",
        request: get(`/store/wardrobe/outfit-suggestions?${region}`, shopper),
        count: (d) => d.outfits.length,
      },
      {
        name: "POST /store/recommendations/feedback (guest, like)",
        request: (i) => ({
          method: "POST",
          url: "/store/recommendations/feedback",
          headers: store,
          body: { product_id: productAt(i), action: "like", surface: "for_you" },
        }),
      },
    ]

    log(`warming up: ${WARMUP} rounds`)
    for (let i = 0; i < WARMUP; i++) for (const route of routes) await timed(route, i)

    log(`measuring: ${RUNS} rounds of ${routes.length} routes, one request at a time`)
    const latencies = routes.map(() => [])
    const answered = routes.map(() => [])
    for (let i = 0; i < RUNS; i++) {
      for (const [r, route] of routes.entries()) {
        const { ms, data } = await timed(route, WARMUP + i)
        latencies[r].push(ms)
        if (route.count) answered[r].push(route.count(data))
      }
    }

    const p95 = (r) => percentile(latencies[r], 95)
    const health = p95(0)
    const products95 = p95(1)
    const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-")
    const rows = routes.map((route, r) => [
      route.name,
      fmt(percentile(latencies[r], 50)),
      fmt(p95(r)),
      fmt(percentile(latencies[r], 99)),
      fmt(Math.max(...latencies[r])),
      `${fmt(p95(r) / products95, 2)}×`,
      `${fmt(p95(r) / health, 1)}×`,
      route.count ? `${Math.min(...answered[r])}–${Math.max(...answered[r])}` : "",
      r < 2 ? "" : p95(r) <= TARGET_P95_MS ? "yes" : "no",
    ])
    console.log(
      `\nbench/recommendations — production build, ${catalogSize} products, ${SHOPPER.email} (${hadProfile ? "her own style profile" : "style profile saved by the bench"}, ${wardrobeItems} wardrobe items), ${RUNS} sequential rounds after ${WARMUP} warm-up, ${os.cpus().length} CPUs`
    )
    printTable(
      ["route", "p50 ms", "p95 ms", "p99 ms", "max ms", "p95 / products p95", "p95 / health p95", "answered", `p95 ≤ ${TARGET_P95_MS} ms`],
      rows
    )
  } finally {
    await supervisor.shutdown()
  }
}

main().catch(async (e) => {
  console.error(e)
  await supervisor.shutdown()
  process.exit(1)
})
