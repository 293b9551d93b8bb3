import assert from "node:assert/strict"
import { describe, test } from "node:test"
import type { Page } from "playwright-core"
import { apiToken, storeApiGet, storeApiPost } from "./support/api"
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

  test("a product saved signed out is on /saved, and signing in merges it with what the account saved before", async () => {
    // The account, made in another browser and signed out of there, already holds one saved product.
    const customer = await signUpFreshCustomer(await browser.newPage())
    const token = await apiToken("customer", customer.email, customer.password)

    const page = await browser.newPage()
    await page.goto(url("/store"))
    const [handle, savedBeforeHandle] = await page
      .getByTestId("product-card")
      .evaluateAll((cards) => cards.slice(0, 2).map((c) => c.getAttribute("data-product-handle") ?? ""))
    const savedBefore = (await page
      .locator(`.product-card-wrap:has([data-product-handle="${savedBeforeHandle}"]) [data-testid="save-button"]`)
      .first()
      .getAttribute("data-product-id"))!
    await storeApiPost("/store/customers/me/saved-items", { product_id: savedBefore }, token)

    await page.goto(url(`/products/${handle}`))
    const save = await interactive(page, "save-button")
    const productId = (await save.first().getAttribute("data-product-id"))!
    assert.notEqual(productId, savedBefore)
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
    // Both: the one saved signed out (most recent first) and the account's own.
    assert.deepEqual(await savedOnPage(page), [productId, savedBefore])
    assert.equal(await page.getByTestId("saved-sign-in-hint").count(), 0)
    assert.equal(await savedCount(page), 2)
    // Stored in the account, and no longer in the browser's cookie.
    const { saved_items } = await storeApiGet<{ saved_items: { product_id: string }[] }>("/store/customers/me/saved-items", token)
    assert.deepEqual(saved_items.map((i) => i.product_id).sort(), [productId, savedBefore].sort())
    const cookies = await page.context().cookies()
    assert.equal(cookies.find((c) => c.name === "_curator_saved")?.value ?? "", "")

    // Removing one on the saved page removes it from the account.
    await page.locator(`[data-testid="saved-item"][data-product-id="${productId}"]`).getByTestId("remove-saved").click()
    await waitForSavedCount(page, 1)
    assert.deepEqual(await savedOnPage(page), [savedBefore])
    const after = await storeApiGet<{ saved_items: { product_id: string }[] }>("/store/customers/me/saved-items", token)
    assert.deepEqual(
      after.saved_items.map((i) => i.product_id),
      [savedBefore]
    )
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
