import assert from "node:assert/strict"
import { before, describe, test } from "node:test"
import type { Page } from "playwright-core"
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./support/admin"
import { interactive, loadAllImages, screenshot, useBrowser } from "./support/browser"
import { BACKEND_URL, url } from "./support/env"
import { cartCount } from "./support/shop"

/** A seeded product whose colours have photos of their own (the seed's variant thumbnails), read through the Admin API. */
type ColourProduct = { handle: string; thumbnail: string; pictures: Map<string, string> }

async function colourProducts(): Promise<ColourProduct[]> {
  const auth = await fetch(`${BACKEND_URL}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  })
  const { token } = (await auth.json()) as { token: string }
  const fields = "handle,thumbnail,*options,*variants,*variants.options"
  const response = await fetch(`${BACKEND_URL}/admin/products?limit=200&fields=${encodeURIComponent(fields)}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  assert.equal(response.status, 200, `GET /admin/products answered ${response.status}`)
  const { products } = (await response.json()) as {
    products: {
      handle: string
      thumbnail: string
      options: { id: string; title: string }[]
      variants: { thumbnail: string | null; options: { value: string; option_id: string }[] }[]
    }[]
  }
  return products.map((p) => {
    const pictures = new Map<string, string>()
    const colourOption = p.options.find((o) => /^colou?r$/i.test(o.title))?.id
    for (const v of p.variants) {
      const colour = v.options.find((o) => o.option_id === colourOption)?.value
      if (colour && v.thumbnail) pictures.set(colour, v.thumbnail)
    }
    return { handle: p.handle, thumbnail: p.thumbnail, pictures }
  })
}

const mainPicture = (page: Page) => page.getByTestId("gallery-main").getAttribute("src")

async function waitForMainPicture(page: Page, src: string) {
  await page.waitForFunction((expected) => document.querySelector('[data-testid="gallery-main"]')?.getAttribute("src") === expected, src)
}

describe("colours: the photos follow the colour chosen", () => {
  const browser = useBrowser()
  /** A product with two colours pictured apart, and the colour that is not its main photo. */
  let product: ColourProduct
  let colour: string
  let picture: string

  before(async () => {
    const pictured = (await colourProducts()).filter((p) => new Set(p.pictures.values()).size > 1)
    // One in Black where there is one: the closing screenshot of issue #18 is the product page after choosing Black.
    const found = pictured.find((p) => p.pictures.has("Black")) ?? pictured[0]
    assert.ok(found, "a seeded product has photos of two colours, each its variants' thumbnail")
    product = found
    ;[colour, picture] = found.pictures.has("Black")
      ? ["Black", found.pictures.get("Black")!]
      : [...found.pictures].find(([, url]) => url !== found.thumbnail)!
  })

  test("choosing a colour shows its photo; adding to the cart keeps colour and size, adds again, and the cart line shows that colour", async () => {
    const page = await browser.newPage()
    await page.goto(url(`/products/${product.handle}`))
    const picker = await interactive(page, "variant-picker")

    // The colour not shown first: its photo becomes the main picture.
    const other = [...product.pictures].find(([c]) => c !== colour)!
    await picker.getByRole("radio", { name: other[0], exact: true }).check()
    await waitForMainPicture(page, other[1])
    await picker.getByRole("radio", { name: colour, exact: true }).check()
    await waitForMainPicture(page, picture)
    assert.equal(await mainPicture(page), picture)
    await loadAllImages(page)
    await screenshot(page, `product-colour-${colour.toLowerCase()}`)

    // A size with more than one unit, so the second add can succeed.
    const size = picker
      .getByTestId("size-option")
      .filter({ hasNot: page.getByText(/Only 1 left|Out of stock/) })
      .locator("input:not([disabled])")
      .first()
    await size.check()
    const sizeValue = await size.getAttribute("value")
    await picker.getByRole("button", { name: "Add to cart" }).click()
    await page.getByTestId("added-to-cart").waitFor()

    // Still the colour and the size chosen, and the photo with them.
    assert.equal(await picker.getByRole("radio", { name: colour, exact: true }).isChecked(), true, `${colour} is still chosen`)
    assert.equal(await picker.locator('input[name="colour"]:checked').count(), 1, "one colour is chosen")
    assert.equal(await picker.locator(`input[name="variant_id"][value="${sizeValue}"]`).isChecked(), true, "the size is still chosen")
    assert.match((await picker.locator("legend").first().textContent()) ?? "", new RegExp(colour))
    assert.equal(await mainPicture(page), picture)

    // A second click adds another, rather than asking for a size (the add is a server action: a POST to the page).
    const added = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(`/products/${product.handle}`))
    await picker.getByRole("button", { name: "Add to cart" }).click()
    await added
    await page.waitForFunction(() => {
      const button = document.querySelector<HTMLButtonElement>('[data-testid="add-to-cart"]')
      return button?.textContent === "Add to cart" && !button.disabled
    })
    assert.equal(
      await picker.getByRole("alert").count(),
      0,
      (await picker
        .getByRole("alert")
        .textContent()
        .catch(() => "")) ?? ""
    )
    await page.reload()
    assert.equal(await cartCount(page), 2)

    // The cart line shows the colour bought.
    await page.goto(url("/cart"))
    const line = page.getByTestId("line-item").first()
    assert.match((await line.textContent()) ?? "", new RegExp(colour))
    assert.equal(await line.locator("img").getAttribute("src"), picture)
    await screenshot(page, "cart-colour-line")
  })

  test("a listing filtered by a colour shows each card in that colour, and the card opens the product in it", async () => {
    const page = await browser.newPage()
    await page.goto(url(`/store?colour=${encodeURIComponent(colour)}`))
    const card = page.locator(`[data-testid="product-card"][data-product-handle="${product.handle}"]`)
    await card.waitFor()
    assert.equal(await card.locator("img").getAttribute("src"), picture)
    await screenshot(page, `listing-colour-${colour.toLowerCase()}`)

    await card.click()
    const picker = await interactive(page, "variant-picker")
    assert.equal(await picker.getByRole("radio", { name: colour, exact: true }).isChecked(), true)
    assert.equal(await mainPicture(page), picture)
  })
})
