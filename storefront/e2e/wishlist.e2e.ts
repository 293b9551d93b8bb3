import assert from "node:assert/strict"
import { describe, test } from "node:test"
import type { Page } from "playwright-core"
import { apiToken, storeApiGet } from "./support/api"
import { interactive, screenshot, useBrowser } from "./support/browser"
import { signIn, signUpFreshCustomer } from "./support/customer"
import { url } from "./support/env"

const savedCount = async (page: Page) => Number(((await page.getByTestId("nav-saved").textContent()) ?? "").match(/\((\d+)\)/)?.[1] ?? NaN)

async function waitForSavedCount(page: Page, count: number) {
  await page.waitForFunction((n) => document.querySelector('[data-testid="nav-saved"]')?.textContent === `Saved (${n})`, count)
}

const savedOnPage = (page: Page) => page.getByTestId("saved-item").evaluateAll((items) => items.map((i) => i.getAttribute("data-product-id") ?? ""))

describe("saved items (wishlist)", () => {
  const browser = useBrowser()

  test("a product saved signed out is on /saved, and after signing in it is still there and stored in the account", async () => {
    // The account, made in another browser and signed out of there.
    const customer = await signUpFreshCustomer(await browser.newPage())

    const page = await browser.newPage()
    await page.goto(url("/store"))
    const handle = await page.getByTestId("product-card").first().getAttribute("data-product-handle")
    await page.goto(url(`/products/${handle}`))
    const save = await interactive(page, "save-button")
    const productId = (await save.first().getAttribute("data-product-id"))!
    assert.equal(await savedCount(page), 0)
    await save.first().click()
    await page.locator('[data-testid="save-button"][aria-pressed="true"]').first().waitFor()
    await waitForSavedCount(page, 1)

    await page.getByTestId("nav-saved").click()
    await page.waitForURL(/\/saved$/)
    assert.deepEqual(await savedOnPage(page), [productId])
    await page.getByTestId("saved-sign-in-hint").waitFor()
    assert.match((await page.getByTestId("saved-item").first().locator(".product-card__price").textContent()) ?? "", /€/)
    await screenshot(page, "saved-items-signed-out")

    await signIn(page, customer)
    await page.goto(url("/saved"))
    assert.deepEqual(await savedOnPage(page), [productId])
    assert.equal(await page.getByTestId("saved-sign-in-hint").count(), 0)
    assert.equal(await savedCount(page), 1)
    // Stored in the account, and no longer in the browser's cookie.
    const token = await apiToken("customer", customer.email, customer.password)
    const { saved_items } = await storeApiGet<{ saved_items: { product_id: string }[] }>("/store/customers/me/saved-items", token)
    assert.deepEqual(
      saved_items.map((i) => i.product_id),
      [productId]
    )
    const cookies = await page.context().cookies()
    assert.equal(cookies.find((c) => c.name === "_curator_saved")?.value ?? "", "")

    // Removing it on the saved page removes it from the account.
    await page.getByTestId("remove-saved").first().click()
    await page.getByTestId("saved-empty").waitFor()
    await waitForSavedCount(page, 0)
    const after = await storeApiGet<{ saved_items: unknown[] }>("/store/customers/me/saved-items", token)
    assert.equal(after.saved_items.length, 0)
  })

  test("the heart on a product card saves and unsaves, and the header counts it", async () => {
    const page = await browser.newPage()
    await page.goto(url("/store"))
    const heart = (await interactive(page, "save-button")).first()
    const title = (await heart.getAttribute("aria-label")) ?? ""
    assert.match(title, /^Save /)
    await heart.click()
    await waitForSavedCount(page, 1)
    assert.equal(await heart.getAttribute("aria-pressed"), "true")
    await heart.click()
    await waitForSavedCount(page, 0)
    assert.equal(await heart.getAttribute("aria-pressed"), "false")
  })
})
