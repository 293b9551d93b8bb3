import assert from "node:assert/strict"
import { describe, test } from "node:test"
import { screenshot, useBrowser, interactive } from "./support/browser"
import { signIn, signUpFreshCustomer } from "./support/customer"
import { STOREFRONT_URL, url } from "./support/env"
import { BERLIN, checkOutFromCart } from "./support/checkout"
import { addFirstProductToCart } from "./support/shop"

describe("account", () => {
  const browser = useBrowser()

  test("a new shopper signs up, signs out and signs in again", async () => {
    const page = await browser.newPage()
    const customer = await signUpFreshCustomer(page)
    await screenshot(page, "account-overview")
    assert.match((await page.getByTestId("account-greeting").textContent()) ?? "", /Hello, Test/)
    assert.equal(await page.getByTestId("nav-account").textContent(), "Account")

    await page.getByTestId("sign-out").click()
    await interactive(page, "login-form")
    assert.equal(await page.getByTestId("nav-account").textContent(), "Sign in")

    await signIn(page, customer)
    assert.equal(await page.getByTestId("account-email").textContent(), customer.email)
  })

  test("Google's return address (the backend's default callback) reaches the sign-in page, which says what went wrong", async () => {
    const page = await browser.newPage()
    // What Google redirects to with the default GOOGLE_CALLBACK_URL; a bad code must not end in a 404.
    const response = await page.goto(`${STOREFRONT_URL}/account/google/callback?code=not-a-real-code&state=not-a-real-state`)
    assert.equal(response?.status(), 200)
    await page.waitForURL(/\/de\/account\?error=/)
    await interactive(page, "login-form")
    assert.ok(((await page.getByRole("alert").first().textContent()) ?? "").trim().length > 0, "the page says why sign-in failed")
  })

  test("sign-in with a wrong password says what went wrong and keeps the email", async () => {
    const page = await browser.newPage()
    await page.goto(url("/account"))
    await screenshot(page, "account-sign-in")
    const form = await interactive(page, "login-form")
    await form.getByLabel("Email").fill("ines@curator.local")
    await form.getByLabel("Password").fill("not-the-password")
    await form.getByRole("button", { name: "Sign in" }).click()
    await assert.doesNotReject(form.getByRole("alert").filter({ hasText: "do not match" }).waitFor())
    assert.equal(await form.getByLabel("Email").inputValue(), "ines@curator.local")
  })

  test("sign-up with missing fields shows a message next to each field", async () => {
    const page = await browser.newPage()
    await page.goto(url("/account"))
    const form = await interactive(page, "register-form")
    await form.getByLabel("Email").fill("not-an-email")
    await form.getByRole("button", { name: "Create account" }).click()
    await form.getByText("Enter your first name.").waitFor()
    await form.getByText("Enter an email address like name@example.com.").waitFor()
    await form.getByText("Use at least 8 characters for your password.").waitFor()
    assert.equal(await form.getByLabel("First name").getAttribute("aria-invalid"), "true")
  })
})

describe("account with orders", () => {
  const browser = useBrowser()

  test("a saved address fills the checkout, and the order shows in the account with its lines and totals, to its customer only", async () => {
    const page = await browser.newPage()
    const customer = await signUpFreshCustomer(page)

    await page.goto(url("/account/addresses"))
    const form = await interactive(page, "address-book-form")
    await form.getByRole("button", { name: "Save address" }).click()
    await form.getByText("Enter the street and house number.").waitFor()
    await form.getByLabel("First name").fill(BERLIN.firstName)
    await form.getByLabel("Last name").fill(BERLIN.lastName)
    await form.getByLabel("Street and house number").fill(BERLIN.street)
    await form.getByLabel("Postal code").fill(BERLIN.postalCode)
    await form.getByLabel("Town or city").fill(BERLIN.city)
    await form.getByLabel("Country").selectOption("de")
    await form.getByRole("button", { name: "Save address" }).click()
    await page
      .getByTestId("address-list")
      .getByRole("button", { name: `Delete the address ${BERLIN.street}` })
      .waitFor()
    await screenshot(page, "account-addresses")

    await addFirstProductToCart(page)
    await page.goto(url("/cart"))
    await page.getByTestId("checkout-button").click()
    // Checkout starts with the customer's email and saved address already filled in.
    const address = await interactive(page, "address-form")
    assert.equal(await address.getByLabel("Email").inputValue(), customer.email)
    assert.equal(await address.getByLabel("Street and house number").inputValue(), BERLIN.street)
    await page.goto(url("/cart"))
    const orderNumber = await checkOutFromCart(page)
    const placed = {
      lines: await page.getByTestId("line-item").locator("a").allTextContents(),
      total: await page.getByTestId("order-total").textContent(),
    }
    assert.ok(placed.lines.length > 0)

    await page.goto(url("/account/orders"))
    const listed = page.getByTestId("orders-table").getByRole("link", { name: orderNumber })
    await listed.waitFor()
    await screenshot(page, "account-orders")
    await listed.click()
    // The order opens from the list with its lines and totals.
    await page
      .getByTestId("order-title")
      .filter({ hasText: `Order ${orderNumber}` })
      .waitFor()
    assert.deepEqual(await page.getByTestId("line-item").locator("a").allTextContents(), placed.lines)
    assert.equal(await page.getByTestId("order-total").textContent(), placed.total)
    for (const total of ["order-subtotal", "order-shipping", "order-taxes"]) {
      assert.match((await page.getByTestId(total).textContent()) ?? "", /\d/)
    }
    await screenshot(page, "account-order")
    const orderUrl = page.url()

    // Another customer who has the order's address sees nothing of it.
    const other = await browser.newPage()
    await signUpFreshCustomer(other)
    const response = await other.goto(orderUrl)
    assert.equal(response?.status(), 404)
    await other.getByRole("heading", { name: "Not found" }).waitFor()
    assert.equal(await other.getByTestId("order-total").count(), 0)
  })
})
