/**
 * Medusa scaled out: two server processes and one worker on one PostgreSQL and one Redis, behind
 * nginx. Started by `npm test scale-out` (scripts/lib/scale-out-tests.js), which passes the
 * addresses and log files in CLUSTER_* variables. Shows that no state lives in one process: a
 * cart made on one server completes on the other, a product edited through one is found through
 * both (the worker keeps the search index), and only the worker runs scheduled jobs.
 */
const assert = require("node:assert/strict")
const crypto = require("node:crypto")
const fs = require("node:fs")
const { before, test } = require("node:test")

const PROXY = process.env.CLUSTER_PROXY_URL
const SERVERS = (process.env.CLUSTER_SERVER_URLS || "").split(",").filter(Boolean)
const SERVER_LOGS = (process.env.CLUSTER_SERVER_LOGS || "").split(",").filter(Boolean)
const WORKER_LOGS = (process.env.CLUSTER_WORKER_LOGS || "").split(",").filter(Boolean)
const KEY = process.env.CLUSTER_PUBLISHABLE_KEY
// The seed's demo admin (src/scripts/demo-catalog/seed-people.ts).
const ADMIN = { email: process.env.CURATOR_ADMIN_EMAIL || "admin@curator.local", password: process.env.CURATOR_ADMIN_PASSWORD || "curator-demo" }

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** A JSON call to one server (or the proxy); rejects on any status ≥ 400 with the answer's message. */
async function call(base, method, url, { body, token } = {}) {
  const headers = { "x-publishable-api-key": KEY, ...(body ? { "content-type": "application/json" } : {}) }
  if (token) headers.authorization = `Bearer ${token}`
  const res = await fetch(`${base}${url}`, { method, headers, body: body && JSON.stringify(body), signal: AbortSignal.timeout(60_000) })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${base}${url} → ${res.status} ${text.slice(0, 300)}`)
  return JSON.parse(text)
}

/** Polls `check` until it returns something truthy; fails with `what` after `timeoutMs`. */
async function eventually(what, check, { timeoutMs = 60_000, everyMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs
  let last
  while (Date.now() < deadline) {
    last = await check()
    if (last) return last
    await sleep(everyMs)
  }
  assert.fail(`${what} within ${timeoutMs / 1000} s`)
}

let europe

before(() => {
  assert.ok(PROXY && SERVERS.length === 2 && WORKER_LOGS.length === 1 && KEY, "run through `npm test scale-out` (it starts the cluster)")
  return call(PROXY, "GET", "/store/regions").then(({ regions }) => {
    europe = regions.find((r) => r.currency_code === "eur")
    assert.ok(europe, "the seeded shop has a euro region")
  })
})

test("the proxy spreads requests over both servers", async () => {
  // least_conn with every server idle: nginx takes them in turn.
  const accessLog = process.env.CLUSTER_ACCESS_LOG
  const before = fs.readFileSync(accessLog, "utf8").length
  for (let i = 0; i < 6; i++) await call(PROXY, "GET", `/store/regions/${europe.id}`)
  await sleep(200)
  const upstreams = new Set(
    fs
      .readFileSync(accessLog, "utf8")
      .slice(before)
      .split("\n")
      .filter((line) => line.includes(`/store/regions/${europe.id}`))
      .map((line) => line.split(" ").at(-2))
  )
  assert.deepEqual([...upstreams].sort(), SERVERS.map((s) => s.replace("http://", "")).sort())
})

test("a cart created on one server completes on the other", async () => {
  const [a, b] = SERVERS
  const { products } = await call(a, "GET", `/store/products?limit=50&region_id=${europe.id}&fields=id,variants.id,+variants.inventory_quantity`)
  const variant = products.flatMap((p) => p.variants).find((v) => v.inventory_quantity >= 2)
  assert.ok(variant, "a variant in stock")

  const { cart } = await call(a, "POST", "/store/carts", { body: { region_id: europe.id, email: "scale-out@curator.local" } })
  await call(a, "POST", `/store/carts/${cart.id}/line-items`, { body: { variant_id: variant.id, quantity: 1 } })
  const address = {
    first_name: "Ada",
    last_name: "Lovelace",
    address_1: "Hauptstraße 1",
    city: "Berlin",
    postal_code: "10115",
    country_code: europe.countries.find((c) => c.iso_2 === "de")?.iso_2 ?? europe.countries[0].iso_2,
  }
  // Every step after the first on the other server, alternating: nothing may be kept in one process.
  const updated = await call(b, "POST", `/store/carts/${cart.id}`, { body: { shipping_address: address, billing_address: address } })
  assert.equal(updated.cart.items.length, 1, "server B sees the line item added on server A")
  const { shipping_options } = await call(a, "GET", `/store/shipping-options?cart_id=${cart.id}`)
  assert.ok(shipping_options.length, "a shipping option for the address")
  await call(b, "POST", `/store/carts/${cart.id}/shipping-methods`, { body: { option_id: shipping_options[0].id } })
  const { payment_collection } = await call(a, "POST", "/store/payment-collections", { body: { cart_id: cart.id } })
  await call(a, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { body: { provider_id: "pp_system_default" } })
  const completed = await call(b, "POST", `/store/carts/${cart.id}/complete`)
  assert.equal(completed.type, "order", `cart completion answered ${JSON.stringify(completed).slice(0, 300)}`)
  assert.equal(completed.order.items.length, 1)

  // The order is there for the first server too, and the cart is done everywhere.
  const { order } = await call(a, "GET", `/store/orders/${completed.order.id}`)
  assert.equal(order.email, "scale-out@curator.local")
  const again = await call(a, "GET", `/store/carts/${cart.id}?fields=id,completed_at`)
  assert.ok(again.cart.completed_at, "server A sees the cart completed")
})

test("a product edited through one server is found through both", async () => {
  const [a, b] = SERVERS
  const { token } = await call(a, "POST", "/auth/user/emailpass", { body: ADMIN })
  const { products } = await call(b, "GET", `/store/products?limit=1&fields=id,title`)
  const product = products[0]
  // A made-up word no product has, letters only (the search tokenises and corrects words).
  const word = `quokka${crypto
    .randomBytes(6)
    .toString("hex")
    .replace(/\d/g, (d) => "ghijklmnop"[d])}`
  for (const server of SERVERS) {
    const { products: found } = await call(server, "GET", `/store/products?q=${word}&fields=id`)
    assert.equal(found.length, 0, `no product matches "${word}" before the edit`)
  }

  await call(a, "POST", `/admin/products/${product.id}`, { token, body: { title: `${product.title} ${word}` } })

  // Medusa's list reads PostgreSQL: both servers see the edit at once.
  for (const server of SERVERS) {
    const { products: found } = await call(server, "GET", `/store/products?q=${word}&fields=id,title`)
    assert.deepEqual(
      found.map((p) => p.id),
      [product.id],
      `${server} finds the edited product by its new word`
    )
  }
  // Curator's search reads the Search Module's index, which the worker updates from the product
  // event server A published to Redis: both servers find it once the worker has.
  for (const server of SERVERS) {
    await eventually(`${server}/store/product-search finds "${word}"`, async () => {
      const found = await call(server, "GET", `/store/product-search?q=${word}&region_id=${europe.id}&limit=5`)
      return found.products.some((p) => p.id === product.id)
    })
  }
})

test("only the worker runs scheduled jobs, each once", async () => {
  const count = (file, pattern) => (fs.readFileSync(file, "utf8").match(pattern) || []).length
  // Medusa's job loader runs only where jobs may run (worker or shared mode); its line for the core
  // package's jobs folder, which has none, shows where it ran.
  const jobLoader = /No job to load from [^"]*@medusajs\/medusa\/dist\/jobs/g
  assert.equal(count(WORKER_LOGS[0], jobLoader), 1, "the worker loaded the scheduled jobs")
  for (const file of SERVER_LOGS) assert.equal(count(file, jobLoader), 0, `the server logging to ${file} loaded no scheduled jobs`)
  // warm-product-search-on-start runs once, seconds after the start, and logs either line: once in
  // the whole cluster (the schedule lives in Redis), on the worker.
  const warmed = /Product search warmed in \d+ ms|Warming product search failed/g
  const all = [...WORKER_LOGS, ...SERVER_LOGS]
  await eventually("warm-product-search-on-start runs", () => all.some((file) => count(file, warmed) > 0), { timeoutMs: 90_000 })
  await sleep(3_000)
  assert.equal(count(WORKER_LOGS[0], warmed), 1, "the one-off job ran once, on the worker")
  for (const file of SERVER_LOGS) assert.equal(count(file, warmed), 0, `the job did not run on the server logging to ${file}`)
})
