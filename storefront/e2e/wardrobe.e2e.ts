import assert from "node:assert/strict"
import crypto from "node:crypto"
import { describe, test } from "node:test"
import { screenshot, useBrowser, interactive } from "./support/browser"
import { signUpFreshCustomer } from "./support/customer"
import { url } from "./support/env"
import { outfitPhoto } from "./support/photo"
import { checkOutFromCart } from "./support/checkout"
import { addFirstProductToCart } from "./support/shop"

const text = async (locator: { textContent(): Promise<string | null> }) => ((await locator.textContent()) ?? "").trim()

describe("wardrobe", () => {
  const browser = useBrowser()

  test("a guest is sent to sign in", async () => {
    const page = await browser.newPage()
    await page.goto(url("/wardrobe/stats"))
    // Signed in, the shopper comes back to the wardrobe.
    await page.waitForURL(/\/account\?return_to=%2F[a-z]{2}%2Fwardrobe$/)
    await interactive(page, "login-form")
  })

  test("add a wardrobe item → mark it worn → the stats change", async () => {
    const page = await browser.newPage()
    await signUpFreshCustomer(page)
    const name = `Camel coat ${crypto.randomBytes(3).toString("hex")}`

    // A new customer's wardrobe is empty and says what to do.
    await page.goto(url("/wardrobe"))
    await page.getByTestId("wardrobe-empty").waitFor()
    await screenshot(page, "wardrobe-empty")

    // Add an item with a photo.
    await page.getByRole("link", { name: "Add your first item" }).click()
    const form = await interactive(page, "item-form")
    await form.getByLabel("Name").fill(name)
    await form.getByLabel("Category").fill("Outerwear")
    await form.getByLabel("Colours").fill("camel, navy")
    await form.getByLabel(/Price paid/).fill("120")
    // A file that is no picture (whatever its name says): a message, and no broken preview.
    await form.getByLabel("Photo").setInputFiles({ name: "coat.jpg", mimeType: "image/jpeg", buffer: Buffer.from("not a photo at all") })
    await form.getByRole("alert").filter({ hasText: "“coat.jpg” could not be opened as a photo" }).waitFor()
    assert.equal(await form.getByRole("img", { name: "The chosen photo" }).count(), 0)
    await form.getByLabel("Photo").setInputFiles(await outfitPhoto(page, name))
    await form.getByRole("img", { name: "The chosen photo" }).waitFor()
    assert.equal(await form.getByRole("alert").count(), 0)
    await screenshot(page, "wardrobe-add-item")
    await form.getByRole("button", { name: "Add to wardrobe" }).click()
    await page.getByTestId("item-name").filter({ hasText: name }).waitFor()
    assert.equal(await text(page.getByTestId("item-times-worn")), "Not yet")
    // The uploaded photo is served (by the file provider) and shown: wait for it to load.
    const photo = await page.getByRole("img", { name }).elementHandle()
    await page.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, photo)

    // Edit it: a size is added, the name kept.
    await page.getByText("Edit this item").click()
    const edit = await interactive(page, "item-form")
    await edit.getByLabel("Size").fill("M")
    await edit.getByRole("button", { name: "Save changes" }).click()
    await page.getByText("Your changes are saved.").waitFor()
    assert.match(await text(page.locator(".facts")), /Size\s*M/)

    // Stats before any wear: one item, nothing worn.
    await page.goto(url("/wardrobe/stats"))
    assert.equal(await text(page.getByTestId("stat-items")), "1")
    assert.equal(await text(page.getByTestId("stat-wears")), "0")
    assert.match(await text(page.getByTestId("chart-times-worn")), new RegExp(`${name}\\s*0×`))

    // Mark it worn today.
    await page.getByTestId("chart-times-worn").getByRole("link", { name }).click()
    await interactive(page, "wear-form")
    await page.getByTestId("mark-worn").click()
    await page.getByTestId("wear-saved").waitFor()
    assert.match(await text(page.getByTestId("item-times-worn")), /^1 time, last on /)
    await screenshot(page, "wardrobe-item")

    // The stats follow: one wear, the item most worn, its cost per wear is the price.
    await page.goto(url("/wardrobe/stats"))
    assert.equal(await text(page.getByTestId("stat-wears")), "1")
    assert.match(await text(page.getByTestId("chart-times-worn")), new RegExp(`${name}\\s*1×`))
    // One item: nothing to compare it with, so neither ranking names it.
    assert.match(await text(page.getByTestId("most-worn-empty")), /Too little data/)
    assert.match(await text(page.getByTestId("least-worn-empty")), /Too little data/)
    // The colour legend: each swatch in its colour's own hue, the shares adding up to 100 %.
    const legend = page.locator(".mix-legend li")
    assert.deepEqual(await legend.allTextContents(), ["Camel: 1 (50%)", "Navy: 1 (50%)"])
    const rgb = async (n: number) => {
      const colour = await legend
        .nth(n)
        .locator(".swatch")
        .evaluate((el) => getComputedStyle(el).backgroundColor)
      return colour.match(/\d+/g)!.map(Number)
    }
    const [camel, navy] = [await rgb(0), await rgb(1)]
    assert.ok(camel[0] > camel[1] && camel[1] > camel[2] && camel[2] > 60, `camel is a light warm brown: rgb(${camel})`)
    assert.ok(navy[2] > navy[0] && navy[2] < 100, `navy is a dark blue: rgb(${navy})`)
    assert.match(await text(page.getByTestId("chart-cost-per-wear")), /120[.,]00/)
    await screenshot(page, "wardrobe-stats")

    // An outfit with the item, worn yesterday: the item's second day, the first outfit.
    await page.goto(url("/wardrobe/outfits/new"))
    const builder = await interactive(page, "outfit-builder")
    await builder.getByRole("button", { name: "Save outfit" }).click()
    await builder.getByText("Pick at least one item from your wardrobe or a product from the shop.").waitFor()
    await builder.getByLabel("Name").fill("Cold Monday")
    await builder.getByLabel("Occasion").fill("work")
    await builder.getByRole("checkbox", { name }).check()
    await screenshot(page, "wardrobe-outfit-builder")
    await builder.getByRole("button", { name: "Save outfit" }).click()
    await page.getByRole("heading", { level: 1, name: "Cold Monday" }).waitFor()
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000)
    const day = `${yesterday.getFullYear()}-${String(yesterday.getMonth() + 1).padStart(2, "0")}-${String(yesterday.getDate()).padStart(2, "0")}`
    await page.getByLabel("Worn on").fill(day)
    await page.getByTestId("mark-worn").click()
    await page.getByTestId("wear-saved").waitFor()
    await page.goto(url("/wardrobe/stats"))
    assert.equal(await text(page.getByTestId("stat-wears")), "2")
    assert.equal(await text(page.getByTestId("stat-outfits")), "1")
    assert.match(await text(page.getByTestId("chart-cost-per-wear")), /60[.,]00/)

    // Filters: the colour finds it, another category does not.
    await page.goto(url("/wardrobe"))
    await page.getByLabel("Colour").selectOption("Camel")
    await page.getByRole("button", { name: "Filter" }).click()
    await page.waitForURL(/colour=Camel/)
    assert.equal(await page.getByTestId("wardrobe-item").count(), 1)
    await page.goto(url("/wardrobe?q=no-such-thing-at-all"))
    await page.getByRole("heading", { name: "Nothing matches these filters" }).waitFor()
  })

  test("what an order bought arrives in the wardrobe with its photo, its order and its product", async () => {
    const page = await browser.newPage()
    await signUpFreshCustomer(page)
    await addFirstProductToCart(page)
    const productUrl = new URL(page.url()).pathname
    await page.goto(url("/cart"))
    const orderNumber = await checkOutFromCart(page)
    const title = await text(page.getByTestId("line-item").locator("a").first())

    // The order's subscriber adds it in the background: look again until it is there.
    const card = page.getByTestId("wardrobe-item").filter({ hasText: title })
    for (let attempt = 0; attempt < 20; attempt++) {
      await page.goto(url("/wardrobe"))
      if (await card.count()) break
      await page.waitForTimeout(1000)
    }
    const cardPhoto = await card.getByRole("img", { name: title }).elementHandle()
    await page.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, cardPhoto)
    await card.click()
    await page.getByTestId("item-name").filter({ hasText: title }).waitFor()
    const photo = await page.getByRole("img", { name: title }).elementHandle()
    await page.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0, photo)
    await screenshot(page, "wardrobe-item-from-order")

    // It links to the product in the shop and to the order it came from.
    assert.equal(await page.getByTestId("item-product-link").getAttribute("href"), productUrl)
    const orderLink = page.getByTestId("item-order-link")
    assert.equal(await text(orderLink), `From your order ${orderNumber}`)
    await orderLink.click()
    await page
      .getByTestId("order-title")
      .filter({ hasText: `Order ${orderNumber}` })
      .waitFor()
  })
})
