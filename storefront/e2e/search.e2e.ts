import assert from "node:assert/strict"
import { describe, test } from "node:test"
import { screenshot, useBrowser } from "./support/browser"
import { STOREFRONT_URL, url } from "./support/env"
import { addFirstProductToCart } from "./support/shop"

describe("search and cart", () => {
  const browser = useBrowser()

  test("the search box suggests as the shopper types; arrows, Enter and Escape work", async () => {
    const page = await browser.newPage()
    await page.goto(url("/"))
    const box = page.getByRole("combobox", { name: "Search products" })
    const list = page.getByRole("listbox", { name: "Search suggestions" })

    await box.pressSequentially("knit", { delay: 60 })
    await list.waitFor()
    const options = list.getByRole("option")
    assert.ok((await options.count()) > 0, "typing 'knit' offers suggestions")
    assert.equal(await box.getAttribute("aria-expanded"), "true")
    assert.match((await options.allTextContents()).join(" | "), /Knitwear/, "the Knitwear category is suggested")
    await screenshot(page, "search-suggestions")

    // Escape closes the list and leaves the text.
    await box.press("Escape")
    await list.waitFor({ state: "hidden" })
    assert.equal(await box.inputValue(), "knit")

    // Arrow down highlights the first suggestion; Enter opens it.
    await box.press("ArrowDown")
    await list.waitFor()
    const first = options.first()
    assert.equal(await first.getAttribute("aria-selected"), "true")
    assert.equal(await box.getAttribute("aria-activedescendant"), await first.getAttribute("id"))
    const label = ((await first.locator("span").first().textContent()) ?? "").trim()
    await box.press("Enter")
    await page.waitForURL(/\/(categories|products)\//)
    await page.getByRole("heading", { level: 1, name: label }).waitFor()
  })

  test("searching 'sweater' finds jumpers, 'tshirt' T-shirts and 'trainers' sneakers", async () => {
    const page = await browser.newPage()
    const titles = async () => (await page.getByTestId("product-card").allTextContents()).join(" | ")
    // The demo catalog names its knitwear "Crewneck Jumper", its tops "T-Shirt" and its shoes "Sneakers".
    await page.goto(url("/search?q=sweater"))
    assert.match(await titles(), /Jumper/)
    await page.goto(url("/search?q=tshirt"))
    assert.match(await titles(), /T-Shirt/)
    await page.goto(url("/search?q=trainers"))
    assert.match(await titles(), /Sneakers/)
  })

  test("a euro cart opened on /us/cart shows dollars, and euros again on /de/cart", async () => {
    const page = await browser.newPage()
    await addFirstProductToCart(page)
    await page.goto(url("/cart"))
    assert.match((await page.getByTestId("cart-subtotal").textContent()) ?? "", /€/)

    await page.goto(`${STOREFRONT_URL}/us/cart`)
    assert.match((await page.getByTestId("cart-subtotal").textContent()) ?? "", /\$/)
    await page.reload()
    assert.match((await page.getByTestId("cart-subtotal").textContent()) ?? "", /\$/, "still dollars on the next visit")
    await screenshot(page, "cart-us")

    await page.goto(`${STOREFRONT_URL}/de/cart`)
    assert.match((await page.getByTestId("cart-subtotal").textContent()) ?? "", /€/)
  })

  test("checkout without a Stripe payment loads nothing from Stripe", async () => {
    const page = await browser.newPage()
    const stripeRequests: string[] = []
    page.on("request", (r) => /stripe\.com/.test(r.url()) && stripeRequests.push(r.url()))
    await addFirstProductToCart(page)
    await page.goto(url("/checkout"))
    await page.getByTestId("address-form").waitFor()
    await page.waitForLoadState("networkidle")
    assert.deepEqual(stripeRequests, [], "no request to Stripe")
    assert.equal(await page.locator('script[src*="stripe"]').count(), 0, "no Stripe script tag")
  })
})
