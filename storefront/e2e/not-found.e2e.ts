import assert from "node:assert/strict"
import { describe, test } from "node:test"
import { useBrowser } from "./support/browser"
import { url } from "./support/env"

/**
 * A page for something that does not exist answers HTTP 404 (search engines and link checkers
 * read the status, not the text), while the pages of things that do exist still answer 200.
 */
describe("missing pages", () => {
  const browser = useBrowser()

  test("a lookbook handle that does not exist answers 404 with the lookbook's not-found page", async () => {
    const page = await browser.newPage()
    const missing = await page.goto(url("/lookbooks/no-such-lookbook-at-all"))
    assert.equal(missing?.status(), 404)
    await page.getByRole("heading", { name: "This lookbook is not here" }).waitFor()

    const list = await page.goto(url("/lookbooks"))
    assert.equal(list?.status(), 200)
    const card = page.getByTestId("lookbook-card").first()
    const href = await card.getAttribute("href")
    assert.ok(href, "the seed has lookbooks")
    const found = await page.goto(new URL(href, page.url()).toString())
    assert.equal(found?.status(), 200)
    await page.getByTestId("lookbook-title").waitFor()
  })

  test("a post id that does not exist answers 404 with the feed's not-found page", async () => {
    const page = await browser.newPage()
    for (const id of ["spost_01JXXXXXXXXXXXXXXXXXXXXXXX", "not-a-post-id"]) {
      const missing = await page.goto(url(`/feed/posts/${id}`))
      assert.equal(missing?.status(), 404, id)
      await page.getByRole("heading", { name: "This post or profile is not available" }).waitFor()
    }

    const feed = await page.goto(url("/feed"))
    assert.equal(feed?.status(), 200)
    const href = await page.getByTestId("post-card").first().locator("a").first().getAttribute("href")
    assert.ok(href, "the seed has published posts")
    const found = await page.goto(new URL(href, page.url()).toString())
    assert.equal(found?.status(), 200)
    await page.getByTestId("post-author").waitFor()
  })
})
