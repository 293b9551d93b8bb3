import assert from "node:assert/strict"
import { describe, test } from "node:test"
import { interactive, loadAllImages, screenshot, useBrowser } from "./support/browser"
import { url } from "./support/env"

/** A phone's screen: the header is one row behind a menu button, and listings show products first. */
const PHONE = { width: 390, height: 844 }

describe("on a phone", () => {
  const browser = useBrowser({ viewport: PHONE })

  test("the header is one row; its menu opens, lists the links and search, and navigates", async () => {
    const page = await browser.newPage()
    await page.goto(url("/"))
    const header = page.locator("header.site-header")
    const headerBox = (await header.boundingBox())!
    assert.ok(headerBox.height <= 70, `the header is one row (${headerBox.height}px tall)`)
    // Account and cart stay in the bar, outside the menu.
    assert.ok(await page.getByTestId("nav-account").isVisible(), "account is reachable")
    assert.ok(await page.getByTestId("nav-cart").isVisible(), "the cart is reachable")
    const main = page.getByRole("navigation", { name: "Main" })
    assert.equal(await main.isVisible(), false, "the links are folded away")

    const menu = (await interactive(page, "menu-button")).first()
    assert.equal(await menu.getAttribute("aria-expanded"), "false")
    assert.equal(await page.getByRole("button", { name: "Menu" }).count(), 1, 'the button is named "Menu"')
    await menu.click()
    assert.equal(await menu.getAttribute("aria-expanded"), "true")
    for (const name of ["Shop", "Lookbooks", "Feed", "Wardrobe"]) assert.ok(await main.getByRole("link", { name }).isVisible(), `${name} is listed`)
    assert.ok(await page.getByLabel("Search products").isVisible(), "search is in the menu")
    await screenshot(page, "phone-menu-open")

    // Escape closes it; a link navigates and closes it.
    await page.keyboard.press("Escape")
    assert.equal(await menu.getAttribute("aria-expanded"), "false")
    await menu.click()
    await main.getByRole("link", { name: "Lookbooks" }).click()
    await page.waitForURL(/\/lookbooks$/)
    assert.equal(await menu.getAttribute("aria-expanded"), "false")
    assert.equal(await main.isVisible(), false)

    // Search from the menu.
    await menu.click()
    await page.getByLabel("Search products").fill("knit")
    await page.keyboard.press("Enter")
    await page.waitForURL(/\/search\?q=knit/)
  })

  test("listings show the first product on the first screen; the Filters button opens the facets and counts them", async () => {
    const page = await browser.newPage()
    for (const pathname of ["/store", "/categories/knitwear", "/search?q=knitwear"]) {
      await page.goto(url(pathname))
      const card = page.getByTestId("product-card").first()
      await card.waitFor()
      const top = (await card.boundingBox())!.y
      assert.ok(top < PHONE.height, `${pathname}: the first product card starts at ${top}px, within the first ${PHONE.height}px`)
      assert.equal(await page.getByTestId("facets").isVisible(), false, `${pathname}: the facets are folded away`)
    }

    await page.goto(url("/store"))
    await page.getByTestId("product-card").first().waitFor()
    await loadAllImages(page)
    await screenshot(page, "phone-listing")
    const filters = (await interactive(page, "filters-button")).first()
    assert.equal((await filters.textContent())?.trim(), "Filters")
    assert.equal(await filters.getAttribute("aria-expanded"), "false")
    await filters.click()
    assert.equal(await filters.getAttribute("aria-expanded"), "true")
    const facets = page.getByTestId("facets")
    await facets.waitFor()
    await screenshot(page, "phone-listing-filters-open")

    // A filter applies at once; the panel stays open and the button counts it.
    await facets.getByLabel(/^M\b/).first().check()
    await page.waitForURL(/size=M/)
    await page.waitForFunction(() => document.querySelector('[data-testid="filters-button"]')?.textContent?.trim() === "Filters (1)")
    assert.ok(await page.getByTestId("facets").isVisible(), "the facets stay open while filtering")
    await page.getByRole("button", { name: "Show products" }).click()
    assert.equal(await page.getByTestId("facets").isVisible(), false)

    // Wider screens keep the sidebar and the full header.
    await page.setViewportSize({ width: 1280, height: 900 })
    assert.ok(await page.getByTestId("facets").isVisible(), "the sidebar shows the facets on a desktop")
    assert.equal(await page.getByTestId("filters-button").isVisible(), false)
    assert.equal(await page.getByTestId("menu-button").isVisible(), false)
    assert.ok(await page.getByRole("navigation", { name: "Main" }).isVisible())
  })
})
