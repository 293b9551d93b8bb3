#!/usr/bin/env node
/**
 * bench/store-api: load on stock Store API routes (and Curator's own) against the production
 * build on the seeded demo catalog, then the figures issue #19 asks for. Never pass/fail.
 *
 * 1. Uncached: `medusa start` with MEDUSA_FF_CACHING=false (Medusa's switch wins over the config),
 *    so every product read is a first read: GET /health, the list with calculated prices and
 *    product pages.
 * 2. The shop as configured (catalog cache on), the storefront's production build beside it:
 *    every route with autocannon (BENCH_CONNECTIONS connections, BENCH_DURATION s each; the list
 *    is warm after the warm-up, and every product page drawn from is read once before), add to
 *    cart with one cart per shopper (and the machine's CPU per add), the storefront's listing
 *    page under the same number of shoppers (TTFB), then the mixed load (browse 70%, search 15%,
 *    cart 10%, social 5%) at the highest rate whose p99 stays under 1 s with no errors, and each
 *    server's RSS after start, before and after that load, after BENCH_IDLE s idle and then after a
 *    full collection, with Medusa's V8 heap in use beside it (../heap-probe.js): RSS that stays up
 *    while heapUsed comes down is heap V8 keeps, not objects Curator holds.
 * 3. Requests/s per core of the warm list, and add to cart, through nginx in front of one, then two
 *    server processes and a worker (scripts/lib/cluster.js; needs nginx and Redis at BENCH_REDIS_URL or
 *    REDIS_URL, default redis://127.0.0.1:6379); without them, one server measured directly.
 * Each p95 is also printed as a multiple of GET /health's p95 from the same server, so runs on
 * different machines compare; issue #19's figures of 2026-12-03 stand beside this run's.
 *
 * Run it with `npm run bench:store-api` (migrates, seeds, builds both, then calls this).
 * Settings: BENCH_DURATION (s per route, default 10), BENCH_CONNECTIONS (default 8),
 * BENCH_PORT (default 9001), BENCH_STOREFRONT_PORT (default 8001), BENCH_MIXED_DURATION (final
 * mixed runs, default 60; each failed one is followed by one at 0.8× its rate, at most 4 in all),
 * BENCH_MIXED_STEP (s per search step, default 10), BENCH_MIXED_START_RATE
 * (req/s, default 2), BENCH_IDLE (s, default 30), BENCH_SIDECAR=1 (also start the ML sidecar and
 * report its memory), BENCH_UNCACHED=0, BENCH_STOREFRONT=0, BENCH_MIXED=0, BENCH_SCALE_OUT=0,
 * BENCH_FIRST_SEARCH=0 (skip those parts). Issue #18's first search after start and after idle
 * (./first-search.js) runs as soon as the server answers /health: BENCH_IDLE_SEARCH_S (default
 * 310, just past the search vocabulary's TTL), BENCH_FIRST_SEARCH_LATER (searches after each
 * first, default 8).
 * A smoke run: BENCH_DURATION=3 BENCH_MIXED_DURATION=10 BENCH_MIXED_STEP=3 BENCH_IDLE=5
 * BENCH_IDLE_SEARCH_S=20.
 */
const fs = require("node:fs")
const path = require("node:path")
const os = require("node:os")
const autocannon = require("autocannon")
const { createSupervisor, exitOnSignals } = require("../../scripts/lib/processes")
const { readPublishableKey } = require("../../scripts/lib/publishable-key")
const { startSidecar, startStorefront, waitForHttp } = require("../../scripts/lib/servers")
const { readSettings } = require("../../scripts/lib/settings")
const { jsonClient, printTable, startBenchBackend } = require("../backend")
const { autocannonLoad, shoppers } = require("../load")
const { heapProbeEnv, requestFullCollection, snapshotHeapUsed, snapshotRss } = require("../memory")
const { findHighestRate, mixedRequests } = require("./mixed")
const { ISSUE_DATE, ISSUE_FIGURES, ISSUE_MEMORY } = require("./issue-19")
const { measureFirstSearches, measureStorefrontSearchPages, printFirstSearchTable } = require("./first-search")

