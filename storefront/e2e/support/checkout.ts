import { interactive } from "./browser"
import { Locator, Page } from "playwright-core"

export type TestAddress = { firstName: string; lastName: string; street: string; postalCode: string; city: string; country: string }

export const BERLIN: TestAddress = {
  firstName: "Test",
  lastName: "Shopper",
  street: "Torstraße 1",
  postalCode: "10119",
  city: "Berlin",
  country: "de",
}

/** Fills an address form's fields (only the empty ones with `onlyEmpty`), the country last. */
export async function fillAddress(form: Locator, a: TestAddress, options: { email?: string; onlyEmpty?: boolean } = {}) {
  const fill = async (label: string, value: string | undefined) => {
    if (value === undefined || (options.onlyEmpty && (await form.getByLabel(label).inputValue()))) return
    await form.getByLabel(label).fill(value)
  }
  await fill("Email", options.email)
  await fill("First name", a.firstName)
  await fill("Last name", a.lastName)
  await fill("Street and house number", a.street)
  await fill("Postal code", a.postalCode)
  await fill("Town or city", a.city)
  await form.getByLabel("Country").selectOption(a.country)
}

/** From the cart page through address (filled only where empty), delivery, payment and review to the confirmation. */
export async function checkOutFromCart(page: Page, options: { email?: string; address?: TestAddress } = {}) {
  await page.getByTestId("checkout-button").click()
  const form = await interactive(page, "address-form")
  await fillAddress(form, options.address ?? BERLIN, { email: options.email, onlyEmpty: true })
  await form.getByRole("button", { name: "Continue to delivery" }).click()
  await interactive(page, "delivery-form")
  await page.getByTestId("delivery-submit").click()
  await interactive(page, "payment-form")
  await page.getByTestId("payment-submit").click()
  await page.getByTestId("place-order").click()
  await page.getByTestId("order-confirmed").waitFor()
  return ((await page.getByTestId("order-number").textContent()) ?? "").trim()
}
