#!/usr/bin/env node
/**
 * bench/visual-search: search by photo (issue #15 §6) end to end through Medusa on the seeded demo
 * catalog, beside the ML sidecar's own search in the same run. Starts a fresh sidecar (empty data
 * folder) and the production backend, waits until the whole catalog is indexed, runs measure.mts
 * (shopper photos of held-out catalog products, Fashion-MNIST test photos, several garments in one
 * photo, latency), then measures the catalog's catch-up after the sidecar was down for a batch of
 * product edits, and prints one table with the targets. Never pass/fail.
 * The backend runs with RATE_LIMIT_ENABLED=false: this one client searches on purpose faster than a shopper may.
 *
 * Run it with `npm run bench:visual-search` (migrates, seeds, builds, then calls this).
 * Settings: BENCH_PHOTOS (single-product photos, default 66), BENCH_MULTI_PHOTOS (default 8),
 * BENCH_FMNIST_PER_CLASS (default 10, ×10 classes), BENCH_LATENCY_RUNS (default 30),
 * BENCH_EDITS (products edited while the sidecar is down, default 20), BENCH_PORT (default 9000, the port the seed's photo URLs name: the backend downloads them to index them),
 * BENCH_SEED (default 15), BENCH_INDEX_TIMEOUT (s, default 1200).
 */
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")
const { createSupervisor, exitOnSignals } = require("../../scripts/lib/processes")
const { readPublishableKey } = require("../../scripts/lib/publishable-key")
const { freePort, startBackend, startSidecar, waitForHttp } = require("../../scripts/lib/servers")
const { readSettings } = require("../../scripts/lib/settings")
const { jsonClient } = require("../backend")

const baseSettings = readSettings({ root: path.resolve(__dirname, "..", "..") })
const PORT = Number(baseSettings.env.BENCH_PORT || 9000)
const BASE = `http://127.0.0.1:${PORT}`
const EDITS = Number(baseSettings.env.BENCH_EDITS || 20)
const INDEX_TIMEOUT_S = Number(baseSettings.env.BENCH_INDEX_TIMEOUT || 1200)

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const log = (...args) => console.log("[bench:visual-search]", ...args)
const supervisor = createSupervisor({ cwd: baseSettings.root, env: baseSettings.env, log })
exitOnSignals(() => supervisor.shutdown())

const json = jsonClient(BASE)

/** Every published catalog image the store shows: product id, image id. */
async function catalogImages(key) {
  const images = []
  for (let offset = 0; ; offset += 100) {
    const { products } = await json("GET", `/store/products?limit=100&offset=${offset}&fields=id,images.id,images.url`, {
      "x-publishable-api-key": key,
    })
    for (const p of products) for (const image of p.images ?? []) images.push({ product_id: p.id, image_id: image.id, url: image.url })
    if (products.length < 100) return images
  }
}

/** Catalog images the sidecar does not hold (GET /v1/images/:id answers 404). */
async function missingInSidecar(sidecarUrl, images) {
  let missing = 0
  for (let i = 0; i < images.length; i += 16) {
    const answers = await Promise.all(images.slice(i, i + 16).map((image) => fetch(`${sidecarUrl}/v1/images/${encodeURIComponent(image.image_id)}`)))
    for (const res of answers) {
      await res.arrayBuffer()
      if (res.status === 404) missing++
      else if (!res.ok) throw new Error(`GET /v1/images → ${res.status}`)
    }
  }
  return missing
}

