import assert from "node:assert/strict"
import { describe, test } from "node:test"
import { screenshot, useBrowser } from "./support/browser"
import { STOREFRONT_URL, url } from "./support/env"
import { addFirstProductToCart } from "./support/shop"

describe("search and cart", () => {
  const browser = useBrowser()

  test("the search box suggests as the shopper types; arrows, Enter and Escape work", async () => {
    const page = await browser.newPage()
    await page.goto(url("/"))
    const box = page.getByRole("combobox", { name: "Search products" })
    const list = page.getByRole("listbox", { name: "Search suggestions" })

    await box.pressSequentially("knit", { delay: 60 })
    await list.waitFor()
    const options = list.getByRole("option")
    assert.ok((await options.count()) > 0, "typing 'knit' offers suggestions")
    assert.equal(await box.getAttribute("aria-expanded"), "true")
    assert.match((await options.allTextContents()).join(" | "), /Knitwear/, "the Knitwear category is suggested")
    await screenshot(page, "search-suggestions")

    // Escape closes the list and leaves the text.
    await box.press("Escape")
    await list.waitFor({ state: "hidden" })
    assert.equal(await box.inputValue(), "knit")

    // Arrow down highlights the first suggestion; Enter opens it.
    await box.press("ArrowDown")
    await list.waitFor()
    const first = options.first()
    assert.equal(await first.getAttribute("aria-selected"), "true")
    assert.equal(await box.getAttribute("aria-activedescendant"), await first.getAttribute("id"))
    const label = ((await first.locator("span").first().textContent()) ?? "").trim()
    await box.press("Enter")
    await page.waitForURL(/\/(categories|products)\//)
    await page.getByRole("heading", { level: 1, name: label }).waitFor()
  })

  test("searching 'sweater' finds jumpers, 'tshirt' and 'tee' T-shirts and 'trainers' sneakers, each uncorrected and nothing else", async () => {
    const page = await browser.newPage()
    const titlesFor = async (q: string) => {
      await page.goto(url(`/search?q=${encodeURIComponent(q)}`))
      const count = ((await page.getByTestId("result-count").textContent()) ?? "").trim()
      // Each word is a catalog term of its own: searched as typed, never "corrected" (e.g. "tshirt" to "shirt").
      assert.match(count, new RegExp(`^\\d+ products? for “${q}”$`), `${q}: ${count}`)
      return page.getByTestId("product-card").locator(".product-card__title").allTextContents()
    }
    // The demo catalog names its knitwear "Crewneck Jumper", its tops "T-Shirt" and its shoes "Sneakers".
    for (const [q, wanted] of [
      // Knitwear only: "Recycled Knit Loafers" are knit, not a sweater.
      ["sweater", /Jumper|Sweater|Cardigan|Knitted Vest|Cable Knit/],
      ["jumper", /Jumper|Sweater|Cardigan|Knitted Vest|Cable Knit/],
      ["tshirt", /T-Shirt/],
      ["tee", /T-Shirt/],
      ["trainers", /Sneakers/],
    ] as const) {
      const titles = await titlesFor(q)
      assert.ok(titles.length > 0, `'${q}' finds products`)
      for (const title of titles) assert.match(title, wanted, `'${q}' finds only what it names, not ${title}`)
    }
    // "shirt" alone is the shirts, T-shirts among them: the T-shirt search above was not that one.
    assert.ok(
      (await titlesFor("shirt")).some((t) => !/T-Shirt/.test(t)),
      "'shirt' also finds shirts that are not T-shirts"
    )
  })

  test("a euro cart opened on /us/cart shows dollars, and euros again on /de/cart", async () => {
    const page = await browser.newPage()
    await addFirstProductToCart(page)
    await page.goto(url("/cart"))
    assert.match((await page.getByTestId("cart-subtotal").textContent()) ?? "", /€/)

    await page.goto(`${STOREFRONT_URL}/us/cart`)
    assert.match((await page.getByTestId("cart-subtotal").textContent()) ?? "", /\$/)
    await page.reload()
    assert.match((await page.getByTestId("cart-subtotal").textContent()) ?? "", /\$/, "still dollars on the next visit")
    await screenshot(page, "cart-us")

    await page.goto(`${STOREFRONT_URL}/de/cart`)
    assert.match((await page.getByTestId("cart-subtotal").textContent()) ?? "", /€/)
  })

  test("checkout without a Stripe payment loads nothing from Stripe", async () => {
    const page = await browser.newPage()
    const stripeRequests: string[] = []
    page.on("request", (r) => /stripe\.com/.test(r.url()) && stripeRequests.push(r.url()))
    await addFirstProductToCart(page)
    await page.goto(url("/checkout"))
    await page.getByTestId("address-form").waitFor()
    await page.waitForLoadState("networkidle")
    assert.deepEqual(stripeRequests, [], "no request to Stripe")
    assert.equal(await page.locator('script[src*="stripe"]').count(), 0, "no Stripe script tag")
  })
})
