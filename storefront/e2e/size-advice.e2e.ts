import assert from "node:assert/strict"
import { before, describe, test } from "node:test"
import { adminApiGet } from "./support/api"
import { screenshot, useBrowser } from "./support/browser"
import { url } from "./support/env"

/** Brands the demo cuts differently (src/scripts/demo-catalog/size-charts.ts): their sizes would differ from the standard chart's. */
const OWN_CUT_BRANDS = ["Kestrel", "Oaken Studio"]

/** A seeded top of a brand cut to the shop's standard chart. */
async function standardTop(): Promise<string> {
  const { product_categories } = await adminApiGet<{ product_categories: { id: string }[] }>("/admin/product-categories?handle=tops&limit=1")
  assert.ok(product_categories[0], "the demo shop has a Tops category")
  const { products } = await adminApiGet<{ products: { handle: string; status: string; metadata: { brand?: string } | null }[] }>(
    `/admin/products?category_id[]=${product_categories[0].id}&limit=50&fields=handle,status,metadata`
  )
  const top = products.find((p) => p.status === "published" && !OWN_CUT_BRANDS.includes(p.metadata?.brand ?? ""))
  assert.ok(top, "a published top of a standard-cut brand")
  return top.handle
}

/**
 * "Find my size" on a product page: a shopper without a profile enters chest and waist in the small
 * form and reads the advice line (size, fit per measurement, stock); the measurements stay on the
 * device for the next page.
 */
describe("size advice on the product page", () => {
  const browser = useBrowser()
  let handle = ""

  before(async () => {
    handle = await standardTop()
  })

  test("measurements typed in the form give the size, its fit and its stock", async () => {
    const page = await browser.newPage()
    await page.goto(url(`/products/${handle}`))
    const advice = page.getByTestId("size-advice")
    await advice.getByRole("heading", { name: "Find my size" }).waitFor()
    // No profile and nothing typed yet: the form is offered.
    const form = advice.getByTestId("size-advice-form")
    await form.waitFor()
    await form.getByLabel("Chest (cm)").fill("95")
    await form.getByLabel("Waist (cm)").fill("77")
    await form.getByRole("button", { name: "Show my size" }).click()

    const line = advice.getByTestId("size-advice-line")
    await line.waitFor()
    const text = (await line.textContent()) ?? ""
    assert.match(text, /^We recommend M: chest regular, waist regular; M is (in stock|out of stock here)/)
    await screenshot(page, "size-advice")

    // The next visit reads the stored measurements at once; changing them changes the advice.
    await page.reload()
    await advice.getByTestId("size-advice-line").waitFor()
    assert.match((await advice.getByTestId("size-advice-line").textContent()) ?? "", /^We recommend M:/)
    await advice.getByTestId("size-advice-edit").click()
    await form.getByLabel("Chest (cm)").fill("101")
    await form.getByLabel("Waist (cm)").fill("83")
    await form.getByRole("button", { name: "Show my size" }).click()
    await page.waitForFunction(() => /^We recommend L:/.test(document.querySelector('[data-testid="size-advice-line"]')?.textContent ?? ""))
  })
})
