import assert from "node:assert/strict"
import { describe, test } from "node:test"
import { Page } from "playwright-core"
import { screenshot, useBrowser } from "./support/browser"
import { url } from "./support/env"

/** Problems a page has with images (alt text, reserved size) and unlabelled form controls. */
async function accessibilityProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    for (const img of Array.from(document.images)) {
      if (!img.hasAttribute("alt")) problems.push(`img without alt: ${img.src}`)
      if (!img.getAttribute("width") || !img.getAttribute("height")) problems.push(`img without width/height: ${img.src}`)
    }
    for (const el of Array.from(document.querySelectorAll<HTMLInputElement>("input:not([type=hidden]), select, textarea"))) {
      const named = (el.labels && el.labels.length > 0) || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby")
      if (!named) problems.push(`unlabelled ${el.tagName.toLowerCase()} name=${el.getAttribute("name")}`)
    }
    return problems
  })
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
}

describe("quality on a phone", () => {
  const browser = useBrowser({ viewport: { width: 390, height: 844 } })

  test("home, listing, product and account fit a phone screen, with alt text and labelled controls", async () => {
    const page = await browser.newPage()
    await page.goto(url("/"))
    await page.getByTestId("product-card").first().waitFor()
    const productHref = await page.getByTestId("product-card").first().getAttribute("href")
    const pages: [string, string][] = [
      ["phone-home", "/"],
      ["phone-listing", "/store"],
      ["phone-product", productHref!.replace(/^\/[a-z]{2}/, "")],
      ["phone-account", "/account"],
    ]
    for (const [name, path] of pages) {
      await page.goto(url(path))
      await page.waitForLoadState("load")
      assert.ok((await horizontalOverflow(page)) <= 0, `${path} scrolls sideways on a phone`)
      assert.deepEqual(await accessibilityProblems(page), [], `${path} has accessibility problems`)
      await screenshot(page, name)
    }
  })

  test("keyboard users can skip to the content and reach the search box", async () => {
    const page = await browser.newPage()
    await page.goto(url("/"))
    await page.keyboard.press("Tab")
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content")
    await page.keyboard.press("Enter")
    // A same-page jump: wait for the URL, not for the page's load event (images may still be loading).
    await page.waitForURL(/#main$/, { waitUntil: "commit" })
    // On a phone the search box is in the header's menu.
    await page.getByRole("button", { name: "Menu" }).click()
    await page.getByLabel("Search products").locator("visible=true").first().focus()
    await page.keyboard.type("knit")
    await page.keyboard.press("Enter")
    await page.waitForURL(/\/search\?q=knit/)
    await page.getByTestId("result-count").waitFor()
  })

  test("the shop names an icon for the browser tab, and serves it", async () => {
    const page = await browser.newPage()
    await page.goto(url("/"))
    const href = await page.locator('head link[rel="icon"]').first().getAttribute("href", { timeout: 5_000 })
    const icon = await page.request.get(new URL(href!, page.url()).toString())
    assert.equal(icon.status(), 200)
    assert.match(icon.headers()["content-type"] ?? "", /^image\/svg\+xml/)
    assert.match(await icon.text(), /<svg[\s>]/)
  })
})
