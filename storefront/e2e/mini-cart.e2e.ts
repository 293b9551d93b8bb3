import assert from "node:assert/strict"
import { describe, test } from "node:test"
import { interactive, screenshot, useBrowser } from "./support/browser"
import { url } from "./support/env"
import { BERLIN, fillAddress } from "./support/checkout"
import { cartCount } from "./support/shop"

describe("mini-cart and delivery estimates", () => {
  const browser = useBrowser()

  test("adding to cart opens a mini-cart with the chosen size, the subtotal and the ways on; the header count follows", async () => {
    const page = await browser.newPage()
    // Knitwear comes in sizes, so the variant shown says which size was chosen.
    await page.goto(url("/categories/knitwear"))
    await page.getByTestId("product-card").first().click()
    const title = ((await page.getByTestId("product-title").textContent()) ?? "").trim()
    const picker = await interactive(page, "variant-picker")
    // A size with more than one unit, so it can be added twice.
    const size = picker
      .getByTestId("size-option")
      .filter({ hasNot: page.getByText(/Only 1 left|Out of stock/) })
      .first()
    const sizeLabel = (await size.locator("span").evaluate((el) => el.firstChild?.textContent ?? "")).trim()
    await size.locator("input").check()
    const [colour] = await picker.locator('input[name="colour"]:checked').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))
    await picker.getByRole("button", { name: "Add to cart" }).click()

    const mini = page.getByRole("dialog", { name: "Added to your cart" })
    await mini.waitFor()
    assert.equal(((await mini.getByTestId("mini-cart-line").locator(".mini-cart__title").textContent()) ?? "").trim(), title)
    const variant = ((await mini.getByTestId("mini-cart-variant").textContent()) ?? "").trim()
    assert.ok(sizeLabel !== "One size" && variant.endsWith(sizeLabel), `the chosen size ${sizeLabel} is shown (${variant})`)
    if (colour) assert.ok(variant.startsWith(colour), `the chosen colour ${colour} is shown (${variant})`)
    assert.equal(await mini.getByTestId("mini-cart-quantity").textContent(), "1")
    assert.match((await mini.getByTestId("mini-cart-price").textContent()) ?? "", /€/)
    assert.match((await mini.getByTestId("mini-cart-subtotal").textContent()) ?? "", /€/)
    assert.equal(await mini.getByRole("link", { name: "View cart" }).getAttribute("href"), new URL(url("/cart")).pathname)
    assert.equal(await mini.getByRole("link", { name: "Checkout" }).getAttribute("href"), new URL(url("/checkout")).pathname)
    assert.ok((await mini.locator("img").count()) <= 1)
    await page.waitForFunction(() => /\(1\)/.test(document.querySelector('[data-testid="nav-cart"]')?.textContent ?? ""))
    await screenshot(page, "mini-cart")

    // Escape closes it; the next add opens it again, now with two.
    await page.keyboard.press("Escape")
    await mini.waitFor({ state: "detached" })
    await picker.getByRole("button", { name: "Add to cart" }).click()
    await mini.waitFor()
    await page.waitForFunction(() => document.querySelector('[data-testid="mini-cart-quantity"]')?.textContent === "2")
    await page.waitForFunction(() => /\(2\)/.test(document.querySelector('[data-testid="nav-cart"]')?.textContent ?? ""))
    assert.equal(await cartCount(page), 2)
    // The close button closes it too.
    await mini.getByRole("button", { name: "Close" }).click()
    await mini.waitFor({ state: "detached" })

    // Checkout from the mini-cart: the delivery step dates each option in business days.
    await picker.getByRole("button", { name: "Add to cart" }).click()
    await mini.getByRole("link", { name: "Checkout" }).click()
    const form = await interactive(page, "address-form")
    await fillAddress(form, BERLIN, { email: "mini-cart-e2e@curator.test" })
    await form.getByRole("button", { name: "Continue to delivery" }).click()
    const delivery = await interactive(page, "delivery-form")
    const options = await delivery.locator('input[name="shipping_option_id"]').count()
    const estimates = await delivery.getByTestId("delivery-estimate").allTextContents()
    assert.ok(options >= 2, "standard and express delivery are offered")
    assert.equal(estimates.length, options, "every option has an estimate")
    const day = "(Mon|Tue|Wed|Thu|Fri) \\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    for (const estimate of estimates) assert.match(estimate.trim(), new RegExp(`^Arrives ${day}( – ${day})?$`), "a weekday, or a range of weekdays")
    assert.ok(
      estimates.some((e) => e.includes("–")),
      "standard delivery shows a range"
    )
    await screenshot(page, "checkout-delivery-estimates")
  })
})
