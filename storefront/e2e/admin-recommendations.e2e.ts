import assert from "node:assert/strict"
import { describe, test } from "node:test"
import type { Page } from "playwright-core"
import { adminGet, adminUrl, signInAdmin } from "./support/admin"
import { apiToken, publishableKey, storeApiGet } from "./support/api"
import { screenshot, useBrowser } from "./support/browser"
import { BACKEND_URL } from "./support/env"

type Figures = { surface: string; impressions: number; clicks: number; add_to_cart: number; orders: number }
type Stats = {
  days: number
  surfaces: Figures[]
  totals: Omit<Figures, "surface">
  weights: { normalised: { collaborative: number; content: number; knowledge: number } }
  rejections: { by_reason: { reason: string; rejected: number; emptied: number }[] }
}

/** A seeded demo shopper (npm run seed): her impressions and clicks are the page's figures. */
const SHOPPER = { email: "ines@curator.local", password: "curator-demo" }

/** Reads until `ok` holds (the shop records impressions and rejections after answering). */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  let value = await read()
  for (let i = 0; i < 60 && !ok(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 500))
    value = await read()
  }
  assert.ok(ok(value), `timed out waiting for ${what}: ${JSON.stringify(value)}`)
  return value
}

const cellText = async (page: Page, row: string, cell: string) =>
  ((await page.getByTestId(`recommendation-surface-${row}`).getByTestId(cell).textContent()) ?? "").trim()

/**
 * The admin's Recommendations page: after a shopper was shown "for you" items and clicked one, and a guest's
 * request was emptied by the size constraint, the page shows the figures the Admin API answers: per surface,
 * the weights, the rejections; the period selector asks for another span.
 */
describe("admin: recommendations", () => {
  const browser = useBrowser({ viewport: { width: 1440, height: 900 } })

  test("shows impressions, clicks, the weights and constraint rejections", async () => {
    const token = await apiToken("customer", SHOPPER.email, SHOPPER.password)
    const shown = await storeApiGet<{ recommendations: { id: string }[] }>(
      "/store/recommendations?country_code=de&sizes=tops:M,trousers:M,shoes:40&limit=4",
      token
    )
    assert.ok(shown.recommendations.length > 0, "the shopper is recommended something")
    const click = await fetch(`${BACKEND_URL}/store/recommendations/interactions`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-publishable-api-key": await publishableKey(), authorization: `Bearer ${token}` },
      body: JSON.stringify({ interactions: [{ product_id: shown.recommendations[0].id, kind: "click", surface: "for_you" }] }),
    })
    assert.equal(click.status, 200)
    const empty = await storeApiGet<{ reason?: string; emptied_by?: string }>("/store/recommendations?country_code=de&category=trousers")
    assert.equal(empty.emptied_by, "size", "a guest without sizes is promised no trousers")

    const page = await browser.newPage()
    await signInAdmin(page)
    const stats = () => adminGet<Stats>(page, "/admin/recommendations/stats?days=30")
    await until(
      stats,
      (s) =>
        s.totals.clicks > 0 &&
        s.totals.impressions >= shown.recommendations.length &&
        s.rejections.by_reason.some((r) => r.reason === "size" && r.emptied > 0),
      "the shopper's impressions, click and the size rejection"
    )

    await page.goto(adminUrl("/recommendations"))
    await page.getByRole("heading", { name: "Recommendations", level: 1 }).waitFor()
    assert.equal(await page.getByRole("link", { name: "Recommendations" }).count(), 1, "the sidebar links to the page")
    await page.getByTestId("recommendation-surface-for_you").waitFor()
    // The page's figures are the API's (read after the page, which nothing else changes meanwhile).
    const api = await stats()
    const forYou = api.surfaces.find((s) => s.surface === "for_you")!
    assert.equal(await cellText(page, "for_you", "impressions"), String(forYou.impressions))
    assert.equal(await cellText(page, "for_you", "clicks"), String(forYou.clicks))
    assert.equal(await cellText(page, "all", "impressions"), String(api.totals.impressions))
    assert.equal(await cellText(page, "for_you", "click-through"), `${((forYou.clicks / forYou.impressions) * 100).toFixed(1)}%`)
    assert.equal(
      (await page.getByTestId("weight-collaborative").textContent())?.trim(),
      api.weights.normalised.collaborative.toFixed(2),
      "the weights in use"
    )
    const size = api.rejections.by_reason.find((r) => r.reason === "size")!
    const sizeRow = page.getByTestId("recommendation-rejection-size")
    assert.equal((await sizeRow.getByTestId("rejected").textContent())?.trim(), String(size.rejected))
    assert.equal((await sizeRow.getByTestId("emptied").textContent())?.trim(), String(size.emptied))
    await screenshot(page, "admin-recommendations")

    // The period selector reads the figures for another span.
    const week = page.waitForResponse((r) => r.url().includes("/admin/recommendations/stats") && r.url().includes("days=7"))
    await page.getByRole("combobox", { name: "Period" }).click()
    await page.getByRole("option", { name: "Last 7 days" }).click()
    assert.equal((await week).status(), 200)
  })
})