const settings = readSettings({ root: path.resolve(__dirname, "..", "..") })
const number = (name, fallback) => Number(settings.env[name] || fallback)
const enabled = (name, byDefault) => (settings.env[name] ? settings.env[name] !== "0" && settings.env[name] !== "false" : byDefault)
const PORT = number("BENCH_PORT", 9001)
const STOREFRONT_PORT = number("BENCH_STOREFRONT_PORT", 8001)
const BASE = `http://127.0.0.1:${PORT}`
const STOREFRONT = `http://127.0.0.1:${STOREFRONT_PORT}`
const DURATION = number("BENCH_DURATION", 10)
const CONNECTIONS = number("BENCH_CONNECTIONS", 8)
const MIXED = {
  seconds: number("BENCH_MIXED_DURATION", 60),
  stepSeconds: number("BENCH_MIXED_STEP", 10),
  startRate: number("BENCH_MIXED_START_RATE", 2),
  maxRate: number("BENCH_MIXED_MAX_RATE", 512),
}
const IDLE_SECONDS = number("BENCH_IDLE", 30)
const CORES = os.availableParallelism()
const COUNTRY = "de"
// Where Medusa's heap probe (../heap-probe.js) reports, for the memory table.
const HEAP_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "curator-bench-heap-"))
// A load test is one client sending faster than any shopper may: Curator's rate limits stay off.
const BACKEND_ENV = { RATE_LIMIT_ENABLED: "false", MEDUSA_ADMIN_DISABLED: "true", ...heapProbeEnv(HEAP_DIR, settings.env) }
const REDIS_URL = settings.env.BENCH_REDIS_URL || settings.env.REDIS_URL || "redis://127.0.0.1:6379"
const QUERIES = ["dress", "linen shirt", "wool coat", "leather boots", "black", "knit", "drss"]

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const log = (...args) => console.log("[bench:store-api]", ...args)
const supervisor = createSupervisor({ cwd: settings.root, env: settings.env, log })
exitOnSignals(() => supervisor.shutdown())

const json = jsonClient(BASE)
const pick = (list) => list[Math.floor(Math.random() * list.length)]
const listPath = (regionId) => `/store/products?limit=24&region_id=${regionId}&fields=*variants.calculated_price`
const detailPath = (regionId, id) => `/store/products/${id}?region_id=${regionId}&fields=*variants.calculated_price`

/** The first 100 products' ids, as the list gives them. */
async function readProductIds(regionId, headers) {
  const { products } = await json("GET", `/store/products?limit=100&region_id=${regionId}&fields=id`, headers)
  return products.map((p) => p.id)
}

/**
 * Every product page the detail row draws from, read once, so that row measures the catalog
 * cache's steady state as the warm list does; first reads have their own row (caching off).
 */
async function warmProductPages({ regionId, productIds, headers }) {
  for (const id of productIds) await json("GET", detailPath(regionId, id), headers)
}

/** What the loads draw from: the EUR region, products, variants with stock to spare, lookbooks. */
async function readShop(headers) {
  const { regions } = await json("GET", "/store/regions", headers)
  const regionId = regions.find((r) => r.currency_code === "eur").id
  const { products } = await json(
    "GET",
    `/store/products?limit=100&region_id=${regionId}&fields=id,variants.id,+variants.inventory_quantity`,
    headers
  )
  const { lookbooks } = await json("GET", "/store/lookbooks?limit=20", headers)
  if (!lookbooks.length) throw new Error("the seed has no published lookbooks to measure")
  return {
    base: BASE,
    headers,
    regionId,
    productIds: products.map((p) => p.id),
    // Only variants with stock to spare, so "add to cart" measures the happy path.
    variantIds: products.flatMap((p) => p.variants.filter((v) => v.inventory_quantity >= 10).map((v) => v.id)),
    lookbookHandles: lookbooks.map((l) => l.handle),
    queries: QUERIES,
  }
}

/** The search index is filled when the server starts: wait until it answers with products. */
async function waitForSearchIndex(headers) {
  for (let i = 0; i < 240; i++) {
    const res = await fetch(`${BASE}/store/product-search?limit=1`, { headers })
    if (res.ok && (await res.json()).count > 0) return
    await sleep(500)
  }
}

/** CPU time every core of the machine has spent busy so far (servers, PostgreSQL, this load alike). */
function machineBusyMs() {
  return os.cpus().reduce((sum, { times: t }) => sum + t.user + t.nice + t.sys + t.irq, 0)
}

async function createCarts(shop, count, base = BASE) {
  const client = base === BASE ? json : jsonClient(base)
  const carts = []
  for (let i = 0; i < count; i++) carts.push((await client("POST", "/store/carts", shop.headers, { region_id: shop.regionId })).cart.id)
  return carts
}