/** Polls GET /admin/visual/index until nothing is pending and the sidecar holds every catalog image. */
async function untilCaughtUp({ admin, key, sidecarUrl, timeoutS, label }) {
  const started = Date.now()
  let lastLine = ""
  let lastMissing = -1
  while (Date.now() - started < timeoutS * 1000) {
    const index = await json("GET", "/admin/visual/index", admin).catch((e) => ({ error: e.message }))
    if (index.totals) {
      const line = `${label}: ${index.totals.indexed} indexed, ${index.totals.pending} pending, ${index.totals.failed} failed (sidecar ${index.sidecar.reachable ? "up" : "down"})`
      if (line !== lastLine) log(`${line} after ${((Date.now() - started) / 1000).toFixed(0)} s`)
      lastLine = line
      if (index.sidecar.reachable && index.totals.pending === 0) {
        const images = await catalogImages(key)
        const missing = await missingInSidecar(sidecarUrl, images)
        if (missing === 0) return { seconds: (Date.now() - started) / 1000, images: images.length, missing, failed: index.totals.failed }
        if (missing !== lastMissing) log(`${label}: ${missing} of ${images.length} catalog images not in the sidecar yet`)
        lastMissing = missing
      }
    }
    await sleep(2000)
  }
  const images = await catalogImages(key)
  return { seconds: NaN, images: images.length, missing: await missingInSidecar(sidecarUrl, images), timedOut: true }
}

function runMeasure({ key, sidecarUrl, resultFile }) {
  const tsx = path.join(baseSettings.root, "ml-sidecar", "node_modules", "tsx", "dist", "loader.mjs")
  return supervisor.run(process.execPath, ["--import", tsx, path.join(__dirname, "measure.mts")], {
    name: "measure",
    cwd: path.join(baseSettings.root, "ml-sidecar"),
    env: {
      ...baseSettings.env,
      ...process.env,
      BENCH_BASE_URL: BASE,
      BENCH_SIDECAR_URL: sidecarUrl,
      BENCH_PUBLISHABLE_KEY: key,
      BENCH_RESULT_FILE: resultFile,
    },
  })
}

