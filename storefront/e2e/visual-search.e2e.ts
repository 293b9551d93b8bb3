import assert from "node:assert/strict"
import { before, describe, test } from "node:test"
import type { Locator, Page } from "playwright-core"
import type { StoreVisualSearchResponse } from "../../src/types/http/visual-search"
import { interactive, screenshot, useBrowser } from "./support/browser"
import { signUpFreshCustomer } from "./support/customer"
import { BACKEND_URL, COUNTRY, STOREFRONT_URL, url } from "./support/env"

/**
 * Search by photo against the real ML sidecar (scripts/lib/storefront-tests.js starts one with an
 * empty index): the test waits until the backend has indexed the demo catalog, then uploads a
 * catalog product's own photo, filters, opens a result, and follows "Shop this look", "Similar
 * items" and the wardrobe's pre-fill.
 */
const SIDECAR_URL = process.env.ML_SIDECAR_URL || ""
/** Indexing the small demo catalog from scratch on a busy 2-core machine. */
const INDEX_TIMEOUT_MS = Number(process.env.E2E_INDEX_TIMEOUT_MS || 8 * 60_000)
const ADMIN_EMAIL = process.env.CURATOR_ADMIN_EMAIL || "admin@curator.local"
const ADMIN_PASSWORD = process.env.CURATOR_ADMIN_PASSWORD || "curator-demo"

type Upload = { name: string; mimeType: string; buffer: Buffer }
type CatalogProduct = { handle: string; title: string; photo: Upload; price: number; category: string | null }

const text = async (locator: Locator) => ((await locator.textContent()) ?? "").trim()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The storefront's upload route, as the photo search page calls it (the shop's own origin, no cookies: a guest). */
async function searchFromNode(photo: Upload, fields: Record<string, string> = {}): Promise<{ status: number; body: StoreVisualSearchResponse }> {
  const form = new FormData()
  form.append("image", new Blob([new Uint8Array(photo.buffer)], { type: photo.mimeType }), photo.name)
  for (const [name, value] of Object.entries({ country_code: COUNTRY, ...fields })) form.append(name, value)
  const response = await fetch(`${STOREFRONT_URL}/api/visual-search`, { method: "POST", body: form, signal: AbortSignal.timeout(60_000) })
  return { status: response.status, body: (await response.json().catch(() => ({}))) as StoreVisualSearchResponse }
}

const handlesIn = (result: StoreVisualSearchResponse) => (result.items ?? []).flatMap((item) => item.products.map((p) => p.product.handle))

/**
 * Waits until searching the product's own photo finds it: the backend indexes the catalog in the
 * background after it starts (the sidecar began with an empty index).
 */
async function waitUntilIndexed(product: Pick<CatalogProduct, "handle" | "photo">): Promise<StoreVisualSearchResponse> {
  const deadline = Date.now() + INDEX_TIMEOUT_MS
  let last = ""
  let unavailableSince: number | null = null
  while (Date.now() < deadline) {
    const { status, body } = await searchFromNode(product.photo).catch((error: Error) => ({
      status: 0,
      body: { message: error.message } as StoreVisualSearchResponse,
    }))
    if (status === 200 && handlesIn(body).includes(product.handle)) return body
    last = `${status} ${JSON.stringify(body).slice(0, 300)}`
    // The service itself down for minutes (not the index catching up): nothing to wait for.
    unavailableSince = status === 503 ? (unavailableSince ?? Date.now()) : null
    if (unavailableSince && Date.now() - unavailableSince > 3 * 60_000) throw new Error(`search by photo stayed unavailable for 3 minutes: ${last}`)
    // Within the search rate limit (60 a minute per address) with room for the tests themselves.
    await sleep(5000)
  }
  throw new Error(`the catalog was not indexed within ${INDEX_TIMEOUT_MS / 1000} s: searching ${product.handle}'s photo last answered ${last}`)
}

/** A photo of nothing: one flat colour, as a JPEG drawn by the page's canvas. */
async function plainPhoto(page: Page): Promise<Upload> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement("canvas")
    canvas.width = 640
    canvas.height = 480
    const ctx = canvas.getContext("2d")!
    ctx.fillStyle = "#ededeb"
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    return canvas.toDataURL("image/jpeg", 0.9)
  })
  return { name: "plain-wall.jpg", mimeType: "image/jpeg", buffer: Buffer.from(dataUrl.split(",")[1], "base64") }
}

/** The amount in a price text such as "€49.00" or "€1,049.00" (the first price: a sale price comes first). */
const amountOf = (price: string) => Number((price.match(/\d[\d,]*(?:\.\d+)?/)?.[0] ?? "NaN").replace(/,/g, ""))