const get = (url, headers) => ({ requests: [{ method: "GET", path: url, headers }] })
const getEach = (headers, nextPath) => ({ requests: [{ method: "GET", headers, setupRequest: (req) => ({ ...req, path: nextPath() }) }] })
/** Autocannon options for product pages, each request one of `productIds` at random. */
const productPages = (regionId, productIds, headers) => getEach(headers, () => detailPath(regionId, pick(productIds)))

/** [id, name, autocannon options] of every route loaded on its own; `signedIn`: headers of a demo customer, or null. */
function routeTable(shop, signedIn) {
  const { headers, regionId, productIds, lookbookHandles } = shop
  const routes = [
    ["health", "GET /health (framework floor)", get("/health")],
    ["listWarm", "GET /store/products (list, calculated prices, warm cache)", get(listPath(regionId), headers)],
    ["detail", "GET /store/products/:id (detail, warm cache)", productPages(regionId, productIds, headers)],
    [
      "search",
      "GET /store/product-search (text + facets)",
      getEach(headers, () => `/store/product-search?q=${encodeURIComponent(pick(QUERIES))}&region_id=${regionId}&limit=24`),
    ],
    [
      "coreSearch",
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
                filters: { q: pick(QUERIES) },
                pagination: { take: 24 },
                search_options: { facets: ["category_handles", "colours", "sizes", "brand"] },
              }),
            }),
          },
        ],
      },
    ],
  ]
  if (signedIn) {
    // Curator's wardrobe list and the social feed as a signed-in demo customer sees them.
    routes.push(["wardrobe", "GET /store/wardrobe/items (signed-in list)", get("/store/wardrobe/items?limit=20", signedIn)])
    routes.push(["feedForYou", "GET /store/social/feed (signed-in, for you)", get("/store/social/feed?limit=20", signedIn)])
  }
  routes.push(["feedPopular", "GET /store/social/feed (anonymous, popular)", get("/store/social/feed?tab=popular&limit=20", headers)])
  // A whole lookbook page: every look with its hotspot products, prices and availability.
  routes.push([
    "lookbook",
    "GET /store/lookbooks/:handle (lookbook page)",
    getEach(headers, () => `/store/lookbooks/${pick(lookbookHandles)}?region_id=${regionId}`),
  ])
  return routes
}

/** Headers of the demo customer whose wardrobe the seed fills, or null when she cannot sign in. */
async function signInDemoCustomer(headers) {
  return json("POST", "/auth/customer/emailpass", {}, { email: "ines@curator.local", password: "curator-demo" }).then(
    (data) => ({ ...headers, authorization: `Bearer ${data.token}` }),
    (error) => (console.log(`signed-in routes skipped: ${error.message}`), null)
  )
}

/** Brief warm-up of each route (JIT, caches), then each loaded on its own. */
async function measureRoutes(routes, url = BASE) {
  for (const [, , options] of routes) await autocannon({ url, connections: 2, amount: 20, ...options })
  const results = []
  for (const [id, name, options] of routes)
    results.push({ id, ...(await autocannonLoad(name, { url, connections: CONNECTIONS, duration: DURATION, ...options })) })
  return results
}

/**
 * Add to cart as shoppers do it: each connection has a cart of its own and adds variants in
 * turn from its own starting point (a variant repeats in a cart only after all the others).
 */
async function measureAddToCart(
  shop,
  { base = BASE, id = "addToCart", name = "POST /store/carts/:id/line-items (add to cart, a cart per shopper)" } = {}
) {
  const carts = await createCarts(shop, CONNECTIONS, base)
  const stride = Math.max(1, Math.floor(shop.variantIds.length / CONNECTIONS))
  const headers = { ...shop.headers, "content-type": "application/json" }
  const busyBefore = machineBusyMs()
  const result = await shoppers(name, {
    count: CONNECTIONS,
    seconds: DURATION,
    nextRequest: (shopper, i) => ({
      url: `${base}/store/carts/${carts[shopper]}/line-items`,
      method: "POST",
      headers,
      body: JSON.stringify({ variant_id: shop.variantIds[(shopper * stride + i) % shop.variantIds.length], quantity: 1 }),
    }),
  })
  if (result.firstError) log(`${name}: ${result.errors} errors, first: ${result.firstError}`)
  return { id, ...result, busyMsPerRequest: (machineBusyMs() - busyBefore) / Math.max(1, result.requests) }
}

