/**
 * Load drivers the benchmarks share, each resolving to the same summary (requests, req/s,
 * p50/p95/p99 in ms, errors):
 * - autocannonLoad: N connections as fast as the server answers (the Store API route table);
 * - shoppers: N closed loops, each with its own state (a shopper's cart), timed with fetch;
 * - openLoop: requests started at a fixed rate whatever the server does (the mixed load), so a
 *   slow server shows as latency instead of a lower rate.
 * A request counts as an error when it fails, times out or answers 4xx/5xx.
 */
const autocannon = require("autocannon")
const { percentile } = require("./stats")

const REQUEST_TIMEOUT_MS = 30_000

/** The summary of one load: latencies (ms) measured over `seconds`. `extra` adds figures (e.g. TTFB). */
function summarize(name, latencies, errors, seconds, extra = {}) {
  return {
    name,
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    ...extra,
  }
}

/** One autocannon load; every response's latency is kept (autocannon reports no p95). */
function autocannonLoad(name, { url, connections, duration, ...requestOptions }) {
  return new Promise((resolve, reject) => {
    const latencies = []
    let errors = 0
    const instance = autocannon({ url, connections, duration, ...requestOptions }, (err, result) => {
      if (err) return reject(err)
      resolve(summarize(name, latencies, errors + result.errors + result.timeouts, duration))
    })
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime)
      if (statusCode >= 400) errors++
    })
  })
}

/**
 * Times one request: `ttfb` when the headers arrived, `total` when the body was read. Never
 * throws: a failure, a timeout or a status ≥ 400 comes back as `error` (its message).
 */
async function timedFetch({ url, method = "GET", headers = {}, body }) {
  const startedAt = performance.now()
  try {
    const res = await fetch(url, { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
    const ttfb = performance.now() - startedAt
    await res.arrayBuffer()
    const total = performance.now() - startedAt
    return { ttfb, total, error: res.status >= 400 ? `${method} ${url} → ${res.status}` : null }
  } catch (e) {
    return { ttfb: NaN, total: performance.now() - startedAt, error: `${method} ${url} → ${e.name === "TimeoutError" ? "timeout" : e.message}` }
  }
}

/**
 * `count` shoppers, each a loop of requests for `seconds`: `nextRequest(shopper, i)` returns the
 * i-th request of shopper number `shopper` ({ url, method, headers, body }). Latency is the whole
 * answer; `ttfb` percentiles come along for pages.
 */
async function shoppers(name, { count, seconds, nextRequest }) {
  const totals = []
  const ttfbs = []
  const errorMessages = []
  const endAt = performance.now() + seconds * 1000
  const shopper = async (index) => {
    for (let i = 0; performance.now() < endAt; i++) {
      const t = await timedFetch(nextRequest(index, i))
      if (t.error) errorMessages.push(t.error)
      totals.push(t.total)
      if (Number.isFinite(t.ttfb)) ttfbs.push(t.ttfb)
    }
  }
  const startedAt = performance.now()
  await Promise.all(Array.from({ length: count }, (_, i) => shopper(i)))
  const elapsed = (performance.now() - startedAt) / 1000
  return summarize(name, totals, errorMessages.length, elapsed, {
    ttfbP50: percentile(ttfbs, 50),
    ttfbP95: percentile(ttfbs, 95),
    firstError: errorMessages[0] ?? null,
  })
}

/**
 * Starts `rate` requests a second for `seconds` (`nextRequest(i)` gives the i-th), without
 * waiting for earlier answers, then waits for the last ones. Each result also counts by `kind`
 * (the request's `kind` field) so a slow kind can be named.
 */
async function openLoop(name, { rate, seconds, nextRequest }) {
  const total = Math.max(1, Math.round(rate * seconds))
  const startedAt = performance.now()
  const latencies = []
  const errorMessages = []
  const byKind = {}
  const pending = []
  for (let i = 0; i < total; i++) {
    const due = startedAt + (i * 1000) / rate
    const wait = due - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    const request = nextRequest(i)
    pending.push(
      timedFetch(request).then((t) => {
        latencies.push(t.total)
        if (t.error) errorMessages.push(t.error)
        ;(byKind[request.kind] ??= []).push(t.total)
      })
    )
  }
  await Promise.all(pending)
  const kinds = Object.fromEntries(Object.entries(byKind).map(([kind, list]) => [kind, { count: list.length, p99: percentile(list, 99) }]))
  return summarize(name, latencies, errorMessages.length, seconds, { rate, kinds, firstError: errorMessages[0] ?? null })
}

module.exports = { autocannonLoad, openLoop, shoppers, summarize, timedFetch }
