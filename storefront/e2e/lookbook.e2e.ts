import assert from "node:assert/strict"
import { describe, test } from "node:test"
import { screenshot, submitAndWait, useBrowser, interactive } from "./support/browser"
import { url } from "./support/env"
import { cartCount } from "./support/shop"

describe("lookbooks", () => {
  const browser = useBrowser()

  test("open a lookbook → add the look to the cart → the cart shows those items", async () => {
    const page = await browser.newPage()
    await page.goto(url("/lookbooks"))
    const cards = page.getByTestId("lookbook-card")
    await cards.first().waitFor()
    await screenshot(page, "lookbooks")
    await cards.first().click()
    await page.getByTestId("lookbook-title").waitFor()

    // The first look: its hotspots are buttons on the photo; one opens the piece's card.
    const look = (await interactive(page, "look")).first()
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
    assert.match((await card.textContent()) ?? "", /In stock|Out of stock/)
    assert.match((await card.getByRole("link").first().getAttribute("href")) ?? "", /\/de\/products\/[^/]+$/)
    await screenshot(page, "lookbook")

    // Add the whole look (a guest without a cart: the cart is created first).
    assert.equal(await cartCount(page), 0)
    // The look's error (role="alert") sits beside its form, so the whole look is the container.
    const result = look.getByTestId("look-result")
    await submitAndWait(look, look.getByTestId("add-look"), result)
    const added = result.getByTestId("look-added").locator("li")
    const addedCount = await added.count()
    assert.ok(addedCount > 0, "at least one piece of the look was added")
    const addedTitles = await added.evaluateAll((items) => items.map((li) => li.getAttribute("data-product-title") ?? ""))
    const notAdded = await result.getByTestId("look-not-added").locator("li").count()
    assert.equal(addedCount + notAdded, await hotspots.count(), "every piece is either added or explained")
    await screenshot(page, "lookbook-added")
    await page.waitForFunction(
      (n) => /\((\d+)\)/.exec(document.querySelector('[data-testid="nav-cart"]')?.textContent ?? "")?.[1] === String(n),
      addedCount
    )

    // The cart holds exactly those pieces.
    await page.goto(url("/cart"))
    const lines = page.getByTestId("line-item")
    await lines.first().waitFor()
    assert.equal(await lines.count(), addedCount)
    const cartText = (await page.getByTestId("line-items").textContent()) ?? ""
    for (const title of addedTitles) assert.ok(cartText.includes(title), `the cart lists ${title}`)
    await screenshot(page, "lookbook-cart")
  })
})
