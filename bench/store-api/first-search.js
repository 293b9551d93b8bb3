/**
 * Issue #18: "the first search after idle answers as fast as later ones (7.5 s measured)".
 *
 * On a production server that has just answered /health: the first GET /store/product-search, the
 * next BENCH_FIRST_SEARCH_LATER (default 8), then BENCH_IDLE_SEARCH_S seconds without a request
 * (default just past the catalog vocabulary's TTL, so the first search after it finds a stale
 * vocabulary and must not wait for the rebuild) and the first search after that and the ones after
 * it. With the storefront's production build running, also its search page: the first after
 * `next start` and the ones after it. Every query is a different misspelling, so each search needs
 * the typo correction's catalog vocabulary (src/search/catalog-vocabulary.ts) and, up to 8 later
 * searches, none repeats an earlier one. Each time is one request alone, to the end of its answer;
 * never pass/fail.
 */
const { printTable } = require("../backend")
const { percentile } = require("../stats")

/** VOCABULARY_TTL_MS in src/search/catalog-vocabulary.ts, in seconds. */
const VOCABULARY_TTL_S = 5 * 60
const ISSUE_FIRST_AFTER_IDLE_MS = 7_500
const QUERIES = [
  "knitwera",
  "drss",
  "jumpr",
  "trosers",
  "sneakrs",
  "blazr",
  "skrit",
  "jackt",
  "swetaer",
  "cardigna",
  "blouze",
  "hoddie",
  "dennim",
  "lnen",
  "scarff",
  "cashmre",
  "leathr",
  "trainrs",
  "tshrit",
  "woool",
  "shrit",
  "jeens",
  "sandls",
  "bootts",
  "pullovr",
  "overcaot",
  "tunik",
]

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function readFirstSearchSettings(env) {
  const number = (name, fallback) => (env[name] ? Number(env[name]) : fallback)
  return { later: number("BENCH_FIRST_SEARCH_LATER", 8), idleSeconds: number("BENCH_IDLE_SEARCH_S", VOCABULARY_TTL_S + 10) }
}

/** `count` queries from QUERIES starting at `from` (they repeat only past the list's end). */
const queriesFrom = (from, count) => Array.from({ length: count }, (_, i) => QUERIES[(from + i) % QUERIES.length])

/** One GET, timed to the end of its body: { ms, status, hits, corrected, message }. */
async function timedGet(url, headers = {}) {
  const started = performance.now()
  const res = await fetch(url, { headers })
  const body = await res.text()
  const ms = performance.now() - started
  let data = null
  try {
    data = JSON.parse(body)
  } catch {
    // A page, not JSON.
  }
  return {
    ms,
    status: res.status,
    hits: data?.count,
    corrected: data?.corrected_query,
    message: res.ok ? undefined : (data?.message ?? body.slice(0, 200)),
  }
}

async function timeEach(phase, queries, urlFor, headers, log) {
  const results = []
  for (const q of queries) {
    const result = { q, ...(await timedGet(urlFor(q), headers)) }
    const hits = result.hits === undefined ? "" : `, ${result.hits} hits${result.corrected ? ` for "${result.corrected}"` : ""}`
    log(`${phase}: q=${q} ${Math.round(result.ms)} ms, HTTP ${result.status}${hits}${result.message ? `: ${result.message}` : ""}`)
    results.push(result)
  }
  return results
}

/**
 * Call it as soon as the server answers /health. Resolves to { later, idleSeconds, afterStart,
 * afterIdle }: each list starts with the first search of its phase.
 */
async function measureFirstSearches({ base, headers, country, env, log }) {
  const { later, idleSeconds } = readFirstSearchSettings(env)
  const urlFor = (q) => `${base}/store/product-search?q=${encodeURIComponent(q)}&country_code=${country}&limit=24`
  const afterStart = await timeEach("search after start", queriesFrom(0, later + 1), urlFor, headers, log)
  log(`no requests for ${idleSeconds} s (the catalog vocabulary's TTL is ${VOCABULARY_TTL_S} s)`)
  await sleep(idleSeconds * 1000)
  const afterIdle = await timeEach(`search after ${idleSeconds} s idle`, queriesFrom(later + 1, later + 1), urlFor, headers, log)
  return { later, idleSeconds, afterStart, afterIdle }
}

/** The storefront's search page (whole page), the first after `next start` and the ones after it. */
async function measureStorefrontSearchPages({ storefront, country, env, log }) {
  const { later } = readFirstSearchSettings(env)
  const urlFor = (q) => `${storefront}/${country}/search?q=${encodeURIComponent(q)}`
  return timeEach("storefront search page", queriesFrom(2 * (later + 1), later + 1), urlFor, {}, log)
}

const ms = (n) => (Number.isFinite(n) ? `${Math.round(n).toLocaleString("en-US")} ms` : "-")
const median = (results) =>
  percentile(
    results.map((r) => r.ms),
    50
  )
const ratio = (a, b) => (Number.isFinite(a / b) ? `${(a / b).toFixed(1)}×` : "-")

/** One request's cell: its time, and its hits or the error it answered. */
function requestCell(result) {
  if (result.status >= 400) return `${ms(result.ms)}, HTTP ${result.status}`
  return result.hits === undefined ? ms(result.ms) : `${ms(result.ms)}, ${result.hits} hits`
}

/** The table beside issue #18's figure; `storefront` is absent when the storefront did not run. */
function printFirstSearchTable({ api, storefront }) {
  const { later, idleSeconds, afterStart, afterIdle } = api
  const [first, ...rest] = afterStart
  const [firstAfterIdle, ...restAfterIdle] = afterIdle
  const steady = median(rest)
  const rows = [
    [`first search right after /health (q=${first.q})`, requestCell(first), ""],
    [`median of the next ${rest.length}`, ms(steady), ""],
    ["first after start ÷ median", ratio(first.ms, steady), ""],
    [`first search after ${idleSeconds} s idle (q=${firstAfterIdle.q})`, requestCell(firstAfterIdle), ms(ISSUE_FIRST_AFTER_IDLE_MS)],
    [`median of the ${restAfterIdle.length} after it`, ms(median(restAfterIdle)), ""],
    ["first after idle ÷ median after start", ratio(firstAfterIdle.ms, steady), "target: as fast as later ones"],
  ]
  if (storefront?.length) {
    const [firstPage, ...restPages] = storefront
    rows.push([`storefront search page, first after next start (q=${firstPage.q})`, requestCell(firstPage), ""])
    rows.push([`storefront search page, median of the next ${restPages.length}`, ms(median(restPages)), ""])
  }
  console.log(
    `\nIssue #18 — first product search after start and after idle (GET /store/product-search, one request at a time, ` +
      `misspelt queries; vocabulary TTL ${VOCABULARY_TTL_S} s; ${later} later searches per phase)`
  )
  printTable(["search", "this run", "issue #18"], rows)
}

module.exports = { measureFirstSearches, measureStorefrontSearchPages, printFirstSearchTable }