/** Waits for the photo search page's next answer (`data-searches` counts the answers shown). */
async function nextAnswer(search: Locator, act: () => Promise<void>) {
  const before = Number(await search.getAttribute("data-searches"))
  await act()
  await search
    .page()
    .waitForFunction(([el, n]) => Number((el as HTMLElement).dataset.searches) > (n as number), [await search.elementHandle(), before] as const, {
      timeout: 120_000,
    })
}

async function searchPhotoOnPage(page: Page, photo: Upload) {
  const search = (await interactive(page, "photo-search")).first()
  await nextAnswer(search, () => search.getByTestId("photo-input").setInputFiles(photo))
  return search
}

/** Sums the admin's click count for today (GET /admin/visual/analytics), signed in with the demo admin. */
async function clicksToday(): Promise<number> {
  const auth = await fetch(`${BACKEND_URL}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  })
  const { token } = (await auth.json()) as { token: string }
  const response = await fetch(`${BACKEND_URL}/admin/visual/analytics?days=1`, { headers: { authorization: `Bearer ${token}` } })
  assert.equal(response.status, 200, `GET /admin/visual/analytics answered ${response.status}`)
  const { totals } = (await response.json()) as { totals: { clicks: number } }
  return totals.clicks
}

describe("search by photo", { skip: SIDECAR_URL ? false : "the ML sidecar is not running (ml-sidecar is not installed)" }, () => {
  const browser = useBrowser()
  let product: CatalogProduct

  before(async () => {
    // An in-stock product of the shop, its own photo (the product card's image) and its category.
    const page = await browser.newPage()
    await page.goto(url("/store?in_stock=1"))
    const card = page
      .getByTestId("product-card")
      .filter({ hasNot: page.getByTestId("sold-out") })
      .first()
    await card.waitFor()
    const handle = (await card.getAttribute("data-product-handle"))!
    const src = (await card.locator("img").getAttribute("src"))!
    const image = await page.request.get(src)
    assert.equal(image.status(), 200, `the product photo ${src} is served`)
    const photo = { name: `${handle}.jpg`, mimeType: image.headers()["content-type"] ?? "image/jpeg", buffer: await image.body() }
    await page.goto(url(`/products/${handle}`))
    const categoryHref = await page.getByRole("navigation", { name: "Breadcrumb" }).locator('a[href*="/categories/"]').getAttribute("href")
    const found = await waitUntilIndexed({ handle, photo })
    const match = found.items.flatMap((i) => i.products).find((p) => p.product.handle === handle)!
    product = {
      handle,
      title: match.product.title,
      photo,
      price: match.product.calculated_price?.calculated_amount ?? NaN,
      category: categoryHref?.split("/categories/")[1] ?? null,
    }
    assert.ok(product.price > 0, `${handle} has a price in the region`)
    await page.close()
  })

  test("the camera button → upload a catalog product's photo → it is found, outlined, filterable, and opens", async () => {
    const page = await browser.newPage()
    await page.goto(url("/store"))
    await page.getByTestId("photo-search-button").click()
    await page.waitForURL(/\/search\/photo$/)
    await page.getByTestId("photo-search-intro").waitFor()

    const search = await searchPhotoOnPage(page, product.photo)
    assert.equal(await search.getAttribute("data-state"), "done", await text(search))

    // Each garment found is outlined on the photo, inside it.
    const boxes = search.getByTestId("garment-box")
    assert.ok((await boxes.count()) >= 1, "at least one garment is outlined")
    const photoBox = (await search.getByTestId("garment-photo").boundingBox())!
    const first = (await boxes.first().boundingBox())!
    assert.ok(first.width > 10 && first.height > 10, "the outline has a size")
    assert.ok(first.x >= photoBox.x - 1 && first.x + first.width <= photoBox.x + photoBox.width + 1, "the outline lies on the photo")
    assert.equal(await boxes.first().getAttribute("aria-pressed"), "true", "the most prominent garment is selected")

    // The product itself is among the results of one of its garments (tapping a garment shows its results).
    const results = search.getByTestId("garment-results")
    const ours = results.locator(`[data-testid="product-card"][data-product-handle="${product.handle}"]`)
    for (let i = 0; i < (await boxes.count()) && !(await ours.count()); i++) {
      await boxes.nth(i).click()
      assert.equal(await boxes.nth(i).getAttribute("aria-pressed"), "true")
    }
    await ours.waitFor()
    assert.match(await text(ours), new RegExp(product.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    assert.ok((await ours.getByTestId("product-reasons").count()) === 1, "the match says why it matches")
    await screenshot(page, "photo-search-results")

    // A budget below the product's price: it leaves the results, and nothing over the budget shows.
    const budget = Math.max(0, Math.floor(product.price) - 1)
    const filters = search.getByTestId("photo-filters")
    await filters.getByLabel(/Max price/).fill(String(budget))
    await nextAnswer(search, () => filters.getByRole("button", { name: "Apply filters" }).click())
    assert.equal(await search.getAttribute("data-state"), "done", await text(search))
    assert.equal(await ours.count(), 0, `${product.handle} (${product.price}) is over the budget of ${budget}`)
    for (const price of await search.locator('[data-testid="product-card"] .product-card__price').allTextContents()) {
      assert.ok(amountOf(price) <= budget, `${price} is within the budget of ${budget}`)
    }
    await screenshot(page, "photo-search-filtered")

    // Cleared: the product is back; opening it counts a click for the search's analytics.
    await nextAnswer(search, () => filters.getByRole("button", { name: "Clear" }).click())
    for (let i = 0; i < (await boxes.count()) && !(await ours.count()); i++) await boxes.nth(i).click()
    await ours.waitFor()
    const clicksBefore = await clicksToday()
    await ours.click()
    await page.waitForURL(new RegExp(`/products/${product.handle}$`))
    await page.getByTestId("product-title").waitFor()
    assert.equal(await clicksToday(), clicksBefore + 1, "the click was counted")
  })

  test("a photo with no garment says so", async () => {
    const page = await browser.newPage()
    await page.goto(url("/search/photo"))
    const search = await searchPhotoOnPage(page, await plainPhoto(page))
    await search.getByTestId("no-garment").waitFor()
    assert.match(await text(search.getByTestId("no-garment")), /No garment found in this photo/)
    assert.equal(await search.getByTestId("garment-box").count(), 0)
    assert.equal(await search.getByTestId("product-card").count(), 0)
    await screenshot(page, "photo-search-no-garment")
  })

  test("a file that is not a photo gets the shop's message", async () => {
    const page = await browser.newPage()
    await page.goto(url("/search/photo"))
    const search = await searchPhotoOnPage(page, { name: "broken.jpg", mimeType: "image/jpeg", buffer: Buffer.from("this is not a JPEG at all") })
    const error = search.getByTestId("photo-search-error")
    await error.waitFor()
    assert.ok((await text(error)).length > 10, "the message says what was wrong")
    assert.equal(await search.getByTestId("product-card").count(), 0)
  })

  test("a product page shows similar items, not the product itself", async () => {
    const page = await browser.newPage()
    await page.goto(url(`/products/${product.handle}`))
    const similar = page.getByTestId("similar-items")
    await similar.waitFor()
    const handles = await similar.getByTestId("product-card").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-product-handle")))
    assert.ok(handles.length >= 1, "at least one similar item")
    assert.ok(!handles.includes(product.handle), "the product is not similar to itself")
    assert.equal(new Set(handles).size, handles.length, "no product twice")
    await screenshot(page, "product-similar-items")
  })

  test("shop this look from a lookbook → the look's photo is searched", async () => {
    const page = await browser.newPage()
    await page.goto(url("/lookbooks"))
    await page.getByTestId("lookbook-card").first().click()
    const lookbookTitle = await text(page.getByTestId("lookbook-title"))
    await page.getByTestId("look").first().getByTestId("shop-this-look").click()
    await page.waitForURL(/\/search\/photo\?lookbook=[^&]+&look=/)
    const search = page.getByTestId("photo-search")
    await search.waitFor()
    assert.equal(await search.getAttribute("data-state"), "done", await text(search))
    assert.ok((await search.getByTestId("garment-box").count()) >= 1, "the look's garments are outlined")
    assert.ok((await search.getByTestId("garment-results").getByTestId("product-card").count()) >= 1, "the look has products to buy")
    // The page says where the photo comes from, and links back to it.
    await search.getByRole("link", { name: lookbookTitle }).waitFor()
    await screenshot(page, "shop-this-look")
  })

  test("a wardrobe item's photo pre-fills its category and colours and shows matching products", async () => {
    const page = await browser.newPage()
    await signUpFreshCustomer(page)
    await page.goto(url("/wardrobe/items/new"))
    const form = await interactive(page, "item-form")
    await form.getByLabel("Name").fill("Photographed piece")
    await form.getByLabel("Photo").setInputFiles(product.photo)
    const suggestion = form.getByTestId("photo-suggestion")
    await suggestion.waitFor({ timeout: 120_000 })
    assert.equal(await form.getByLabel("Category").inputValue(), product.category, "the product's category is suggested")
    assert.ok((await form.getByLabel("Colours").inputValue()).length > 0, "colours are suggested")
    const handles = await suggestion.getByTestId("product-card").evaluateAll((cards) => cards.map((c) => c.getAttribute("data-product-handle")))
    assert.ok(handles.includes(product.handle), `the catalog product is suggested (got ${handles.join(", ")})`)
    // The shopper can change what was suggested, and the item is saved with it.
    await form.getByLabel("Category").fill("knitwear")
    await form.getByRole("button", { name: "Add to wardrobe" }).click()
    await page.getByTestId("item-name").filter({ hasText: "Photographed piece" }).waitFor()
    assert.match(await text(page.locator(".facts")), /Category\s*knitwear/)
    await screenshot(page, "wardrobe-photo-prefill")
  })
})
