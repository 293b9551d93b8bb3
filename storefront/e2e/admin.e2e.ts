import assert from "node:assert/strict"
import crypto from "node:crypto"
import { describe, test } from "node:test"
import type { Page } from "playwright-core"
import { screenshot, useBrowser } from "./support/browser"
import { BACKEND_URL, COUNTRY, STOREFRONT_URL } from "./support/env"

/**
 * Curator's pages in the Medusa admin (served by the backend under /app): the moderation queue,
 * the lookbook list and editor, and the product page's lookbook widget, as a merchant uses them.
 */
const ADMIN_EMAIL = process.env.CURATOR_ADMIN_EMAIL || "admin@curator.local"
const ADMIN_PASSWORD = process.env.CURATOR_ADMIN_PASSWORD || "curator-demo"
const admin = (pathname: string) => `${BACKEND_URL}/app${pathname}`

async function signIn(page: Page) {
  await page.goto(admin("/login"))
  await page.locator("input[name=email]").fill(ADMIN_EMAIL)
  await page.locator("input[name=password]").fill(ADMIN_PASSWORD)
  await page.getByRole("button", { name: "Continue with Email" }).click()
  await page.waitForURL((u) => !u.pathname.endsWith("/login"))
}

/** The admin API as the signed-in page calls it (session cookie). */
async function adminGet<T>(page: Page, pathname: string): Promise<T> {
  return page.evaluate(async (p) => {
    const res = await fetch(p, { credentials: "include" })
    if (!res.ok) throw new Error(`${p}: ${res.status}`)
    return res.json()
  }, pathname)
}

/** Reads until `ok` holds (the admin saves in the background), or fails after ~20 s. */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  let value: T | undefined
  for (let i = 0; i < 100; i += 1) {
    value = await read()
    if (ok(value)) return value
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`timed out waiting for ${what}; last read: ${JSON.stringify(value)}`)
}

