/**
 * Probe, not a test: how long the first searches after the shop starts take, against later ones.
 * Run it first, on a freshly started stack:
 *
 *   node scripts/curator.js test storefront $PWD/storefront/e2e/probes/first-search.probe.ts
 *
 * It prints each request's time: Medusa's GET /store/product-search (misspelt words, so the
 * typo correction's catalog vocabulary is needed) and the storefront's search page.
 */
import { describe, test } from "node:test"
import { BACKEND_URL, STOREFRONT_URL } from "../support/env"
import { publishableKey } from "../support/api"

async function timed(label: string, href: string, headers: Record<string, string> = {}) {
  const started = performance.now()
  const response = await fetch(href, { headers })
  await response.arrayBuffer()
  const ms = Math.round(performance.now() - started)
  console.log(`# ${label}: ${ms} ms (${response.status})`)
  return ms
}

describe("first search after start", () => {
  test("times the first and later searches", async () => {
    const key = { "x-publishable-api-key": await publishableKey() }
    const api = (q: string) => `${BACKEND_URL}/store/product-search?q=${q}&country_code=de&limit=24`
    await timed("Medusa, 1st search (knitwera)", api("knitwera"), key)
    await timed("Medusa, 2nd search (drss)", api("drss"), key)
    await timed("Medusa, 3rd search (jumpr)", api("jumpr"), key)
    await timed("Medusa, 4th search (dress)", api("dress"), key)
    await timed("storefront, 1st search page (cardigna)", `${STOREFRONT_URL}/de/search?q=cardigna`)
    await timed("storefront, 2nd search page (trosers)", `${STOREFRONT_URL}/de/search?q=trosers`)
    await timed("storefront, 3rd search page (sneakrs)", `${STOREFRONT_URL}/de/search?q=sneakrs`)
  })
})