/** GET /health and the product list with caching off (every read a first read), on a server of their own. */
async function measureUncached(headers) {
  log("uncached: medusa start with MEDUSA_FF_CACHING=false")
  const server = await startBenchBackend({ settings, supervisor, port: PORT, env: { ...BACKEND_ENV, MEDUSA_FF_CACHING: "false" } })
  try {
    const { regions } = await json("GET", "/store/regions", headers)
    const regionId = regions.find((r) => r.currency_code === "eur").id
    const productIds = await readProductIds(regionId, headers)
    const routes = [
      ["health", "GET /health (caching off)", get("/health")],
      ["listUncached", "GET /store/products (list, calculated prices, caching off)", get(listPath(regionId), headers)],
      ["detailUncached", "GET /store/products/:id (detail, caching off)", productPages(regionId, productIds, headers)],
    ]
    return await measureRoutes(routes)
  } finally {
    await supervisor.stop([server])
  }
}

/** `next start` of the storefront's production build against the bench's backend, or null. */
async function startBenchStorefront(key) {
  const storefront = startStorefront({
    settings,
    supervisor,
    log,
    port: STOREFRONT_PORT,
    backendUrl: BASE,
    publishableKey: key,
    stdio: ["ignore", "ignore", "inherit"],
  })
  if (!storefront) return null
  await waitForHttp(`${STOREFRONT}/${COUNTRY}`, { timeoutMs: 180_000, what: "next start", server: storefront })
  return storefront
}

/** The storefront's listing page under BENCH_CONNECTIONS shoppers at once: TTFB and whole page. */
async function measureListingPage() {
  const url = `${STOREFRONT}/${COUNTRY}/store`
  for (let i = 0; i < 3; i++) await fetch(url).then((r) => r.arrayBuffer()) // warm-up: Next's caches, JIT
  const result = await shoppers(`storefront listing page /${COUNTRY}/store (TTFB)`, {
    count: CONNECTIONS,
    seconds: DURATION,
    nextRequest: () => ({ url }),
  })
  if (result.firstError) log(`storefront listing: ${result.errors} errors, first: ${result.firstError}`)
  return { id: "storefrontListing", ...result }
}

/** The mixed load's rate search and final run; carts of their own so earlier adds do not pile up. */
async function measureMixed(shop) {
  const carts = await createCarts(shop, 40)
  return findHighestRate({ nextRequest: mixedRequests({ ...shop, carts }), ...MIXED, log })
}

/**
 * The warm product list and add to cart through nginx in front of `servers` server processes and
 * one worker (scripts/lib/cluster.js, on Redis at BENCH_REDIS_URL or REDIS_URL): requests/s per
 * core, and what a second server process does for add to cart when the cores are already busy.
 */
async function measureCluster(servers, shop) {
  const { startCluster } = require("../../scripts/lib/cluster")
  const env = { ...BACKEND_ENV, REDIS_URL: REDIS_URL }
  const cluster = await startCluster(
    { settings, supervisor, log },
    { servers, workers: 1, env, logDir: path.join(settings.stateDir, "bench-cluster") }
  )
  try {
    const behind = `${servers} server${servers > 1 ? "s" : ""} + worker behind nginx`
    const [list] = await measureRoutes(
      [["cluster", `GET /store/products (warm list), ${behind}`, get(listPath(shop.regionId), shop.headers)]],
      cluster.url
    )
    const addToCart = await measureAddToCart(shop, { base: cluster.url, id: "clusterAddToCart", name: `add to cart (a cart per shopper), ${behind}` })
    return { list, addToCart }
  } finally {
    await cluster.stop()
  }
}

/** One and two server processes behind the proxy, or null (and why) when the cluster cannot run here. */
async function measureScaleOut(shop) {
  const { clusterUnavailable } = require("../../scripts/lib/cluster")
  const why = await clusterUnavailable(settings, REDIS_URL)
  if (why) return (log(`one and two servers behind a proxy: not measured, ${why}`), null)
  return { one: await measureCluster(1, shop), two: await measureCluster(2, shop) }
}

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-")
const ms = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "-")
const times = (p95, health) => (Number.isFinite(p95 / health) ? `${(p95 / health).toFixed(1)}×` : "-")

function printRouteTable(results, health) {
  const list = results.find((r) => r.id === "listWarm")
  const rows = results.map((r) => [
    r.name,
    fmt(r.rps),
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p99),
    times(r.p95, health.p95),
    fmt(r.p95 / list.p95, 2) + "×",
    String(r.errors),
  ])
  console.log(`\nbench/store-api — production build, ${CONNECTIONS} connections, ${DURATION} s per route, ${CORES} CPUs`)
  printTable(["route", "req/s", "p50 ms", "p95 ms", "p99 ms", "p95 / health p95", "p95 / list p95", "errors"], rows)
}

