import assert from "node:assert/strict"
import { describe, test } from "node:test"
import type { Locator, Page, Request } from "playwright-core"
import { adminApiGet, storeApiGet } from "./support/api"
import { interactive, screenshot, submitAndWait, useBrowser } from "./support/browser"
import { signUpFreshCustomer } from "./support/customer"
import { url } from "./support/env"
import { outfitPhoto } from "./support/photo"
import { cartCount } from "./support/shop"

const SIZES = { tops: "M", trousers: "M", shoes: "40" }

/** The product ids of the "For you" items on the page. */
const itemIds = (page: Page) => page.getByTestId("recommended-item").evaluateAll((items) => items.map((i) => i.getAttribute("data-product-id") ?? ""))

/** The browser's interaction reports (views, clicks) to the storefront's /api/interactions. */
const isInteractionReport = (r: Request) => r.method() === "POST" && new URL(r.url()).pathname === "/api/interactions"

/** Clicks recorded with surface for_you today, as the admin's Recommendations page reads them. */
async function forYouClicks(): Promise<number> {
  const stats = await adminApiGet<{ surfaces: { surface: string; clicks: number }[] }>("/admin/recommendations/stats?days=1")
  return stats.surfaces.find((s) => s.surface === "for_you")?.clicks ?? 0
}

/** Waits for a server action (a POST to the page) to be answered. */
const actionAnswered = (page: Page) => page.waitForResponse((r) => r.request().method() === "POST" && Boolean(r.request().headers()["next-action"]))

