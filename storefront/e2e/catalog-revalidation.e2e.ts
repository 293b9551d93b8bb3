import assert from "node:assert/strict"
import { after, before, describe, test } from "node:test"
import type { Page } from "playwright-core"
import { adminApi } from "./support/api"
import { screenshot, useBrowser } from "./support/browser"
import { STOREFRONT_URL, url } from "./support/env"
import { freshCustomer, signUpFreshCustomer } from "./support/customer"
import { addFirstAvailableSize, cartCount } from "./support/shop"

/**
 * The storefront caches catalog reads for every shopper and Medusa expires them when the catalog
 * changes (src/subscribers/storefront-catalog-revalidation.ts → POST /api/revalidate). A change must
 * show within seconds, long before the caches' time limits (60 s for listings, 300 s for product
 * pages), and nothing a shopper reads with their session or cart may reach another shopper.
 */

/** Well inside the shortest time limit (listings, 60 s): a page that shows the change by then was expired by Medusa. */
const VISIBLE_WITHIN_MS = 15_000
const euros = (amount: number) => new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }).format(amount)

type AdminPrice = { id: string; currency_code: string; amount: number }
type AdminProduct = { id: string; title: string; handle: string; variants: { id: string; prices: AdminPrice[] }[] }

const readProduct = async (handle: string) =>
  (
    await adminApi<{ products: AdminProduct[] }>(
      "GET",
      `/admin/products?handle=${encodeURIComponent(handle)}&fields=${encodeURIComponent("id,title,handle,*variants,*variants.prices")}`
    )
  ).products[0]

/** Sets the title and every variant's euro price (other currencies kept), as a merchant does in the admin. */
async function editProduct(product: AdminProduct, change: { title: string; eur: (old: number, variantId: string) => number }) {
  await adminApi("POST", `/admin/products/${product.id}`, { title: change.title })
  for (const variant of product.variants) {
    await adminApi("POST", `/admin/products/${product.id}/variants/${variant.id}`, {
      prices: variant.prices.map((p) => ({
        id: p.id,
        currency_code: p.currency_code,
        amount: p.currency_code === "eur" ? change.eur(p.amount, variant.id) : p.amount,
      })),
    })
  }
}