async function main() {
  const key = readPublishableKey(baseSettings.publishableKeyFile)
  const sidecarPort = await freePort()
  const sidecarUrl = `http://127.0.0.1:${sidecarPort}`
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-visual-sidecar-"))
  const settings = { ...baseSettings, sidecar: { ...baseSettings.sidecar, port: sidecarPort, url: sidecarUrl } }
  const sidecarEnv = { DATA_DIR: dataDir, LOG_LEVEL: "warn" }
  const startSidecarOnDataDir = async () => {
    const entry = startSidecar({ settings, supervisor, log, env: sidecarEnv })
    if (!entry) throw new Error("ml-sidecar is not installed (npm install installs it)")
    await waitForHttp(`${sidecarUrl}/health`, { timeoutMs: 180_000, what: "the ML sidecar", server: entry })
    return entry
  }
  try {
    let sidecar = await startSidecarOnDataDir()
    log(`sidecar up on ${sidecarUrl}, data in ${dataDir}`)
    const server = startBackend({
      settings,
      supervisor,
      port: PORT,
      // The per-address limit on searches by photo (60 a minute) would throttle one client measuring on purpose.
      env: { LOG_LEVEL: "error", ML_SIDECAR_URL: sidecarUrl, RATE_LIMIT_ENABLED: "false" },
      stdio: ["ignore", "ignore", "inherit"],
    })
    await waitForHttp(`${BASE}/health`, { timeoutMs: 180_000, what: "the production server", server })

    const { token } = await json(
      "POST",
      "/auth/user/emailpass",
      {},
      {
        email: baseSettings.env.CURATOR_ADMIN_EMAIL || "admin@curator.local",
        password: baseSettings.env.CURATOR_ADMIN_PASSWORD || "curator-demo",
      }
    )
    const admin = { authorization: `Bearer ${token}` }

    // The sidecar is empty: queue the whole catalog (the reconcile job, every minute, indexes it).
    const { queued } = await json("POST", "/admin/visual/reindex", admin, {})
    log(`${queued} catalog images queued for the empty sidecar; waiting for the reconcile job`)
    const initial = await untilCaughtUp({ admin, key, sidecarUrl, timeoutS: INDEX_TIMEOUT_S, label: "initial index" })
    if (initial.timedOut) throw new Error(`the catalog was not indexed within ${INDEX_TIMEOUT_S} s (${initial.missing} images missing)`)
    log(`whole catalog indexed: ${initial.images} images in ${initial.seconds.toFixed(0)} s`)

    const resultFile = path.join(dataDir, "measure.json")
    await runMeasure({ key, sidecarUrl, resultFile })
    const measured = JSON.parse(fs.readFileSync(resultFile, "utf8"))

    // Re-index after an outage: the sidecar is down while EDITS products are edited (half get a
    // replaced image, half a new title), then comes back; the reconcile job catches up.
    const images = await catalogImages(key)
    const productIds = [...new Set(images.map((i) => i.product_id))]
    await supervisor.stop([sidecar])
    log(`sidecar stopped; editing ${EDITS} products through the admin API`)
    const stamp = Date.now().toString(36)
    for (let i = 0; i < EDITS; i++) {
      const id = productIds[(i * 7) % productIds.length]
      const { product } = await json("GET", `/admin/products/${id}?fields=id,title,images.id,images.url`, admin)
      if (i % 2 === 0) {
        // Replace its first image with another product's photo.
        const other = images.find((image) => image.product_id !== id && image.product_id === productIds[(i * 7 + 1) % productIds.length])
        const kept = product.images.slice(1).map((image) => ({ url: image.url }))
        await json("POST", `/admin/products/${id}`, admin, { images: [{ url: other.url }, ...kept] })
      } else {
        await json("POST", `/admin/products/${id}`, admin, { title: `${product.title.replace(/ \(bench [0-9a-z]+\)$/, "")} (bench ${stamp})` })
      }
    }
    const beforeRestart = await json("GET", "/admin/visual/index", admin)
    log(`edits done: ${beforeRestart.totals.pending} pending, ${beforeRestart.totals.failed} failed while the sidecar is down; restarting it`)
    const restarted = Date.now()
    sidecar = await startSidecarOnDataDir()
    const catchUp = await untilCaughtUp({ admin, key, sidecarUrl, timeoutS: 600, label: "catch-up" })
    const sidecarStartS = (Date.now() - restarted) / 1000 - (catchUp.seconds || 0)

    printTable({ measured, initial, catchUp, sidecarStartS, pendingWhileDown: beforeRestart.totals.pending })
  } finally {
    await supervisor.shutdown()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

function printTable({ measured, initial, catchUp, sidecarStartS, pendingWhileDown }) {
  const { results: r, latency, medusaStages, samples } = measured
  const ratio = (a, b) => (b ? `${(a / b).toFixed(3)}` : "-")
  const rate = (n, of) => (of ? `${(n / of).toFixed(3)} (${n}/${of})` : "-")
  const ms = (v) => `${v.toFixed(0)} ms`
  const rows = [
    [
      "purchasable-result rate (≥1 in-stock product of the right category in eur, top 10)",
      rate(r.medusa.purchasable, r.medusa.purchasableOf),
      rate(r.sidecar.purchasable, r.sidecar.purchasableOf),
      "≥ 0.95 (requirement 0.70)",
    ],
    [
      "exact product R@1 (photos of held-out catalog products; Medusa with in_stock=false)",
      rate(r.medusa.r1, r.medusa.exactOf),
      rate(r.sidecar.r1, r.sidecar.exactOf),
      "≥ 0.90",
    ],
    ["exact product R@10 (same photos)", rate(r.medusa.r10, r.medusa.exactOf), rate(r.sidecar.r10, r.sidecar.exactOf), "≥ 0.98"],
    [
      "top-10 category precision, Fashion-MNIST test photos (out of 10 per photo)",
      (r.medusa.fmnistPrecisionSum / r.medusa.fmnistOf).toFixed(3),
      (r.sidecar.fmnistPrecisionSum / r.sidecar.fmnistOf).toFixed(3),
      "≥ 0.80 (today 0.15)",
    ],
    [
      "garments found in photos of several garments (IoU ≥ 0.5)",
      rate(r.medusa.garmentsFound, r.medusa.garmentsOf),
      rate(r.sidecar.garmentsFound, r.sidecar.garmentsOf),
      "≥ 0.90",
    ],
    [
      "near-duplicate or repeated products in a result list (count)",
      `${r.medusa.repeated} repeated ids + ${r.medusa.nearIdentical} near-identical pairs in ${r.medusa.lists} lists`,
      `${r.sidecar.repeated} repeated ids + ${r.sidecar.nearIdentical} near-identical pairs in ${r.sidecar.lists} lists`,
      "0",
    ],
    [
      `latency p50 / p95, 1-MP photo, sequential (${latency.medusa.runs} runs)`,
      `${ms(latency.medusa.p50)} / ${ms(latency.medusa.p95)}`,
      `${ms(latency.sidecar.p50)} / ${ms(latency.sidecar.p95)}`,
      "p95 ≤ 400 ms on 2 cores",
    ],
    [
      "  Medusa's stages, p50 of its Server-Timing (the sidecar's describe inside it)",
      Object.entries(medusaStages ?? {})
        .map(([stage, value]) => `${stage} ${ms(value)}`)
        .join(", "),
      "",
      "",
    ],
    [
      "  reference GET /health p50 / p95; Medusa p95 ÷ /health p95; Medusa p95 ÷ sidecar p95",
      `${ms(latency.health.p50)} / ${ms(latency.health.p95)}; ${ratio(latency.medusa.p95, latency.health.p95)}×; ${ratio(latency.medusa.p95, latency.sidecar.p95)}×`,
      "",
      "",
    ],
    [
      "  CPU-bound references p50 / p95: Medusa's GET /store/products?limit=12; the sidecar's POST /v1/embed of the same photo",
      `${ms(latency.products.p50)} / ${ms(latency.products.p95)}; Medusa p95 ÷ it ${ratio(latency.medusa.p95, latency.products.p95)}×`,
      `${ms(latency.embed.p50)} / ${ms(latency.embed.p95)}; sidecar p95 ÷ it ${ratio(latency.sidecar.p95, latency.embed.p95)}×`,
      "",
    ],
    [
      `re-index after the sidecar was down for ${EDITS} product edits (${pendingWhileDown} images pending while down)`,
      catchUp.timedOut
        ? `not caught up in 600 s; ${catchUp.missing} images missing`
        : `${catchUp.seconds.toFixed(1)} s to catch up after /health (sidecar start ${sidecarStartS.toFixed(1)} s); images missing = ${catchUp.missing} of ${catchUp.images}`,
      "",
      "0 images missing, time printed",
    ],
    [
      "  first index of the whole catalog into the empty sidecar",
      `${initial.seconds.toFixed(0)} s for ${initial.images} images; missing = ${initial.missing}`,
      "",
      "",
    ],
  ]
  const header = ["measure", "Medusa (POST /store/visual-search)", "sidecar only (POST /v1/describe)", "target"]
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)))
  const line = (cells) => "| " + cells.map((c, i) => c.padEnd(widths[i])).join(" | ") + " |"
  console.log(
    `\nbench/visual-search — production build, region ${measured.region}, ${os.cpus().length} CPUs; ${samples.singles} photos of held-out products (${samples.kinds.join(", ")}), ${samples.multis} photos of several garments, ${samples.fmnist} Fashion-MNIST test photos`
  )
  console.log(line(header))
  console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|")
  for (const row of rows) console.log(line(row))
  console.log("\nFashion-MNIST class → accepted catalog categories:")
  for (const [fmClass, accepted] of measured.fmnistAccepted) {
    const m = measured.results.medusa.fmnistByClass[fmClass]
    const s = measured.results.sidecar.fmnistByClass[fmClass]
    const p = (c) => (c ? (c.sum / c.of).toFixed(2) : "-")
    console.log(`  ${fmClass.padEnd(12)} → ${accepted.join("|").padEnd(16)} precision Medusa ${p(m)}, sidecar ${p(s)}`)
  }
  console.log(
    "\nPurchasable: Medusa searches in stock only (the default); for the sidecar the top 10 hits are checked against the store's stock in eur. Near-duplicates: a repeated product id, or two products whose matched images' 16×16 colour thumbnails differ by ≤ 3/255 on average."
  )
}

main().catch(async (e) => {
  console.error(e)
  await supervisor.shutdown()
  process.exit(1)
})
