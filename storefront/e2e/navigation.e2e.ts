import assert from "node:assert/strict"
import { describe, test } from "node:test"
import { Request } from "playwright-core"
import { useBrowser } from "./support/browser"
import { COUNTRY, url } from "./support/env"

/** The path of a Next router prefetch (an RSC request marked as prefetch), or null for any other request. */
function prefetchedPath(request: Request): string | null {
  const headers = request.headers()
  if (!headers["next-router-prefetch"]) return null
  return new URL(request.url()).pathname
}

describe("navigation", () => {
  const browser = useBrowser()

  test("the header's links prefetch their page when the shopper points at one, not on sight, and lead there", async () => {
    const page = await browser.newPage()
    const prefetched: string[] = []
    page.on("request", (request) => {
      const path = prefetchedPath(request)
      if (path) prefetched.push(path)
    })
    await page.goto(url("/"))
    await page.waitForLoadState("networkidle")
    const lookbooks = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Lookbooks" })
    const header = ["/store", "/for-you", "/lookbooks", "/feed", "/wardrobe", "/account", "/saved", "/cart"].map((p) => `/${COUNTRY}${p}`)
    assert.deepEqual(
      prefetched.filter((p) => header.includes(p)),
      [],
      "the header's pages were prefetched before the shopper reached for a link"
    )

    const lookbooksPrefetch = page.waitForRequest((request) => prefetchedPath(request) === `/${COUNTRY}/lookbooks`)
    await lookbooks.hover()
    await lookbooksPrefetch
    await lookbooks.click()
    await page.waitForURL(url("/lookbooks"))
    await page.getByRole("heading", { level: 1 }).waitFor()
  })

  test("a keyboard user's focus prefetches the link too", async () => {
    const page = await browser.newPage()
    await page.goto(url("/"))
    await page.waitForLoadState("networkidle")
    const cartPrefetch = page.waitForRequest((request) => prefetchedPath(request) === `/${COUNTRY}/cart`)
    await page.getByTestId("nav-cart").focus()
    await cartPrefetch
  })
})
