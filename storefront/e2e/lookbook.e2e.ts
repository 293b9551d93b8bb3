import assert from "node:assert/strict"
import { describe, test } from "node:test"
import type { Locator, Page } from "playwright-core"
import { screenshot, submitAndWait, useBrowser, interactive } from "./support/browser"
import { url } from "./support/env"
import { cartCount } from "./support/shop"

/** "€1,234.50" → 1234.5 */
const euros = (text: string) => Number((/€\s*([\d,]+(?:\.\d+)?)/.exec(text)?.[1] ?? "NaN").replace(/,/g, ""))

/** Opens the first lookbook and answers its first look once React runs it. */
async function openFirstLook(page: Page): Promise<Locator> {
  await page.goto(url("/lookbooks"))
  const cards = page.getByTestId("lookbook-card")
  await cards.first().waitFor()
  await screenshot(page, "lookbooks")
  await cards.first().click()
  await page.getByTestId("lookbook-title").waitFor()
  return (await interactive(page, "look")).first()
}

describe("lookbooks", () => {
  const browser = useBrowser()

  test("choose a size per piece → add the whole look → the cart holds exactly those sizes, at the look's total", async () => {
    const page = await browser.newPage()
    const look = await openFirstLook(page)

    // The hotspots are buttons on the photo; one opens the piece's card.
    const hotspots = look.getByTestId("hotspot")
    assert.ok((await hotspots.count()) > 0, "the look has hotspots")
    const first = hotspots.first()
    assert.match((await first.getAttribute("aria-label")) ?? "", /^Piece 1: .+/)
    await first.focus()
    await page.keyboard.press("Enter")
    const card = look.getByTestId("hotspot-card")
    await card.waitFor()
    assert.equal(await first.getAttribute("aria-expanded"), "true")
    assert.match((await card.getByTestId("hotspot-price").textContent()) ?? "", /€/)
    assert.match((await card.getByRole("link").first().getAttribute("href")) ?? "", /\/de\/products\/[^/]+$/)
    await screenshot(page, "lookbook")

    // Nobody chose a size yet: the whole look cannot be added, and the look says which pieces need one.
    const pieces = look.getByTestId("look-piece")
    const sized = pieces.filter({ has: page.getByTestId("piece-size") })
    const sizedCount = await sized.count()
    assert.ok(sizedCount > 0, "the look has pieces that come in sizes")
    const addLook = look.getByTestId("add-look")
    assert.equal(await addLook.isDisabled(), true)
    const missing = look.getByTestId("look-missing")
    const sizedTitles = await sized.evaluateAll((items) => items.map((li) => li.getAttribute("data-product-title") ?? ""))
    for (const title of sizedTitles) assert.ok(((await missing.textContent()) ?? "").includes(title), `the look asks for a size for ${title}`)
    // The piece's own "Add this piece" waits for a size too, rather than adding the photo's.
    if ((await card.getByTestId("piece-size").count()) > 0) assert.equal(await card.getByTestId("add-piece").isDisabled(), true)

    // The total is in the region's currency from the start.
    const total = look.getByTestId("look-total")
    assert.match((await total.textContent()) ?? "", /^Total for the look: €[\d,]+\.\d\d/)

    // Choose, per piece, the largest size in stock (not the photo's middle size).
    const chosen = new Map<string, string>()
    for (let i = 0; i < sizedCount; i++) {
      const select = sized.nth(i).getByTestId("piece-size")
      const title = (await sized.nth(i).getAttribute("data-product-title"))!
      const inStock = await select
        .locator("option")
        .evaluateAll((options) =>
          (options as HTMLOptionElement[]).filter((o) => o.value && !o.disabled && !/out of stock/.test(o.text)).map((o) => o.value)
        )
      assert.ok(inStock.length > 0, `${title} has a size in stock`)
      const size = inStock[inStock.length - 1]
      await select.selectOption(size)
      chosen.set(title, size)
      if (i < sizedCount - 1) {
        assert.equal(await addLook.isDisabled(), true, "still a piece without a size")
        assert.ok(!((await missing.textContent()) ?? "").includes(title), `${title} no longer needs a size`)
      }
    }
    assert.equal(await addLook.isDisabled(), false)
    assert.equal(await missing.count(), 0)
    const lookTotal = euros((await total.textContent()) ?? "")
    assert.ok(lookTotal > 0, "the look has a total")
    await screenshot(page, "lookbook-sizes-chosen")

    // Add the whole look (a guest without a cart: the cart is created first).
    assert.equal(await cartCount(page), 0)
    const result = look.getByTestId("look-result")
    await submitAndWait(look, addLook, result)
    const added = result.getByTestId("look-added").locator("li")
    const addedCount = await added.count()
    assert.equal(await result.getByTestId("look-not-added").count(), 0, "every chosen size was in stock")
    assert.equal(addedCount, await pieces.count(), "every piece was added")
    await screenshot(page, "lookbook-added")
    await page.waitForFunction(
      (n) => /\((\d+)\)/.exec(document.querySelector('[data-testid="nav-cart"]')?.textContent ?? "")?.[1] === String(n),
      addedCount
    )

    // The cart holds exactly those pieces, each in the size the shopper chose, and costs the look's total.
    await page.goto(url("/cart"))
    const lines = page.getByTestId("line-item")
    await lines.first().waitFor()
    assert.equal(await lines.count(), addedCount)
    for (const [title, size] of chosen) {
      const line = lines.filter({ hasText: title })
      assert.equal(await line.count(), 1, `one line for ${title}`)
      assert.match((await line.textContent()) ?? "", new RegExp(`/ ${size.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`), `${title} in size ${size}`)
    }
    const lineTotals = await page.getByTestId("line-total").allTextContents()
    assert.equal(Math.round(lineTotals.reduce((sum, t) => sum + euros(t), 0) * 100) / 100, lookTotal)
    await screenshot(page, "lookbook-cart")
  })
})

describe("lookbooks on a phone", () => {
  const browser = useBrowser({ viewport: { width: 390, height: 844 } })

  test("tapping a hotspot shows its product card on screen", async () => {
    const page = await browser.newPage()
    const look = await openFirstLook(page)
    const hotspot = look.getByTestId("hotspot").first()
    await hotspot.click()
    const card = look.getByTestId("hotspot-card")
    await card.waitFor()
    // The card is below the photo and the list of pieces: it must be brought into view, whole.
    const onScreen = await page
      .waitForFunction(
        (el) => {
          const box = (el as Element).getBoundingClientRect()
          return box.top >= 0 && box.bottom <= window.innerHeight
        },
        await card.elementHandle(),
        { timeout: 5000 }
      )
      .then(() => true)
      .catch(() => false)
    const box = await card.evaluate((el) => {
      const r = el.getBoundingClientRect()
      return { top: Math.round(r.top), bottom: Math.round(r.bottom), screen: window.innerHeight }
    })
    assert.ok(onScreen, `the card is on screen: ${JSON.stringify(box)}`)
    await screenshot(page, "lookbook-phone-hotspot")
  })
})
