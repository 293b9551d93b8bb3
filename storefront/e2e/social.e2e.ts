import assert from "node:assert/strict"
import crypto from "node:crypto"
import { describe, test } from "node:test"
import { Page } from "playwright-core"
import { screenshot, useBrowser, interactive, submitAndWait } from "./support/browser"
import { signUpFreshCustomer } from "./support/customer"
import { url } from "./support/env"
import { outfitPhoto } from "./support/photo"

/** Clicks "Load more" until a post card with this caption shows up, or the list ends. */
async function findPostInList(page: Page, caption: string) {
  const card = page.getByTestId("post-card").filter({ hasText: caption })
  for (let pages = 0; pages < 10; pages++) {
    if (await card.count()) return card.first()
    const more = page.getByTestId("load-more")
    if (!(await more.count())) break
    const before = await page.getByTestId("post-card").count()
    await more.click()
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="post-card"]').length > n || !document.querySelector('[data-testid="load-more"]'),
      before
    )
  }
  return (await card.count()) ? card.first() : null
}

describe("social feed", () => {
  const browser = useBrowser()

  test("sign up → create a post with a product tag → it appears in the feed and on its post page", async () => {
    const page = await browser.newPage()
    await signUpFreshCustomer(page)
    const caption = `Weekend layers ${crypto.randomBytes(3).toString("hex")}`

    await page.goto(url("/feed"))
    await page.getByTestId("new-post-link").click()
    const form = await interactive(page, "create-post-form")

    // Sharing without a photo says what is missing.
    await form.getByRole("button", { name: "Share post" }).click()
    await form.getByText("Add at least one photo of your outfit.").waitFor()

    // A file that is no picture (whatever its name says): a message, and no broken preview.
    await form.getByLabel(/^Photos/).setInputFiles({ name: "outfit.png", mimeType: "image/png", buffer: Buffer.from("not a photo at all") })
    await form.getByRole("alert").filter({ hasText: "“outfit.png” could not be opened as a photo" }).waitFor()
    assert.equal(await form.getByTestId("composer-photo").count(), 0)

    await form.getByLabel(/^Photos/).setInputFiles(await outfitPhoto(page, caption))
    await form.getByTestId("composer-photo").waitFor()
    await form.getByLabel(/^Caption/).fill(caption)

    // Tag a product found with the shop's search, then place the tag on the photo.
    await form.getByLabel("Search the shop").fill("coat")
    await form.getByRole("button", { name: "Search", exact: true }).click()
    const firstResult = form.getByTestId("tag-search-results").getByRole("button").first()
    const productTitle = ((await firstResult.getAttribute("aria-label")) ?? "").replace(/^Tag /, "")
    assert.ok(productTitle, "the search finds a product to tag")
    await firstResult.click()
    await form.getByTestId("draft-tags").getByText(`1. ${productTitle}`).waitFor()
    // Optionally the exact variant worn.
    const variant = form.getByLabel(`Variant of ${productTitle}`)
    if (await variant.count()) await variant.selectOption({ index: 1 })
    const stage = form.getByTestId("composer-photo")
    const box = (await stage.boundingBox())!
    await stage.click({ position: { x: box.width * 0.5, y: box.height * 0.4 } })
    await form.getByRole("button", { name: "Move on photo" }).waitFor()
    await screenshot(page, "feed-new-post")

    await form.getByRole("button", { name: "Share post" }).click()

    // The post page: the caption, the tagged product in the list and as a marker on the photo.
    await page.waitForURL(/\/feed\/posts\/[^/]+$/)
    const postUrl = page.url()
    assert.equal((await page.getByTestId("post-caption").textContent())?.trim(), caption)
    const tagged = page.getByTestId("tagged-product")
    assert.equal(await tagged.count(), 1)
    assert.match((await tagged.textContent()) ?? "", new RegExp(productTitle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    assert.match((await tagged.getAttribute("href")) ?? "", /\/de\/products\/[^/]+$/)
    const marker = page.getByTestId("tag-marker")
    assert.equal(await marker.count(), 1)
    assert.equal(await marker.getAttribute("aria-label"), `Tagged product 1: ${productTitle}`)
    const photo = page.locator(".photo-stage img").first()
    await photo.waitFor()
    assert.ok(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), "the uploaded photo is served")
    await screenshot(page, "feed-post")

    // Like and comment on it.
    await page.getByTestId("like-button").click()
    await page.getByTestId("like-button").filter({ hasText: "Liked" }).waitFor()
    const commentForm = await interactive(page, "comment-form")
    await commentForm.getByLabel("Add a comment").fill("Love the coat.")
    await commentForm.getByRole("button", { name: "Post comment" }).click()
    await page.getByTestId("comment").filter({ hasText: "Love the coat." }).waitFor()

    // The feed: the new post is there (for you, and popular).
    await page.goto(url("/feed"))
    assert.ok(await findPostInList(page, caption), "the post is in the for-you feed")
    await screenshot(page, "feed")
    await page.goto(url("/feed?tab=popular"))
    assert.ok(await findPostInList(page, caption), "the post is in the popular feed")

    // A guest sees it too, and is sent to sign in to act on it.
    const guest = await browser.newPage()
    await guest.goto(url("/feed"))
    await guest.getByText(/Sign in\s+to follow people/).waitFor()
    await guest.goto(postUrl)
    await guest.getByTestId("like-sign-in").waitFor()
    await guest.getByTestId("like-sign-in").click()
    await guest.waitForURL(/\/account$/)
  })

  test("follow an author from a post → their posts fill the following tab; comment, reply and report", async () => {
    const guest = await browser.newPage()
    await guest.goto(url("/feed"))
    assert.ok((await guest.getByTestId("post-card").count()) > 0, "guests see the popular posts")

    const page = await browser.newPage()
    await signUpFreshCustomer(page)
    await page.goto(url("/feed?tab=following"))
    await page.getByTestId("feed-empty").getByRole("link", { name: "See popular posts" }).click()
    await page.waitForURL(/tab=popular/)

    // From a popular post to its author's profile: follow.
    await page.getByTestId("post-card").first().locator("a").first().click()
    await page.waitForURL(/\/feed\/posts\//)
    const postUrl = page.url()
    const author = ((await page.getByTestId("post-author").textContent()) ?? "").trim()
    await page.getByTestId("post-author").click()
    await page.getByTestId("profile-name").filter({ hasText: author }).waitFor()
    const followers = Number(await page.getByTestId("follower-count").textContent())
    await page.getByTestId("follow-button").click()
    await page
      .getByTestId("follow-button")
      .filter({ hasText: `Following ${author}` })
      .waitFor()
    assert.equal(Number(await page.getByTestId("follower-count").textContent()), followers + 1)
    await screenshot(page, "feed-profile")

    // The following tab now holds that author's posts, and only theirs.
    await page.goto(url("/feed?tab=following"))
    const authors = await page.getByTestId("post-card").locator(".post-card__meta a").allTextContents()
    assert.ok(authors.length > 0, "the following tab has posts")
    assert.deepEqual([...new Set(authors)], [author])

    // Comment, then reply to the comment.
    await page.goto(postUrl)
    const comment = `Where is the jacket from? ${crypto.randomBytes(2).toString("hex")}`
    const commentForm = await interactive(page, "comment-form")
    await commentForm.getByLabel("Add a comment").fill(comment)
    const mine = page.getByTestId("comment").filter({ hasText: comment }).first()
    await submitAndWait(commentForm, commentForm.getByRole("button", { name: "Post comment" }), mine)
    await mine.getByRole("button", { name: "Reply" }).click()
    const replyForm = await interactive(mine, "reply-form")
    await replyForm.getByLabel(/^Reply to /).fill("Found it in the shop.")
    await submitAndWait(
      replyForm,
      replyForm.getByRole("button", { name: "Post reply" }),
      mine.getByRole("list", { name: /^Replies to / }).getByText("Found it in the shop.")
    )

    // Report the post with a reason.
    await page.getByText("Report this post").click()
    const report = await interactive(page, "report-form")
    await report.getByLabel("Reason").selectOption("counterfeit")
    await report.getByRole("button", { name: "Send report" }).click()
    await page.getByText("Thank you. Our moderators will look at this post.").waitFor()
    await screenshot(page, "feed-post-engaged")

    // Unfollow again.
    await page.goto(url(`/feed/customers/${(await page.getByTestId("post-author").getAttribute("href"))!.split("/").pop()}`))
    await page.getByTestId("follow-button").click()
    await page
      .getByTestId("follow-button")
      .filter({ hasText: `Follow ${author}` })
      .waitFor()
    assert.equal(Number(await page.getByTestId("follower-count").textContent()), followers)
  })
})
