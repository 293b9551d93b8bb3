/**
 * bench/storefront's background shoppers: HTTP clients that browse the storefront's pages as a
 * browser does, so that one real Chromium can measure LCP while the shop serves several shoppers
 * without the machine also running a browser for each of them. Run as a worker thread by run.js.
 *
 * A page view is the page's document, then the requests a real Chromium made while loading that
 * page (recorded by run.js: JS, CSS, fonts, images, RSC prefetches, the Store API calls the browser
 * makes itself), GET only, at most SUBREQUEST_CONCURRENCY at a time (a browser's connections per
 * host). No browser cache (each view fetches everything again, as the measured fresh contexts do).
 * Between views a shopper reads the page for thinkMs on average (uniform over 0.5–1.5× of it); with
 * thinkMs 0 it never pauses and keeps the shop as busy as it can until it is told to stop.
 *
 * workerData: { shoppers, thinkMs, pages: [{ name, url, requests: [{ url, headers }] }] }
 * Messages in: "stop". Messages out: { done: true, stats } once the views in flight have finished.
 */
const { parentPort, workerData } = require("node:worker_threads")

const SUBREQUEST_CONCURRENCY = 6
// Headers a client may not set (fetch owns them) or that would make the answer differ from a fresh browser's.
const DROPPED_HEADERS = new Set(["host", "connection", "content-length", "cookie", "if-none-match", "if-modified-since", "accept-encoding"])

let stopping = false
const stats = { views: 0, documents: 0, requests: 0, bytes: 0, errors: 0, failures: new Map(), documentMs: [], viewMs: [], started: performance.now(), ended: 0 }

function cleanHeaders(headers) {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !name.startsWith(":") && !DROPPED_HEADERS.has(name.toLowerCase())))
}

/** One GET read to its end; returns the time to the headers, or null when it failed. */
async function get(url, headers) {
  const startedAt = performance.now()
  try {
    const response = await fetch(url, { headers, redirect: "follow", signal: AbortSignal.timeout(60_000) })
    const ttfb = performance.now() - startedAt
    const body = await response.arrayBuffer()
    stats.requests++
    stats.bytes += body.byteLength
    if (response.status >= 400) throw new Error(`${response.status}`)
    return ttfb
  } catch (e) {
    stats.errors++
    const key = `${new URL(url).pathname.slice(0, 60)}: ${e.message}`
    stats.failures.set(key, (stats.failures.get(key) ?? 0) + 1)
    return null
  }
}

async function viewPage(page) {
  const startedAt = performance.now()
  const ttfb = await get(page.url, cleanHeaders(page.documentHeaders))
  stats.documents++
  if (ttfb !== null) stats.documentMs.push(performance.now() - startedAt)
  const queue = [...page.requests]
  const fetchNext = async () => {
    for (let request = queue.shift(); request; request = queue.shift()) await get(request.url, cleanHeaders(request.headers))
  }
  await Promise.all(Array.from({ length: SUBREQUEST_CONCURRENCY }, fetchNext))
  stats.views++
  stats.viewMs.push(performance.now() - startedAt)
}

/** A shopper's pause on a page (0.5–1.5× thinkMs), cut short when the shoppers are told to stop. */
async function think(thinkMs) {
  const until = performance.now() + thinkMs * (0.5 + Math.random())
  while (!stopping && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, Math.min(50, until - performance.now())))
}

async function shop(shopper) {
  const { pages, thinkMs } = workerData
  for (let k = shopper; !stopping; k++) {
    await viewPage(pages[k % pages.length])
    if (thinkMs > 0) await think(thinkMs)
  }
}

parentPort.on("message", (message) => {
  if (message === "stop") stopping = true
})

Promise.all(Array.from({ length: workerData.shoppers }, (_, shopper) => shop(shopper))).then(() => {
  stats.ended = performance.now()
  parentPort.postMessage({ done: true, stats: { ...stats, failures: [...stats.failures.entries()] } })
})