/** The summary beside issue #19's figures: one row per figure the issue asks for. */
function printIssueTable({ uncached, results, storefront, mixed, scaleOut }) {
  const byId = Object.fromEntries(results.map((r) => [r.id, r]))
  const health = byId.health
  const perCore = (r, how) => `${fmt(r.rps / CORES)} req/s/core (${fmt(r.rps)} req/s on ${CORES} cores, ${how}; p95 ${ms(r.p95)} ms)`
  const loadCell = (r, p95 = r.p95) =>
    r.requests ? `${fmt(r.rps)} req/s, p95 ${ms(p95)} ms${r.errors ? `, ${r.errors} errors` : ""}` : `no answer within ${DURATION} s`
  // The machine's CPU per add bounds its p95: with every core busy, N shoppers wait about N × that / cores.
  const cartCell = (r) => (r.requests ? `${loadCell(r)}; machine CPU ${ms(r.busyMsPerRequest)} ms per add` : loadCell(r))
  const rows = [
    ["health", "GET /health", loadCell(health), "1.0×"],
    ...(uncached
      ? [
          [
            "listUncached",
            "GET /store/products list, caching off (first reads)",
            loadCell(uncached.list),
            `${times(uncached.list.p95, uncached.health.p95)} (its own /health)`,
          ],
          [
            "detailUncached",
            "GET /store/products/:id, caching off (first reads)",
            loadCell(uncached.detail),
            `${times(uncached.detail.p95, uncached.health.p95)} (its own /health)`,
          ],
        ]
      : []),
    ["listWarm", "GET /store/products list, warm cache", loadCell(byId.listWarm), times(byId.listWarm.p95, health.p95)],
    ["detail", "GET /store/products/:id, warm cache", loadCell(byId.detail), times(byId.detail.p95, health.p95)],
    ["addToCart", "add to cart (a cart per shopper)", cartCell(byId.addToCart), times(byId.addToCart.p95, health.p95)],
    ...(storefront
      ? [
          [
            "storefrontListing",
            `storefront listing page TTFB (${CONNECTIONS} shoppers)`,
            `${loadCell(storefront, storefront.ttfbP95)} (whole page p95 ${ms(storefront.p95)} ms)`,
            times(storefront.ttfbP95, health.p95),
          ],
        ]
      : []),
    ...(mixed
      ? [
          [
            "mixed",
            `mixed load, ${MIXED.seconds} s at the highest rate found`,
            `${mixed.rate} req/s, p99 ${ms(mixed.final.p99)} ms, ${mixed.final.errors} errors${mixed.passed ? "" : " (target missed)"}`,
            times(mixed.final.p95, health.p95) + " (p95)",
          ],
        ]
      : []),
    ["perCoreOne", "warm list req/s per core, one server", perCore(scaleOut?.one.list ?? byId.listWarm, scaleOut ? "behind nginx" : "direct"), ""],
    ["perCoreTwo", "warm list req/s per core, two servers", scaleOut ? perCore(scaleOut.two.list, "behind nginx") : "not measured", ""],
    ["addToCartOne", "add to cart, one server + worker behind nginx", scaleOut ? cartCell(scaleOut.one.addToCart) : "not measured", ""],
    ["addToCartTwo", "add to cart, two servers + worker behind nginx", scaleOut ? cartCell(scaleOut.two.addToCart) : "not measured", ""],
  ]
  console.log(`\nIssue #19 §4 — this run beside the issue's figures (${CONNECTIONS} connections; × = p95 over GET /health p95 of the same server)`)
  printTable(
    ["row", "this run", "× /health p95", `issue (${ISSUE_DATE})`, "target"],
    rows.map(([id, name, cell, ratio]) => [name, cell, ratio, ISSUE_FIGURES[id].today, ISSUE_FIGURES[id].target])
  )
}

function printMemoryTable(memory) {
  const names = Object.keys(memory.start.rss)
  const mb = (v) => (Number.isFinite(v) ? `${Math.round(v)} MB` : "-")
  const row = (label, figure, n) => [label, ...["start", "before", "after", "idle", "collected"].map((when) => mb(memory[when]?.[figure][n]))]
  console.log(
    `\nMemory (RSS: each server with its child processes; V8 heap used: what live and not yet collected objects hold, which RSS keeps after they go)`
  )
  printTable(
    [
      "process",
      "after start",
      "before mixed load",
      "after mixed load",
      `after ${IDLE_SECONDS} s idle`,
      "then a full GC",
      `issue (${ISSUE_DATE}, a probe)`,
    ],
    names.flatMap((n) => [
      [...row(`${n} RSS`, "rss", n), ISSUE_MEMORY[n] ?? ""],
      ...(n in memory.start.heapUsed ? [[...row(`${n} V8 heap used`, "heapUsed", n), ""]] : []),
    ])
  )
}

