import { interactive } from "./browser"
import { url } from "./env"
import { Page } from "playwright-core"

/** On a product page: picks the first size that is in stock and adds it to the cart. */
export async function addFirstAvailableSize(page: Page) {
  const picker = await interactive(page, "variant-picker")
  const sizes = picker.getByTestId("size-option").locator("input:not([disabled])")
  await sizes.first().check()
  await picker.getByRole("button", { name: "Add to cart" }).click()
  await page.getByTestId("added-to-cart").waitFor()
}

/** A cart with one item: the shop's first product, in its first size in stock. */
export async function addFirstProductToCart(page: Page) {
  await page.goto(url("/store"))
  await page.getByTestId("product-card").first().click()
  await addFirstAvailableSize(page)
}

export async function cartCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("nav-cart").textContent()) ?? ""
  return Number(text.match(/\((\d+)\)/)?.[1] ?? NaN)
}
