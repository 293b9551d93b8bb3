import assert from "node:assert/strict"
import crypto from "node:crypto"
import { describe, test } from "node:test"
import { screenshot, useBrowser, interactive } from "./support/browser"
import { signUpFreshCustomer } from "./support/customer"
import { url } from "./support/env"
import { outfitPhoto } from "./support/photo"

const text = async (locator: { textContent(): Promise<string | null> }) => ((await locator.textContent()) ?? "").trim()

describe("wardrobe", () => {
  const browser = useBrowser()

  test("a guest is sent to sign in", async () => {
    const page = await browser.newPage()
    await page.goto(url("/wardrobe/stats"))
    await page.waitForURL(/\/account$/)
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
    await form.getByLabel("Colours").fill("camel, black")
    await form.getByLabel(/Price paid/).fill("120")
    await form.getByLabel("Photo").setInputFiles(await outfitPhoto(page, name))
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
    assert.match(await text(page.getByTestId("most-worn")), new RegExp(`${name}: 1×`))
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
})
