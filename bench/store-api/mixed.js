/**
 * The mixed load of issue #19: shoppers browsing (70%: listing pages, product pages, lookbooks),
 * searching (15%), adding to carts (10%) and reading the social feed (5%), started at a fixed
 * rate. findHighestRate looks for the highest rate whose p99 stays under the limit with no errors:
 * short steps doubling the rate, then a bisection, then one long run at the rate found.
 */
const { openLoop } = require("../load")

const MIX = [
  ["browse: listing page", 30],
  ["browse: product page", 30],
  ["browse: lookbook", 10],
  ["search", 15],
  ["cart: add", 10],
  ["social: feed", 5],
]

/**
 * A function giving the i-th request of the mix. `shop`: { base, headers, regionId, productIds,
 * variantIds, carts, lookbookHandles, queries }. Carts and variants are taken in turn so no
 * cart holds many units of one variant; the mix is drawn at random with the weights above.
 */
function mixedRequests(shop) {
  const { base, headers, regionId, productIds, variantIds, carts, lookbookHandles, queries } = shop
  const pick = (list) => list[Math.floor(Math.random() * list.length)]
  const total = MIX.reduce((sum, [, weight]) => sum + weight, 0)
  let adds = 0
  const build = {
    "browse: listing page": () => ({
      url: `${base}/store/products?limit=24&offset=${24 * Math.floor(Math.random() * 4)}&region_id=${regionId}&fields=*variants.calculated_price`,
    }),
    "browse: product page": () => ({ url: `${base}/store/products/${pick(productIds)}?region_id=${regionId}&fields=*variants.calculated_price` }),
    "browse: lookbook": () => ({ url: `${base}/store/lookbooks/${pick(lookbookHandles)}?region_id=${regionId}` }),
    search: () => ({ url: `${base}/store/product-search?q=${encodeURIComponent(pick(queries))}&region_id=${regionId}&limit=24` }),
    "cart: add": () => {
      const n = adds++
      return {
        url: `${base}/store/carts/${carts[n % carts.length]}/line-items`,
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ variant_id: variantIds[(n * 7) % variantIds.length], quantity: 1 }),
      }
    },
    "social: feed": () => ({ url: `${base}/store/social/feed?tab=popular&limit=20` }),
  }
  return () => {
    let roll = Math.random() * total
    const [kind] = MIX.find(([, weight]) => (roll -= weight) < 0) ?? MIX[0]
    return { headers, ...build[kind](), kind }
  }
}

const passes = (result, p99LimitMs) => result.errors === 0 && result.p99 < p99LimitMs

/**
 * Steps of `stepSeconds` from `startRate`, doubling while the step passes (p99 under
 * `p99LimitMs`, no errors), then `bisections` steps between the last passing and the first
 * failing rate; then runs of `seconds` from the best rate, each failed one followed by one at
 * 0.8× the rate, at most `finalRuns` in all: near saturation a queue grows for longer than a short
 * step lasts, so a rate a step passes can still fail a long run. `log` reports each run.
 * Resolves to { rate, final, passed, steps, finals } (final: the last long run).
 */
async function findHighestRate({
  nextRequest,
  startRate,
  maxRate,
  stepSeconds,
  seconds,
  bisections = 3,
  finalRuns = 4,
  p99LimitMs = 1000,
  pauseMs = 2000,
  log,
}) {
  const steps = []
  const drain = () => new Promise((r) => setTimeout(r, pauseMs)) // let the server drain before the next run
  const step = async (rate, length = stepSeconds) => {
    const result = await openLoop(`mixed at ${rate} req/s`, { rate, seconds: length, nextRequest })
    steps.push(result)
    log(
      `mixed ${rate} req/s for ${length} s: p99 ${Math.round(result.p99)} ms, ${result.errors} errors${result.firstError ? ` (${result.firstError})` : ""}`
    )
    await drain()
    return passes(result, p99LimitMs)
  }
  const round = (rate) => Math.max(0.25, Math.round(rate * 4) / 4)
  let good = null
  let bad = null
  for (let rate = startRate; rate <= maxRate; rate *= 2) {
    if (await step(rate)) good = rate
    else {
      bad = rate
      break
    }
  }
  // Even the first rate failed: halve until one passes.
  for (let rate = round(startRate / 2); good === null && rate >= 0.25; rate = round(rate / 2)) {
    if (await step(rate)) good = rate
    else if (rate === 0.25) break
  }
  for (let i = 0; good !== null && bad !== null && i < bisections; i++) {
    const middle = round((good + bad) / 2)
    if (middle === good || middle === bad) break
    if (await step(middle)) good = middle
    else bad = middle
  }
  const finals = []
  for (let rate = good ?? 0.25; finals.length < finalRuns; rate = round(rate * 0.8)) {
    if (finals.length) await drain()
    const final = await openLoop(`mixed at ${rate} req/s`, { rate, seconds, nextRequest })
    finals.push(final)
    log(`final ${rate} req/s for ${seconds} s: p99 ${Math.round(final.p99)} ms, ${final.errors} errors`)
    if (passes(final, p99LimitMs) || rate === 0.25) break
  }
  const final = finals[finals.length - 1]
  return { rate: final.rate, final, passed: passes(final, p99LimitMs), steps, finals }
}

module.exports = { MIX, findHighestRate, mixedRequests }
