#!/usr/bin/env node
/**
 * bench/store-api: load on stock Store API routes (and Curator's search) against the
 * production build on the seeded demo catalog. Prints requests/s and p50/p95/p99 per
 * route and each route's p95 as a ratio of `/store/products` p95 measured in the same
 * run, so the figures mean something on a noisy machine. Never pass/fail.
 *
 * Run it with `npm run bench:store-api` (migrates, seeds, builds, then calls this).
 * Settings: BENCH_DURATION (s per route, default 10), BENCH_CONNECTIONS (default 8),
 * BENCH_PORT (default 9001).
 */
const path = require("node:path")
const os = require("node:os")
const autocannon = require("autocannon")
const { createSupervisor, exitOnSignals } = require("../../scripts/lib/processes")
const { readPublishableKey } = require("../../scripts/lib/publishable-key")
const { readSettings } = require("../../scripts/lib/settings")
const { jsonClient, printTable, startBenchBackend } = require("../backend")
const { percentile } = require("../stats")

const settings = readSettings({ root: path.resolve(__dirname, "..", "..") })
const PORT = Number(settings.env.BENCH_PORT || 9001)
const BASE = `http://127.0.0.1:${PORT}`
const DURATION = Number(settings.env.BENCH_DURATION || 10)
const CONNECTIONS = Number(settings.env.BENCH_CONNECTIONS || 8)

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const log = (...args) => console.log("[bench:store-api]", ...args)
const supervisor = createSupervisor({ cwd: settings.root, env: settings.env, log })
exitOnSignals(() => supervisor.shutdown())

const json = jsonClient(BASE)

/** Runs one autocannon load and measures every response's latency itself (autocannon has no p95). */
function load(name, requestOptions) {
  return new Promise((resolve, reject) => {
    const latencies = []
    let errors = 0
    const instance = autocannon({ url: BASE, connections: CONNECTIONS, duration: DURATION, ...requestOptions }, (err, result) => {
      if (err) return reject(err)
      resolve({
        name,
        requests: latencies.length,
        rps: latencies.length / DURATION,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        errors: errors + result.errors + result.timeouts,
      })
    })
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime)
      if (statusCode >= 400) errors++
    })
  })
}