describe("recommendations", () => {
  const browser = useBrowser({ viewport: { width: 390, height: 844 } })
  let shopper: Page | undefined
  let shopperLooks: string[] = []

  /** The product ids of the quiz's looks that are picked. */
  const pickedLooks = (page: Page) =>
    page
      .getByTestId("quiz-look-input")
      .evaluateAll((inputs) => inputs.filter((i) => (i as HTMLInputElement).checked).map((i) => (i as HTMLInputElement).value))

  /**
   * On the quiz's first step, "Looks you like": picks the first two looks, the first by keyboard
   * (Tab onto the card's checkbox, Space), and moves on. Answers the picked product ids.
   */
  async function pickTwoLooks(page: Page, quiz: Locator): Promise<string[]> {
    assert.equal(await quiz.getByTestId("quiz-step-heading").textContent(), "Looks you like")
    const cards = quiz.getByTestId("quiz-look")
    const count = await cards.count()
    assert.ok(count >= 8 && count <= 12, `8 to 12 looks (${count})`)
    assert.equal(await quiz.locator('[data-testid="quiz-look"] img').count(), count, "every look has a photo")
    for (const input of await quiz.getByTestId("quiz-look-input").all()) if (await input.isChecked()) await input.uncheck()
    await quiz.getByTestId("quiz-step-heading").focus()
    await page.keyboard.press("Tab")
    await page.keyboard.press("Space")
    await cards.nth(1).click()
    assert.equal(await quiz.getByTestId("quiz-looks-count").textContent(), "2 picked")
    const picked = await pickedLooks(page)
    assert.equal(picked.length, 2)
    await screenshot(page, "style-quiz-looks-phone")
    await quiz.getByTestId("quiz-next").click()
    return picked
  }

  /** Answers the style quiz (two looks, sizes, a liked colour, an occasion) and saves it: the page ends on For you. */
  async function takeQuiz(page: Page): Promise<string[]> {
    await page.goto(url("/for-you/quiz"))
    const quiz = (await interactive(page, "style-quiz")).first()
    const looks = await pickTwoLooks(page, quiz)
    assert.equal(await quiz.getByTestId("quiz-step-heading").textContent(), "Your sizes")
    await quiz.getByTestId("quiz-size-tops").selectOption(SIZES.tops)
    await quiz.getByTestId("quiz-size-trousers").selectOption(SIZES.trousers)
    await quiz.getByTestId("quiz-size-shoes").selectOption(SIZES.shoes)
    // Keyboard: Next by Enter, and focus lands on the new step's heading.
    await quiz.getByTestId("quiz-next").focus()
    await page.keyboard.press("Enter")
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "quiz-step-heading")
    assert.equal(await quiz.getByTestId("quiz-step-heading").textContent(), "Your budget")
    await quiz.getByTestId("quiz-next").click()
    await quiz.getByTestId("quiz-colours-liked").getByLabel("Navy").check()
    await quiz.getByTestId("quiz-next").click()
    await quiz.getByTestId("quiz-occasions").getByLabel("Everyday").check()
    await screenshot(page, "style-quiz-phone")
    await quiz.getByTestId("quiz-save").click()
    await page.waitForURL(/\/for-you$/)
    return looks
  }

  /** A guest who has taken the style quiz (once for the file: every test reads the same profile). */
  async function shopperWithProfile(): Promise<Page> {
    if (shopper) return shopper
    const page = await browser.newPage()
    shopperLooks = await takeQuiz(page)
    shopper = page
    return page
  }

  test("the quiz saves a profile (guest cookie), For you shows items in the chosen sizes with reasons, and the quiz opens prefilled", async () => {
    const page = await shopperWithProfile()
    const cookies = await page.context().cookies()
    const guest = cookies.find((c) => c.name === "_curator_guest")
    assert.ok(guest?.value, "the backend's guest cookie reached the browser")
    assert.ok(guest.httpOnly, "the guest cookie is httpOnly")

    await page.getByTestId("recommended-item").first().waitFor()
    await screenshot(page, "for-you-phone")
    const items = page.getByTestId("recommended-item")
    const count = await items.count()
    assert.ok(count > 0)
    for (let i = 0; i < count; i++) {
      const item = items.nth(i)
      const size = (await item.getAttribute("data-size")) ?? ""
      // A sized product is in one of the quiz's sizes; one-size products have none.
      assert.ok(size === "" || Object.values(SIZES).includes(size), `item ${i} is in size ${size}`)
      const reasons = (await item.getByTestId("product-reasons").textContent()) ?? ""
      assert.ok(reasons.trim().length > 0, `item ${i} says why it is recommended`)
    }
    assert.match((await page.getByTestId("product-reasons").allTextContents()).join(" "), /your size|budget|navy|everyday/i)

    await page.getByTestId("edit-style-profile").click()
    await page.waitForURL(/\/for-you\/quiz$/)
    const quiz = (await interactive(page, "style-quiz")).first()
    assert.equal(await quiz.getByTestId("quiz-size-tops").inputValue(), SIZES.tops)
    assert.equal(await quiz.getByTestId("quiz-size-shoes").inputValue(), SIZES.shoes)
    assert.ok(await quiz.getByTestId("quiz-colours-liked").getByLabel("Navy").isChecked())
    assert.deepEqual((await pickedLooks(page)).sort(), [...shopperLooks].sort(), "the looks picked are picked again")
    await page.goto(url("/for-you"))
  })

  test("looks picked with the colours left empty steer For you; the account shows the style profile and edits it in the quiz", async () => {
    const page = await browser.newPage()
    await signUpFreshCustomer(page)
    const section = page.getByTestId("account-style-profile")
    assert.equal(await section.getByRole("heading").textContent(), "Style profile")
    await section.getByTestId("style-profile-empty").waitFor()
    await section.getByTestId("style-profile-edit").click()
    await page.waitForURL(/\/for-you\/quiz$/)
    let quiz = (await interactive(page, "style-quiz")).first()
    const looks = await pickTwoLooks(page, quiz)
    await quiz.getByTestId("quiz-size-tops").selectOption("S")
    await quiz.getByTestId("quiz-size-shoes").selectOption(SIZES.shoes)
    // Saved from the sizes step: colours, styles, occasions and brands come from the looks.
    await quiz.getByTestId("quiz-save").click()
    await page.waitForURL(/\/for-you$/)
    await page.getByTestId("recommended-item").first().waitFor()
    assert.match(
      (await page.getByTestId("product-reasons").allTextContents()).join(" "),
      /a colour you like|a brand you like|you liked/,
      "For you says it follows the looks picked"
    )

    await page.goto(url("/account"))
    const summary = page.getByTestId("style-profile-summary")
    await summary.waitFor()
    assert.match((await summary.getByTestId("style-profile-sizes").textContent()) ?? "", /Tops S/)
    assert.ok(((await summary.getByTestId("style-profile-colours").textContent()) ?? "").trim(), "colours taken from the looks")
    await screenshot(page, "account-style-profile")

    // Editing: the quiz opens with the saved answers and looks; a look unpicked and a size changed are saved.
    await page.getByTestId("style-profile-edit").click()
    await page.waitForURL(/\/for-you\/quiz$/)
    quiz = (await interactive(page, "style-quiz")).first()
    assert.deepEqual((await pickedLooks(page)).sort(), [...looks].sort())
    await quiz.locator(`[data-testid="quiz-look-input"][value="${looks[0]}"]`).uncheck()
    assert.equal(await quiz.getByTestId("quiz-looks-count").textContent(), "1 picked")
    await quiz.getByTestId("quiz-next").click()
    assert.equal(await quiz.getByTestId("quiz-size-tops").inputValue(), "S")
    await quiz.getByTestId("quiz-size-tops").selectOption("L")
    await quiz.getByTestId("quiz-save").click()
    await page.waitForURL(/\/for-you$/)
    await page.goto(url("/account"))
    assert.match((await page.getByTestId("style-profile-sizes").textContent()) ?? "", /Tops L/)
    await page.goto(url("/for-you/quiz"))
    await interactive(page, "style-quiz")
    assert.deepEqual(await pickedLooks(page), [looks[1]])
  })

  test("dismissing an item removes it at once, and it does not come back after a reload", async () => {
    const page = await shopperWithProfile()
    await page.goto(url("/for-you"))
    const list = (await interactive(page, "recommended-items")).first()
    const first = list.getByTestId("recommended-item").first()
    const productId = (await first.getAttribute("data-product-id"))!
    const answered = actionAnswered(page)
    await first.getByTestId("feedback-dismiss").click()
    assert.equal(await page.locator(`[data-testid="recommended-item"][data-product-id="${productId}"]`).count(), 0, "gone at once")
    assert.equal((await answered).status(), 200)
    await page.reload()
    await page.getByTestId("recommended-item").or(page.getByTestId("items-no-match")).first().waitFor()
    assert.ok(!(await itemIds(page)).includes(productId), "a dismissed product does not come back")
  })

  test("an outfit has its total in the region's currency and goes into the cart in one click", async () => {
    const page = await shopperWithProfile()
    await page.goto(url("/for-you"))
    const outfit = (await interactive(page, "recommended-outfit")).first()
    assert.match((await outfit.getByTestId("outfit-total").textContent()) ?? "", /€/)
    assert.ok(((await outfit.getByTestId("outfit-reasons").textContent()) ?? "").trim().length > 0)
    const pieces = await outfit.locator('[data-testid="outfit-piece"]:not([data-source="wardrobe"])').count()
    assert.ok(pieces >= 2, "an outfit has at least two pieces")
    const before = await cartCount(page)
    await submitAndWait(outfit, outfit.getByTestId("add-outfit"), outfit.getByTestId("outfit-result"))
    assert.match((await outfit.getByTestId("outfit-result").textContent()) ?? "", /Added to your cart/)
    await page.goto(url("/cart"))
    assert.ok((await cartCount(page)) >= before + 2, "the outfit's pieces are in the cart")
  })

  test("complete the look shows on a product page, apart from similar items, and never another product of its category", async () => {
    const page = await shopperWithProfile()
    await page.goto(url("/for-you"))
    const piece = (await interactive(page, "recommended-outfit"))
      .first()
      .locator('[data-testid="outfit-piece"]:not([data-source="wardrobe"])')
      .first()
    const productId = (await piece.getAttribute("data-product-id"))!
    await piece.getByRole("link").click()
    await page.getByTestId("product-title").waitFor()
    const section = page.getByTestId("complete-the-look")
    await section.waitFor()
    await screenshot(page, "complete-the-look")
    const categoryHref = (await page.getByRole("navigation", { name: "Breadcrumb" }).locator('a[href*="/categories/"]').getAttribute("href")) ?? ""
    const pageCategory = categoryHref.split("/categories/")[1]
    assert.ok(pageCategory, "the product has a category")
    const outfits = section.getByTestId("recommended-outfit")
    const count = await outfits.count()
    assert.ok(count >= 1 && count <= 2, `one or two outfits (${count})`)
    const pieces = await section
      .getByTestId("outfit-piece")
      .evaluateAll((els) => els.map((e) => ({ id: e.getAttribute("data-product-id"), category: e.getAttribute("data-category") })))
    assert.ok(
      pieces.some((p) => p.id === productId),
      "the outfits are built around the page's product"
    )
    for (const p of pieces.filter((p) => p.id !== productId)) assert.notEqual(p.category, pageCategory, `${p.id} is of another category`)
    assert.ok(await section.getByTestId("add-outfit").first().isVisible())
  })

  test("the guest profile joins the account at sign-up; dress me completes a wardrobe piece with at most two catalog pieces", async () => {
    // The quiz taken as a guest moves into the account at sign-up, and the guest cookie goes.
    const page = await browser.newPage()
    await takeQuiz(page)
    await signUpFreshCustomer(page)
    assert.equal((await page.context().cookies()).find((c) => c.name === "_curator_guest")?.value ?? "", "")
    await page.goto(url("/for-you/quiz"))
    const quiz = (await interactive(page, "style-quiz")).first()
    assert.equal(await quiz.getByTestId("quiz-size-tops").inputValue(), SIZES.tops)

    await page.goto(url("/wardrobe/items/new"))
    const form = await interactive(page, "item-form")
    await form.getByLabel("Name").fill("Navy trousers")
    await form.getByLabel("Category").fill("Trousers")
    await form.getByLabel("Colours").fill("navy")
    await form.getByLabel("Photo").setInputFiles(await outfitPhoto(page, "Navy trousers"))
    await form.getByRole("img", { name: "The chosen photo" }).waitFor()
    await form.getByRole("button", { name: "Add to wardrobe" }).click()
    await page.getByTestId("item-name").filter({ hasText: "Navy trousers" }).waitFor()
    await page.goto(url("/wardrobe"))
    const section = page.getByTestId("dress-me")
    await section.waitFor()
    await screenshot(page, "dress-me")
    const outfit = section.getByTestId("recommended-outfit").first()
    assert.equal(await outfit.locator('[data-testid="outfit-piece"][data-source="wardrobe"]').count(), 1)
    assert.ok((await outfit.locator('[data-testid="outfit-piece"]:not([data-source="wardrobe"])').count()) <= 2)
  })

  test("a product page records one view (a new guest gets the guest cookie from it); a click on a For you card records a click for for_you", async () => {
    const { products } = await storeApiGet<{ products: { id: string; handle: string }[] }>("/store/products?limit=1&fields=id,handle")
    const product = products[0]
    const visitor = await browser.newPage()
    const reports: Request[] = []
    visitor.on("request", (r) => {
      if (isInteractionReport(r)) reports.push(r)
    })
    const answered = visitor.waitForResponse((r) => isInteractionReport(r.request()))
    await visitor.goto(url(`/products/${product.handle}`))
    // (A beacon's body is not visible to the test: the answer and its cookie are.)
    assert.equal((await answered).status(), 200)
    // Page loads never issue the guest cookie: this one came back with the recorded view, so the view is this guest's.
    const guest = (await visitor.context().cookies()).find((c) => c.name === "_curator_guest")
    assert.ok(guest?.value && guest.httpOnly, "the view's answer gave the new guest their httpOnly guest cookie")
    await visitor.waitForTimeout(500)
    assert.equal(reports.length, 1, "one view per page load")

    const page = await shopperWithProfile()
    await page.goto(url("/for-you"))
    const card = (await interactive(page, "recommended-items")).first().getByTestId("recommended-item").first()
    const handle = (await card.getByTestId("product-card").getAttribute("data-product-handle"))!
    const before = await forYouClicks()
    const clicked = page.waitForResponse((r) => isInteractionReport(r.request()))
    await card.getByTestId("product-card").click()
    assert.equal((await clicked).status(), 200)
    await page.waitForURL((u) => u.pathname.endsWith(`/products/${handle}`))
    await page.getByTestId("product-title").waitFor()
    let after = await forYouClicks()
    for (let i = 0; i < 40 && after < before + 1; i++) {
      await page.waitForTimeout(250)
      after = await forYouClicks()
    }
    assert.equal(after, before + 1, "the admin's figures count the click once")
  })
})
