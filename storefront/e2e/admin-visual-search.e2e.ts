import assert from "node:assert/strict"
import { describe, test } from "node:test"
import type { Page } from "playwright-core"
import { adminGet, adminUrl, signInAdmin } from "./support/admin"
import { screenshot, useBrowser } from "./support/browser"

type IndexState = { sidecar: { reachable: boolean; error?: string }; totals: { indexed: number; pending: number; failed: number } }

/** Reads until `ok` holds, or fails after `seconds` with the last value read. */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, seconds = 180): Promise<T> {
  let value: T | undefined
  for (const deadline = Date.now() + seconds * 1000; Date.now() < deadline;) {
    value = await read()
    if (ok(value)) return value
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  throw new Error(`timed out waiting for ${what}; last read: ${JSON.stringify(value)}`)
}

/** A count the page shows (indexed, pending or failed). */
const shownCount = async (page: Page, status: "indexed" | "pending" | "failed") =>
  Number((await page.getByTestId(`visual-index-${status}`).textContent())?.trim())

/**
 * The admin's Visual search page as a merchant uses it: the catalog's images in the photo search
 * index with the image service's health, and "Re-index all" (confirmed) putting every image back
 * in the queue, which the counts show at once; a product page's widget with its images' state and
 * "Re-index this product".
 */
describe("admin: visual search", () => {
  const browser = useBrowser({ viewport: { width: 1440, height: 900 } })

  test("the index counts and the image service's health; Re-index all queues every image", async () => {
    const page = await browser.newPage()
    await signInAdmin(page)
    // The shop indexes its catalog when it starts: wait until some images are done (indexed or failed), so a re-index shows.
    const state = await until(
      () => adminGet<IndexState>(page, "/admin/visual/index"),
      (s) => s.totals.indexed + s.totals.failed > 0,
      "the catalog's first images to be indexed"
    )
    assert.equal(state.sidecar.reachable, true, `the image service runs beside the shop: ${state.sidecar.error}`)

    await page.goto(adminUrl("/visual-search"))
    await page.getByRole("heading", { name: "Visual search", level: 1 }).waitFor()
    // The sidebar entry leads here too.
    assert.equal(await page.getByRole("link", { name: "Visual search" }).count(), 1)
    await page.getByText("Backend:").waitFor()
    await page.getByRole("heading", { name: "Search analytics" }).waitFor()
    await page.getByTestId("visual-analytics-searches").waitFor()
    const before = {
      indexed: await shownCount(page, "indexed"),
      pending: await shownCount(page, "pending"),
      failed: await shownCount(page, "failed"),
    }
    const all = before.indexed + before.pending + before.failed
    assert.ok(before.indexed + before.failed > 0, `some images are done: ${JSON.stringify(before)}`)
    await screenshot(page, "admin-visual-search")

    // Asks first; cancelling changes nothing.
    await page.getByRole("button", { name: "Re-index all" }).click()
    const dialog = page.getByRole("alertdialog")
    await dialog.getByText("Re-index all product images?").waitFor()
    await dialog.getByRole("button", { name: "Cancel" }).click()
    await dialog.waitFor({ state: "hidden" })

    await page.getByRole("button", { name: "Re-index all" }).click()
    await dialog.getByRole("button", { name: "Re-index all" }).click()
    await page
      .getByText(/\d+ images? queued for indexing/)
      .first()
      .waitFor()
    const queued = Number(
      (await page
        .getByText(/\d+ images? queued for indexing/)
        .first()
        .textContent())!.match(/\d+/)![0]
    )
    assert.ok(queued >= all, `every image is queued: ${queued} of ${all}`)
    // Every image went back to pending: the count shown rises (the indexer then works it down again).
    await until(
      () => shownCount(page, "pending"),
      (pending) => pending > before.pending,
      `the pending count to rise from ${before.pending}`,
      30
    )
    await screenshot(page, "admin-visual-search-reindexed")
  })

  test("a product's page shows its images in the index, and re-indexes that product", async () => {
    const page = await browser.newPage()
    await signInAdmin(page)
    const { products } = await adminGet<{ products: { id: string; title: string; images: { id: string }[] }[] }>(
      page,
      "/admin/products?limit=20&order=title&fields=id,title,images.id"
    )
    const product = products.find((p) => p.images.length > 0)
    assert.ok(product, "a demo product with images")
    type ProductIndex = { images: { image_id: string; status: string }[] }
    await until(
      () => adminGet<ProductIndex>(page, `/admin/products/${product.id}/visual-index`),
      (s) => s.images.length === product.images.length,
      `${product.title}'s images to be in the index`
    )

    await page.goto(adminUrl(`/products/${product.id}`))
    const widget = page.getByTestId("product-visual-index")
    await widget.getByRole("heading", { name: "Photo search index" }).waitFor()
    await until(
      () => widget.locator("[data-image-id]").count(),
      (n) => n === product.images.length,
      "one row per image"
    )
    await widget.getByRole("button", { name: "Re-index this product" }).click()
    await page
      .getByText(`${product.images.length} ${product.images.length === 1 ? "image" : "images"} queued for indexing`)
      .first()
      .waitFor()
    // Indexed again in the background (the button indexes the product at once): every image back to indexed.
    await until(
      () => adminGet<ProductIndex>(page, `/admin/products/${product.id}/visual-index`),
      (s) => s.images.every((image) => image.status === "indexed"),
      `${product.title}'s images to be indexed again`,
      120
    )
    await widget.getByText("indexed", { exact: true }).first().waitFor()
    await screenshot(page, "admin-product-visual-index")
  })
})
