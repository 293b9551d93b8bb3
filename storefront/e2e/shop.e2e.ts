import assert from "node:assert/strict"
import { describe, test } from "node:test"
import { screenshot, useBrowser, interactive } from "./support/browser"
import { url } from "./support/env"
import { addFirstAvailableSize, addFirstProductToCart, cartCount } from "./support/shop"

describe("shop", () => {
  const browser = useBrowser()

  test("browse → search → product → cart → checkout → order confirmation", async () => {
    const page = await browser.newPage()

    // Browse: the home page leads to a category listing with facets.
    await page.goto(url("/"))
    await page.getByRole("heading", { name: "New in" }).waitFor()
    assert.ok((await page.getByTestId("product-card").count()) > 0, "home shows new products")
    await screenshot(page, "home")
    await page.getByRole("link", { name: "Knitwear" }).first().click()
    await page.getByRole("heading", { level: 1, name: "Knitwear" }).waitFor()
    const listed = Number(((await page.getByTestId("result-count").textContent()) ?? "").match(/\d+/)?.[0])
    assert.ok(listed > 0, "the category lists products")
    await screenshot(page, "category-listing")

    // Facet: filtering by a size narrows or keeps the list, and the URL records it.
    await page.getByTestId("facets").getByLabel(/^M\b/).first().check()
    await page.waitForURL(/size=M/)
    await page.getByTestId("product-card").first().waitFor()

    // In stock only: the facet says how many an M can ship in the region, and the list becomes that many.
    const inStock = Number(((await page.getByTestId("in-stock-count").textContent()) ?? "").match(/\d+/)?.[0])
    assert.ok(inStock > 0, "some knitwear in M is in stock in Europe")
    await page
      .getByTestId("facets")
      .getByLabel(/In stock only/)
      .check()
    await page.waitForURL(/in_stock=1/)
    await page.waitForFunction((expected) => document.querySelector('[data-testid="result-count"]')?.textContent?.startsWith(`${expected} `), inStock)

    // Search with a typo still finds products (the backend corrects "knitwera").
    await page.goto(url("/search?q=knitwera"))
    const searchCount = Number(((await page.getByTestId("result-count").textContent()) ?? "").match(/\d+/)?.[0])
    assert.ok(searchCount > 0, "a misspelt search still finds products")
    await screenshot(page, "search")

    // Product page: price in the region's currency (EUR for /de), sizes with availability.
    await page.getByTestId("product-card").first().click()
    await page.getByTestId("product-title").waitFor()
    assert.match((await page.getByTestId("product-price").textContent()) ?? "", /€/)
    await screenshot(page, "product")
    await addFirstAvailableSize(page)
    await page.reload()
    assert.equal(await cartCount(page), 1)

    // Cart: change quantity to 2, then check the totals follow.
    await page.goto(url("/cart"))
    const subtotalBefore = await page.getByTestId("cart-subtotal").textContent()
    await page.getByTestId("line-quantity").selectOption("2")
    await page.waitForFunction((before) => document.querySelector('[data-testid="cart-subtotal"]')?.textContent !== before, subtotalBefore)
    assert.equal(await page.getByTestId("line-quantity").inputValue(), "2")
    await screenshot(page, "cart")

    // Checkout: address → delivery → payment → review → place order.
    await page.getByTestId("checkout-button").click()
    const form = await interactive(page, "address-form")
    await form.getByRole("button", { name: "Continue to delivery" }).click()
    await form.getByText("Enter the street and house number.").waitFor() // empty form: says what is missing
    await form.getByLabel("Email").fill("guest-e2e@curator.test")
    await form.getByLabel("First name").fill("Guest")
    await form.getByLabel("Last name").fill("Shopper")
    await form.getByLabel("Street and house number").fill("Torstraße 1")
    await form.getByLabel("Postal code").fill("10119")
    await form.getByLabel("Town or city").fill("Berlin")
    await form.getByLabel("Country").selectOption("de")
    await screenshot(page, "checkout-address")
    await form.getByRole("button", { name: "Continue to delivery" }).click()
    await interactive(page, "delivery-form")
    await page.getByTestId("delivery-submit").click()
    await interactive(page, "payment-form")
    await page.getByTestId("payment-submit").click()
    await page.getByTestId("place-order").waitFor()
    await screenshot(page, "checkout-review")
    await page.getByTestId("place-order").click()

    await page.getByTestId("order-confirmed").waitFor()
    assert.match((await page.getByTestId("order-number").textContent()) ?? "", /^#\d+$/)
    assert.match((await page.getByTestId("order-total").textContent()) ?? "", /€/)
    await screenshot(page, "order-confirmed")
    // The cart is used up: the header shows an empty cart again.
    assert.equal(await cartCount(page), 0)
  })

  test("a payment that left the page and failed (Stripe's return_url) brings the shopper back to checkout, saying so", async () => {
    const page = await browser.newPage()
    await addFirstProductToCart(page)
    await page.goto(url("/checkout/payment-return?redirect_status=failed"))
    await page.waitForURL(/\/checkout\?step=payment&payment_error=/)
    assert.match((await page.getByTestId("payment-error").textContent()) ?? "", /payment was not completed/)
    assert.equal(await page.getByRole("heading", { name: "There is nothing to check out" }).count(), 0, "the cart is kept")
  })

  test("removing the last item leaves an empty cart that says what to do next", async () => {
    const page = await browser.newPage()
    await addFirstProductToCart(page)
    await page.goto(url("/cart"))
    await page.getByTestId("line-remove").click()
    await page.getByTestId("empty-cart").waitFor()
    assert.ok(await page.getByRole("link", { name: "Start shopping" }).isVisible())
  })

  test("prices follow the shopper's country: the US store shows dollars", async () => {
    const page = await browser.newPage()
    await page.goto(url("/store").replace(/\/[a-z]{2}\/store$/, "/us/store"))
    await page.getByTestId("product-card").first().waitFor()
    assert.match((await page.getByTestId("product-card").first().textContent()) ?? "", /(US)?\$/)
  })
})