describe("admin", () => {
  const browser = useBrowser({ viewport: { width: 1440, height: 900 } })

  test("moderation: the reported post waits in the queue, and hiding it resolves its report", async () => {
    const page = await browser.newPage()
    await signIn(page)
    await page.goto(admin("/moderation"))
    await page.getByRole("heading", { name: "Moderation" }).waitFor()
    const reported = page.getByRole("row").filter({ hasText: "counterfeit" })
    await reported.first().waitFor()
    await screenshot(page, "admin-moderation")

    await reported.first().click()
    const drawer = page.getByRole("dialog")
    await drawer.getByText(/^Post by /).waitFor()
    await drawer.getByText(/counterfeit — “The bag looks like a knock-off/).waitFor()
    await drawer.getByRole("button", { name: "Hide" }).click()
    await page.getByText("Post hidden").first().waitFor()
    await drawer.getByText("(resolved)").first().waitFor()
    assert.equal(await drawer.getByText("hidden", { exact: true }).count(), 1)
    await page.keyboard.press("Escape")

    // Decided: it leaves the queue.
    await page.getByText("Nothing waiting for a decision.").waitFor()
  })

  test("lookbook editor: a click on a look places a hotspot for the chosen product and colour; looks reorder", async () => {
    const page = await browser.newPage()
    await signIn(page)
    await page.goto(admin("/lookbooks"))
    await page.getByRole("row").filter({ hasText: "Evening Edit" }).click()
    await page.getByRole("heading", { name: "Evening Edit", level: 1 }).waitFor()
    const lookbookId = new URL(page.url()).pathname.split("/").pop()!
    type Editor = { lookbook: { looks: { id: string; hotspots: { x: number; y: number; product_id: string; variant_id: string }[] }[] } }
    const looks = async () => (await adminGet<Editor>(page, `/admin/lookbooks/${lookbookId}`)).lookbook.looks
    const before = await looks()
    assert.ok(before.length >= 2, "the seeded draft has several looks")
    type Searched = {
      id: string
      title: string
      options: { id: string; title: string }[]
      variants: { id: string; options: { option_id: string; value: string }[] }[]
    }
    const { products } = await adminGet<{ products: Searched[] }>(
      page,
      "/admin/products?limit=100&order=title&fields=id,title,options.id,options.title,variants.id,variants.options.value,variants.options.option_id"
    )
    const coloursOf = (p: Searched) => {
      const option = p.options.find((o) => /^colou?r$/i.test(o.title))
      return (variantId: string) => p.variants.find((v) => v.id === variantId)?.options.find((o) => o.option_id === option?.id)?.value
    }
    // A product in several colours whose title names it alone, so that the search finds just it.
    const product = products.find(
      (p) => new Set(p.variants.map((v) => coloursOf(p)(v.id))).size > 1 && products.filter((o) => o.title === p.title).length === 1
    )!
    assert.ok(product, "the demo catalog has a product in several colours")
    const colourOf = coloursOf(product)
    const colours = [...new Set(product.variants.map((v) => colourOf(v.id)!))]
    // Not the first colour: nothing may be preselected for the merchant.
    const colour = colours[colours.length - 1]

    // Click a quarter across and 40 % down the first look's photo, then pick the product and the colour in the photo.
    const photo = page.locator("img.rounded-md.w-full").first()
    const box = (await photo.boundingBox())!
    await photo.click({ position: { x: box.width * 0.25, y: box.height * 0.4 } })
    await page.getByText("New hotspot at 25% × 40%").waitFor()
    await page.getByPlaceholder("Search products").fill(product.title)
    await page.getByRole("button", { name: product.title, exact: true }).first().click()
    // Without a colour the hotspot is not saved: the merchant is told what is missing.
    await page.getByRole("button", { name: "Add hotspot" }).click()
    await page.getByRole("alert").filter({ hasText: "Choose the colour shown in the photo." }).waitFor()
    assert.equal((await looks())[0].hotspots.length, before[0].hotspots.length)
    await page.getByRole("combobox", { name: "Colour in the photo" }).click()
    await page.getByRole("option", { name: colour, exact: true }).click()
    await page.getByRole("button", { name: "Add hotspot" }).click()
    const placed = (await until(looks, (l) => l[0].hotspots.length === before[0].hotspots.length + 1, "the new hotspot"))[0].hotspots
    const added = placed.find((h) => h.product_id === product.id && Math.abs(h.x - 0.25) < 0.02 && Math.abs(h.y - 0.4) < 0.02)
    assert.ok(added, `a hotspot at 25% × 40% for ${product.title}: ${JSON.stringify(placed)}`)
    assert.equal(colourOf(added.variant_id), colour)
    await screenshot(page, "admin-lookbook-hotspot")

    // Move the first look down: the order is saved and shown; then back up from its new place.
    const card = (lookId: string) => page.locator(`[data-look-id="${lookId}"]`)
    const shown = () => page.locator("[data-look-id]").evaluateAll((els) => els.map((el) => el.getAttribute("data-look-id")))
    await card(before[0].id).getByRole("button", { name: "Move down" }).click()
    await until(looks, (l) => l[0].id === before[1].id && l[1].id === before[0].id, "the looks to swap")
    await until(shown, (ids) => ids[0] === before[1].id && ids[1] === before[0].id, "the editor to show the new order")
    await card(before[0].id).getByRole("button", { name: "Move up" }).click()
    await until(looks, (l) => l[0].id === before[0].id, "the looks to swap back")
    await until(shown, (ids) => ids[0] === before[0].id, "the editor to show the order restored")

    // Remove the new hotspot again: the seed's draft stays as it was for the other tests.
    await card(before[0].id).getByRole("button", { name: "Remove hotspot" }).nth(before[0].hotspots.length).click()
    await until(looks, (l) => l[0].hotspots.length === before[0].hotspots.length, "the hotspot's removal")
  })

  test("lookbooks: publish the draft from its editor with its analytics, and find it from a product it features", async () => {
    const page = await browser.newPage()
    await signIn(page)
    await page.goto(admin("/lookbooks"))
    await page.getByRole("heading", { name: "Lookbooks", level: 1 }).waitFor()
    const draftRow = page.getByRole("row").filter({ hasText: "Evening Edit" })
    await draftRow.waitFor()
    assert.match((await draftRow.textContent()) ?? "", /draft/)
    await screenshot(page, "admin-lookbooks")

    await draftRow.click()
    await page.getByRole("heading", { name: "Evening Edit", level: 1 }).waitFor()
    await page.getByText(/\d+ views · \d+ added to cart · .+ add-to-cart rate/).waitFor()
    const lookbookId = new URL(page.url()).pathname.split("/").pop()!
    await page.getByRole("button", { name: "Publish" }).click()
    await page.getByRole("button", { name: "Unpublish" }).waitFor()
    await screenshot(page, "admin-lookbook-editor")

    // Published: shoppers can open it in the storefront.
    const shop = await browser.newPage()
    const response = await shop.goto(`${STOREFRONT_URL}/${COUNTRY}/lookbooks/evening-edit`)
    assert.equal(response?.status(), 200)
    await shop.getByTestId("lookbook-title").getByText("Evening Edit").waitFor()

    // The product page's widget lists the lookbooks that feature the product.
    const { lookbook } = await adminGet<{ lookbook: { looks: { hotspots: { product_id: string }[] }[] } }>(page, `/admin/lookbooks/${lookbookId}`)
    const productId = lookbook.looks.flatMap((l) => l.hotspots)[0]?.product_id
    assert.ok(productId, "the seeded draft has hotspots")
    await page.goto(admin(`/products/${productId}`))
    const widget = page.getByRole("link").filter({ hasText: "Evening Edit" })
    await widget.waitFor()
    assert.match((await widget.textContent()) ?? "", /published/)
    await screenshot(page, "admin-product-lookbooks")

    // Back to draft, as the seed left it, for the other browser tests.
    await widget.click()
    await page.getByRole("button", { name: "Unpublish" }).click()
    await page.getByRole("button", { name: "Publish" }).waitFor()
  })

  test("moderation: a decision that empties the last page shows the page before it, and names the admin who decided", async () => {
    const page = await browser.newPage()
    await signIn(page)
    const { user } = await adminGet<{ user: { email: string; first_name: string | null; last_name: string | null } }>(page, "/admin/users/me")
    const adminName = [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email
    const { posts } = await adminGet<{ posts: { id: string }[] }>(page, "/admin/social/posts?status=published&limit=1")
    const [post] = posts

    // "All posts" as if there were 21: copies of a real post fill the first page, the post itself is alone on
    // the second; a decision takes one away (as leaving the queue does).
    let total = 21
    page.on("request", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname.endsWith("/moderate")) total = 20
    })
    await page.route(
      (u) => u.pathname === "/admin/social/posts" && !u.searchParams.has("customer_id"),
      (route) => {
        const offset = Number(new URL(route.request().url()).searchParams.get("offset") ?? 0)
        const length = Math.max(0, Math.min(20, total - offset))
        const list = Array.from({ length }, (_, i) => (offset + i === 20 ? post : { ...post, id: `${post.id}_copy_${offset + i}` }))
        return route.fulfill({ json: { posts: list, count: total, offset, limit: 20 } })
      }
    )
    await page.goto(admin("/moderation"))
    await page.getByRole("combobox", { name: "Posts to show" }).click()
    await page.getByRole("option", { name: "All posts" }).click()
    await page.getByText("1 of 2 pages").waitFor()
    await page.getByRole("button", { name: "Next" }).click()
    await page.getByText("2 of 2 pages").waitFor()
    await until(
      () => page.getByRole("row").count(),
      (n) => n === 2,
      "the last page's one post"
    )
    await page.getByRole("row").nth(1).click()

    const drawer = page.getByRole("dialog")
    await drawer.getByText(/^Post by /).waitFor()
    await drawer.getByRole("button", { name: "Approve" }).click()
    await page.getByText("Post approved").first().waitFor()
    await drawer.getByText(`Last decision: published by ${adminName} on`).waitFor()
    await page.keyboard.press("Escape")

    // 20 posts fill one page: the emptied second page gives way to it.
    await page.getByText("1 of 1 pages").waitFor()
    await until(
      () => page.getByRole("row").count(),
      (n) => n === 21,
      "the first page's 20 posts"
    )
    assert.equal(await page.getByText("No posts.").count(), 0)
  })

  test("lookbook editor: every control has a name, nothing is red before typing, seasons by name, a new lookbook goes last", async () => {
    const page = await browser.newPage()
    await signIn(page)
    await page.goto(admin("/lookbooks"))
    await page.getByRole("heading", { name: "Lookbooks", level: 1 }).waitFor()
    await page.getByRole("row").filter({ hasText: "Evening Edit" }).filter({ hasText: "Autumn/Winter" }).waitFor()

    // Nothing typed yet: the title is not marked wrong.
    const title = page.getByRole("textbox", { name: "Title", exact: true })
    const shadow = await title.evaluate((el) => getComputedStyle(el).boxShadow)
    assert.doesNotMatch(shadow, /225, 29, 72|244, 63, 94/, `no error border before typing: ${shadow}`)

    const name = `Linen Days ${crypto.randomBytes(3).toString("hex")}`
    await title.fill(name)
    await page.getByRole("combobox", { name: "Season" }).click()
    await page.getByRole("option", { name: "Spring/Summer" }).click()
    await page.getByRole("button", { name: "Create draft" }).click()
    await page.getByRole("heading", { name, level: 1 }).waitFor()
    const id = new URL(page.url()).pathname.split("/").pop()!
    try {
      assert.equal(((await page.getByRole("combobox", { name: "Season" }).textContent()) ?? "").trim(), "Spring/Summer")
      const { lookbooks } = await adminGet<{ lookbooks: { id: string; season: string | null; position: number }[] }>(
        page,
        "/admin/lookbooks?limit=100"
      )
      const created = lookbooks.find((l) => l.id === id)!
      assert.equal(created.season, "spring-summer")
      assert.ok(
        lookbooks.every((l) => l.id === id || l.position < created.position),
        `after the others: ${JSON.stringify(lookbooks.map((l) => [l.id, l.position]))}`
      )
    } finally {
      await page.evaluate((p) => fetch(p, { method: "DELETE", credentials: "include" }).then(() => undefined), `/admin/lookbooks/${id}`)
    }

    // The seeded draft's editor, looks and all: each field, file input and button is named.
    await page.goto(admin("/lookbooks"))
    await page.getByRole("row").filter({ hasText: "Evening Edit" }).click()
    await page.getByRole("heading", { name: "Evening Edit", level: 1 }).waitFor()
    const editor = page.locator("[data-look-id]").first().locator("xpath=..")
    type Role = Parameters<Page["getByRole"]>[0]
    const named: [Role, string][] = [
      ["textbox", "Title"],
      ["textbox", "Handle"],
      ["spinbutton", "Position (store order)"],
      ["textbox", "Description"],
      ["button", "Cover image"],
      ["button", "Look photo"],
      ["textbox", "Notes for the new look"],
    ]
    for (const [role, label] of named) await editor.getByRole(role, { name: label, exact: true }).waitFor()
    assert.match((await editor.getByRole("combobox", { name: "Season" }).textContent()) ?? "", /Autumn\/Winter/)
    assert.equal(await editor.getByRole("textbox", { name: "Notes", exact: true }).count(), await page.locator("[data-look-id]").count())
    const nameless = (await editor.ariaSnapshot())
      .split("\n")
      .filter((line) => /^\s*- (textbox|combobox|spinbutton|searchbox|button|checkbox|slider)( \[[^\]]*\])?(:|$)/.test(line))
    assert.deepEqual(nameless, [], "every control in the editor has an accessible name")
  })
})
