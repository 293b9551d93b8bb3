import { Page } from "playwright-core"

/** On a product page: picks the first size that is in stock and adds it to the cart. */
export async function addFirstAvailableSize(page: Page) {
  const picker = page.getByTestId("variant-picker")
  await page.locator('[data-testid="variant-picker"][data-hydrated="true"]').waitFor()
  const sizes = picker.getByTestId("size-option").locator("input:not([disabled])")
  await sizes.first().check()
  await picker.getByRole("button", { name: "Add to cart" }).click()
  await page.getByTestId("added-to-cart").waitFor()
}

export async function cartCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("nav-cart").textContent()) ?? ""
  return Number(text.match(/\((\d+)\)/)?.[1] ?? NaN)
}