async function main() {
  const key = readPublishableKey(settings.publishableKeyFile)
  await startBenchBackend({ settings, supervisor, port: PORT })
  try {
    const headers = { "x-publishable-api-key": key }
    const { regions } = await json("GET", "/store/regions", headers)
    const europe = regions.find((r) => r.currency_code === "eur")
    // Wait for the search index to be filled (it is seeded when the server starts).
    for (let i = 0; i < 240; i++) {
      const res = await fetch(`${BASE}/store/product-search?limit=1`, { headers })
      if (res.ok && (await res.json()).count > 0) break
      await sleep(500)
    }
    const { products } = await json(
      "GET",
      `/store/products?limit=100&region_id=${europe.id}&fields=id,variants.id,+variants.inventory_quantity`,
      headers
    )
    const productIds = products.map((p) => p.id)
    // Only variants with stock to spare, so "add to cart" measures the happy path.
    const variantIds = products.flatMap((p) => p.variants.filter((v) => v.inventory_quantity >= 10).map((v) => v.id))

    // Carts to add to, spread so no cart or variant runs out of stock during the load.
    const carts = []
    for (let i = 0; i < 60; i++) carts.push((await json("POST", "/store/carts", headers, { region_id: europe.id })).cart.id)

    const pick = (list) => list[Math.floor(Math.random() * list.length)]
    const queries = ["dress", "linen shirt", "wool coat", "leather boots", "black", "knit", "drss"]
    const routes = [
      ["GET /health (framework floor)", { requests: [{ method: "GET", path: "/health" }] }],
      [
        "GET /store/products (list, calculated prices)",
        { requests: [{ method: "GET", path: `/store/products?limit=24&region_id=${europe.id}&fields=*variants.calculated_price`, headers }] },
      ],
      [
        "GET /store/products/:id (detail)",
        {
          requests: [
            {
              method: "GET",
              headers,
              setupRequest: (req) => ({
                ...req,
                path: `/store/products/${pick(productIds)}?region_id=${europe.id}&fields=*variants.calculated_price`,
              }),
            },
          ],
        },
      ],
      [
        "GET /store/product-search (text + facets)",
        {
          requests: [
            {
              method: "GET",
              headers,
              setupRequest: (req) => ({
                ...req,
                path: `/store/product-search?q=${encodeURIComponent(pick(queries))}&region_id=${europe.id}&limit=24`,
              }),
            },
          ],
        },
      ],
      [
        "POST /store/search (Medusa core)",
        {
          requests: [
            {
              method: "POST",
              path: "/store/search",
              headers: { ...headers, "content-type": "application/json" },
              setupRequest: (req) => ({
                ...req,
                body: JSON.stringify({
                  entity: "product",
                  filters: { q: pick(queries) },
                  pagination: { take: 24 },
                  search_options: { facets: ["category_handles", "colours", "sizes", "brand"] },
                }),
              }),
            },
          ],
        },
      ],
      [
        "POST /store/carts/:id/line-items (add to cart)",
        {
          requests: [
            {
              method: "POST",
              headers: { ...headers, "content-type": "application/json" },
              setupRequest: (req) => ({
                ...req,
                path: `/store/carts/${pick(carts)}/line-items`,
                body: JSON.stringify({ variant_id: pick(variantIds), quantity: 1 }),
              }),
            },
          ],
        },
      ],
    ]

    // Curator's wardrobe list as a signed-in demo customer sees it (her wardrobe comes from the seed).
    const customerToken = await json("POST", "/auth/customer/emailpass", {}, { email: "ines@curator.local", password: "curator-demo" }).then(
      (data) => data.token,
      (error) => console.log(`wardrobe route skipped: ${error.message}`)
    )
    const signedIn = customerToken ? { ...headers, authorization: `Bearer ${customerToken}` } : null
    if (signedIn) {
      routes.push([
        "GET /store/wardrobe/items (signed-in list)",
        { requests: [{ method: "GET", path: "/store/wardrobe/items?limit=20", headers: signedIn }] },
      ])
      // The social feed as the same customer sees it: followed authors blended with popular posts.
      routes.push([
        "GET /store/social/feed (signed-in, for you)",
        { requests: [{ method: "GET", path: "/store/social/feed?limit=20", headers: signedIn }] },
      ])
    }
    routes.push([
      "GET /store/social/feed (anonymous, popular)",
      { requests: [{ method: "GET", path: "/store/social/feed?tab=popular&limit=20", headers }] },
    ])

    // A whole lookbook page: every look with its hotspot products, prices and availability.
    const { lookbooks } = await json("GET", "/store/lookbooks?limit=20", headers)
    if (!lookbooks.length) throw new Error("the seed has no published lookbooks to measure")
    const handles = lookbooks.map((l) => l.handle)
    routes.push([
      "GET /store/lookbooks/:handle (lookbook page)",
      {
        requests: [{ method: "GET", headers, setupRequest: (req) => ({ ...req, path: `/store/lookbooks/${pick(handles)}?region_id=${europe.id}` }) }],
      },
    ])

    // Warm up each route briefly so JIT and caches do not count against the first one.
    for (const [, options] of routes) await autocannon({ url: BASE, connections: 2, amount: 20, ...options })

    const results = []
    for (const [name, options] of routes) results.push(await load(name, options))

    const reference = results.find((r) => r.name.startsWith("GET /store/products (list"))
    const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-")
    const rows = results.map((r) => [r.name, fmt(r.rps), fmt(r.p50), fmt(r.p95), fmt(r.p99), fmt(r.p95 / reference.p95, 2) + "×", String(r.errors)])
    console.log(
      `\nbench/store-api — production build, ${products.length >= 100 ? "100+" : products.length} products sampled, ${CONNECTIONS} connections, ${DURATION} s per route, ${os.cpus().length} CPUs`
    )
    printTable(["route", "req/s", "p50 ms", "p95 ms", "p99 ms", "p95 / products p95", "errors"], rows)
  } finally {
    await supervisor.shutdown()
  }
}

main().catch(async (e) => {
  console.error(e)
  await supervisor.shutdown()
  process.exit(1)
})
