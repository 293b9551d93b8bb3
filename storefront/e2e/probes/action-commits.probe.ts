/**
 * Probe, not a test: how often a server action's result never reaches the screen.
 *
 * Signed-in shoppers post PROBE_N comments (spread over the first five popular posts, a fresh
 * shopper for each post, so that none reaches the 120-an-hour comment limit) with the page's CPU
 * slowed PROBE_THROTTLE times, and count comments that do not appear within 15 s ("stuck": the
 * action answered, its transition never committed) and those that took over 1.5 s. Next.js 15.5's
 * React lost that wake-up (vercel/next.js#98303, fixed by facebook/react#36134), about one action
 * in ten here, and every pending button nudged React once a second; Next.js 16.5's React has the
 * fix and the nudge is gone. Run it on a busy machine (other work on every core):
 *
 *   npm test storefront storefront/e2e/probes/action-commits.probe.ts
 */
import crypto from "node:crypto"
import { describe, test } from "node:test"
import { useBrowser, interactive } from "../support/browser"
import { url } from "../support/env"
import { signUpFreshCustomer } from "../support/customer"

const N = Number(process.env.PROBE_N || 200)
const THROTTLE = Number(process.env.PROBE_THROTTLE || 4)

describe("server action commits", () => {
  const browser = useBrowser()
  test(`${N} comments, CPU slowed ${THROTTLE}×`, async () => {
    let page = await browser.newPage()
    await page.goto(url("/feed?tab=popular"))
    const posts = (
      await page
        .getByTestId("post-card")
        .locator("a[href*='/feed/posts/']")
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
    )
      .filter((h, i, all) => all.indexOf(h) === i)
      .slice(0, 5)
    // A post page lists its first 100 comments: spread the comments over several posts.
    const perPost = Math.ceil(N / posts.length)
    let stuck = 0
    let slow = 0
    for (let i = 0; i < N; i += 1) {
      if (i % perPost === 0) {
        await page.context().close()
        page = await browser.newPage()
        await signUpFreshCustomer(page)
        const cdp = await page.context().newCDPSession(page)
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE })
        await page.goto(posts[Math.floor(i / perPost)]!)
      }
      const form = await interactive(page, "comment-form")
      const text = `probe ${i} ${crypto.randomBytes(2).toString("hex")}`
      await form.getByLabel("Add a comment").fill(text)
      const started = Date.now()
      await form.getByRole("button", { name: "Post comment" }).click()
      try {
        await page.getByTestId("comment").filter({ hasText: text }).first().waitFor({ timeout: 15_000 })
        if (Date.now() - started > 1500) slow += 1
      } catch {
        stuck += 1
        console.log(
          `# comment ${i} never appeared; the button says "${await form
            .getByRole("button")
            .first()
            .textContent()
            .catch(() => "?")}"`
        )
        await page.reload()
      }
    }
    console.log(`# ${stuck} of ${N} comments never appeared, ${slow} took over 1.5 s (CPU slowed ${THROTTLE}×)`)
  })
})