function printMixedSteps(mixed) {
  console.log(`\nMixed load steps (browse 70%, search 15%, cart 10%, social 5%; pass: p99 < 1,000 ms and 0 errors)`)
  const rows = [...mixed.steps, ...mixed.finals].map((s, i) => [
    i >= mixed.steps.length ? `${MIXED.seconds} s at ${s.rate} req/s` : `${s.rate} req/s`,
    String(s.requests),
    ms(s.p50),
    ms(s.p95),
    ms(s.p99),
    String(s.errors),
    Object.entries(s.kinds)
      .sort((a, b) => b[1].p99 - a[1].p99)
      .slice(0, 2)
      .map(([kind, k]) => `${kind} ${ms(k.p99)}`)
      .join(", "),
  ])
  printTable(["rate", "requests", "p50 ms", "p95 ms", "p99 ms", "errors", "slowest kinds (p99 ms)"], rows)
}

async function main() {
  const key = readPublishableKey(settings.publishableKeyFile)
  const headers = { "x-publishable-api-key": key }
  const uncachedResults = enabled("BENCH_UNCACHED", true) ? await measureUncached(headers) : null
  const uncached = uncachedResults && { health: uncachedResults[0], list: uncachedResults[1], detail: uncachedResults[2] }

  const sidecar = enabled("BENCH_SIDECAR", false) ? startSidecar({ settings, supervisor, log }) : null
  const medusa = await startBenchBackend({ settings, supervisor, port: PORT, env: BACKEND_ENV })
  const firstSearchOptions = { base: BASE, storefront: STOREFRONT, headers, country: COUNTRY, env: settings.env, log }
  const firstSearch = enabled("BENCH_FIRST_SEARCH", true) ? { api: await measureFirstSearches(firstSearchOptions) } : null
  await waitForSearchIndex(headers)
  const shop = await readShop(headers)
  const storefrontServer = enabled("BENCH_STOREFRONT", true) ? await startBenchStorefront(key) : null
  if (firstSearch && storefrontServer) firstSearch.storefront = await measureStorefrontSearchPages(firstSearchOptions)
  const servers = [medusa, sidecar, storefrontServer].filter(Boolean)
  const snapshotMemory = () => ({ rss: snapshotRss(servers), heapUsed: snapshotHeapUsed(servers, HEAP_DIR) })
  const memory = { start: snapshotMemory() }

  await warmProductPages(shop)
  const results = await measureRoutes(routeTable(shop, await signInDemoCustomer(headers)))
  results.push(await measureAddToCart(shop))
  const storefront = storefrontServer ? await measureListingPage() : null

  let mixed = null
  if (enabled("BENCH_MIXED", true)) {
    memory.before = snapshotMemory()
    mixed = await measureMixed(shop)
    memory.after = snapshotMemory()
    log(`idle for ${IDLE_SECONDS} s`)
    await sleep(IDLE_SECONDS * 1000)
    memory.idle = snapshotMemory()
    // Live objects only: whatever heapUsed keeps after this is held, not garbage V8 has yet to collect.
    await requestFullCollection(HEAP_DIR)
    memory.collected = snapshotMemory()
  }
  await supervisor.stop(servers)
  const scaleOut = enabled("BENCH_SCALE_OUT", true) ? await measureScaleOut(shop) : null

  const health = results.find((r) => r.id === "health")
  const clusterRows = scaleOut ? [scaleOut.one.list, scaleOut.two.list, scaleOut.one.addToCart, scaleOut.two.addToCart] : []
  printRouteTable([...(uncachedResults ?? []), ...results, ...clusterRows], health)
  printIssueTable({ uncached, results, storefront, mixed, scaleOut })
  if (mixed) printMixedSteps(mixed)
  printMemoryTable(memory)
  if (firstSearch) printFirstSearchTable(firstSearch)
}

main()
  .catch((e) => {
    console.error(e)
    process.exitCode = 1
  })
  .finally(async () => {
    await supervisor.shutdown()
    fs.rmSync(HEAP_DIR, { recursive: true, force: true })
  })