/** Reloads `pathname` until `seen` holds; answers how long that took after `since`. */
async function reloadUntil(page: Page, pathname: string, since: number, seen: () => Promise<boolean>, what: string): Promise<number> {
  for (;;) {
    await page.goto(url(pathname))
    if (await seen()) return Date.now() - since
    if (Date.now() - since > VISIBLE_WITHIN_MS) {
      await screenshot(page, `stale-${what.replace(/\W+/g, "-")}`)
      assert.fail(`${what} still showed the old catalog ${VISIBLE_WITHIN_MS / 1000} s after the edit`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
}

describe("catalog cache: Medusa's changes reach cached pages at once", () => {
  const browser = useBrowser()
  let original: AdminProduct

  before(async () => {
    // The listing's first product: it is on the first page of /store before and after the edit.
    const res = await fetch(url("/store"))
    assert.equal(res.status, 200)
    const handle = /data-product-handle="([^"]+)"/.exec(await res.text())?.[1]
    assert.ok(handle, "the listing shows a product")
    original = await readProduct(handle)
    assert.ok(
      original?.variants.some((v) => v.prices.some((p) => p.currency_code === "eur")),
      "the product has euro prices"
    )
  })

  // Later test files expect the seeded catalog: the title and each variant's euro price go back.
  after(async () => {
    if (!original) return
    const seeded = new Map(original.variants.map((v) => [v.id, v.prices.find((p) => p.currency_code === "eur")?.amount]))
    await editProduct(await readProduct(original.handle), { title: original.title, eur: (amount, variantId) => seeded.get(variantId) ?? amount })
  })

  test("a new price and title show on the product page and in the listing within seconds", async () => {
    const page = await browser.newPage()
    const productPath = `/products/${original.handle}`
    const eurPrices = original.variants.flatMap((v) => v.prices.filter((p) => p.currency_code === "eur").map((p) => p.amount))
    const newAmount = Math.max(...eurPrices) + 7
    const newTitle = `${original.title} Revised ${Date.now().toString(36)}`

    // Both pages are read (and cached) with the old catalog first.
    await page.goto(url(productPath))
    assert.equal(await page.getByTestId("product-title").textContent(), original.title)
    assert.notEqual(await page.getByTestId("product-price").textContent(), euros(newAmount))
    const card = page.locator(`[data-testid="product-card"][data-product-handle="${original.handle}"]`)
    await page.goto(url("/store"))
    assert.match((await card.textContent()) ?? "", new RegExp(original.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))

    const editedAt = Date.now()
    await editProduct(original, { title: newTitle, eur: () => newAmount })
    const written = Date.now() - editedAt

    const onProductPage = await reloadUntil(
      page,
      productPath,
      editedAt,
      async () =>
        (await page.getByTestId("product-title").textContent()) === newTitle &&
        ((await page.getByTestId("product-price").textContent()) ?? "").includes(euros(newAmount)),
      "the product page"
    )
    const inListing = await reloadUntil(
      page,
      "/store",
      editedAt,
      async () => {
        const text = (await card.textContent()) ?? ""
        return text.includes(newTitle) && text.includes(euros(newAmount))
      },
      "the listing"
    )
    await screenshot(page, "catalog-revalidated-listing")
    console.log(`# edit written in ${written} ms; seen on the product page after ${onProductPage} ms, in the listing after ${inListing} ms`)
  })

  test("a shopper's account and cart are never served to another shopper", async () => {
    // Shopper A signs up and puts a piece in their cart.
    const a = await browser.newPage()
    const customerA = await signUpFreshCustomer(a, freshCustomer())
    await a.goto(url(`/products/${original.handle}`))
    await addFirstAvailableSize(a)
    await a.reload()
    assert.equal(await cartCount(a), 1)

    // Shopper B, signed in on another browser, reads the same pages right after: only their own data.
    const b = await browser.newPage()
    const customerB = await signUpFreshCustomer(b, freshCustomer())
    assert.equal(await b.getByTestId("account-email").textContent(), customerB.email)
    await b.goto(url(`/products/${original.handle}`))
    assert.equal(await cartCount(b), 0, "B's header counts B's empty cart")
    await b.goto(url("/cart"))
    assert.equal(await b.getByTestId("line-item").count(), 0, "B's cart page shows no line of A's cart")
    assert.ok(!(await b.content()).includes(customerA.email), "no page of B's shows A's email")

    // A guest sees neither.
    const guest = await browser.newPage()
    await guest.goto(url("/account"))
    await guest.getByTestId("login-form").waitFor()
    assert.equal(await guest.getByTestId("account-greeting").count(), 0)
    await guest.goto(url(`/products/${original.handle}`))
    assert.equal(await cartCount(guest), 0)

    // And A still sees their own.
    await a.goto(url("/account"))
    assert.equal(await a.getByTestId("account-email").textContent(), customerA.email)
    assert.equal(await cartCount(a), 1)
  })
})

describe("POST /api/revalidate", () => {
  const SECRET = process.env.STOREFRONT_REVALIDATE_SECRET ?? ""
  const post = (body: string, authorization?: string) =>
    fetch(`${STOREFRONT_URL}/api/revalidate`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body,
    })

  test("refuses a missing or wrong secret (401) before reading the body", async () => {
    assert.equal((await post(JSON.stringify({ tags: ["products"] }))).status, 401)
    assert.equal((await post(JSON.stringify({ tags: ["products"] }), "Bearer not-the-secret")).status, 401)
    assert.equal((await post("not json", `Bearer ${SECRET}x`)).status, 401)
  })

  test(
    "answers 400 naming what is wrong with the body, and expires catalog tags only",
    { skip: !SECRET && "STOREFRONT_REVALIDATE_SECRET is not given" },
    async () => {
      const auth = `Bearer ${SECRET}`
      for (const [body, message] of [
        ["not json", /JSON/],
        [JSON.stringify({}), /tags/],
        [JSON.stringify({ tags: [] }), /tags/],
        [JSON.stringify({ tags: "products" }), /tags/],
        [JSON.stringify({ tags: [42] }), /42/],
        [JSON.stringify({ tags: ["customers-123"] }), /customers-123/],
        [JSON.stringify({ tags: Array.from({ length: 101 }, (_, i) => `product-p${i}`) }), /at most/],
      ] as const) {
        const res = await post(body, auth)
        assert.equal(res.status, 400, body)
        assert.match(((await res.json()) as { message: string }).message, message)
      }
      const ok = await post(JSON.stringify({ tags: ["products", "product-prod_1", "products", "lookbooks", "lookbook-lb_1"] }), auth)
      assert.equal(ok.status, 200)
      assert.deepEqual(await ok.json(), { revalidated: ["products", "product-prod_1", "lookbooks", "lookbook-lb_1"] })
    }
  )
})
