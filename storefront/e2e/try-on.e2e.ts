import assert from "node:assert/strict"
import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { describe, test } from "node:test"
import type { Locator, Page } from "playwright-core"
import { interactive, screenshot, useBrowser } from "./support/browser"
import { url } from "./support/env"
import { cartCount } from "./support/shop"

/**
 * "Try it on" on product pages, against the real backend and ML sidecar. The person is the full-body
 * avatar that ships inside `@vladmandic/human` (installed with ml-sidecar, read from node_modules at
 * test time and never copied into the repository), cropped as ml-sidecar/test/try-on.test.ts crops it.
 */
const SIDECAR_URL = process.env.ML_SIDECAR_URL || ""
const PHONE = { width: 390, height: 844 }

type Upload = { name: string; mimeType: string; buffer: Buffer }

/** The avatar's screenshot in @vladmandic/human, or null when ml-sidecar's packages are not installed. */
function humanAvatarFile(): string | null {
  try {
    const sidecarRequire = createRequire(path.resolve(__dirname, "..", "..", "ml-sidecar", "package.json"))
    const file = path.resolve(path.dirname(sidecarRequire.resolve("@vladmandic/human")), "..", "assets", "screenshot-vrm.jpg")
    return fs.existsSync(file) ? file : null
  } catch {
    return null
  }
}

const AVATAR = humanAvatarFile()

/** The avatar alone (its left 460 × 653 pixels: the screenshot also shows the app's controls), as a JPEG drawn by the page's canvas. */
async function personPhoto(page: Page): Promise<Upload> {
  const source = `data:image/jpeg;base64,${fs.readFileSync(AVATAR!).toString("base64")}`
  const dataUrl = await page.evaluate(async (src) => {
    const img = new Image()
    img.src = src
    await img.decode()
    const canvas = document.createElement("canvas")
    canvas.width = 460
    canvas.height = 653
    canvas.getContext("2d")!.drawImage(img, 0, 0, 460, 653, 0, 0, 460, 653)
    return canvas.toDataURL("image/jpeg", 0.92)
  }, source)
  return { name: "me.jpg", mimeType: "image/jpeg", buffer: Buffer.from(dataUrl.split(",")[1], "base64") }
}

/** The product page's own main photo: a garment on a plain backdrop, with no person in it. */
async function productPhoto(page: Page): Promise<Upload> {
  const src = await page.getByTestId("gallery-main").evaluate((img) => (img as HTMLImageElement).currentSrc)
  const response = await fetch(src)
  assert.equal(response.status, 200, `the product photo ${src} answered ${response.status}`)
  const mimeType = (response.headers.get("content-type") ?? "image/jpeg").split(";")[0]
  return { name: `product.${mimeType.split("/")[1] ?? "jpg"}`, mimeType, buffer: Buffer.from(await response.arrayBuffer()) }
}

/** Opens the first product of a category. */
async function openProduct(page: Page, category: string) {
  await page.goto(url(`/categories/${category}`))
  await page.getByTestId("product-card").first().click()
  await interactive(page, "variant-picker")
}

async function openTryOn(page: Page): Promise<Locator> {
  const entry = (await interactive(page, "try-on-entry")).first()
  await entry.getByRole("button", { name: "Try it on" }).click()
  const dialog = page.getByRole("dialog", { name: /^Try on:/ })
  await dialog.waitFor()
  return dialog
}

/** Waits for the dialog's next answer (`data-answers` counts the answers shown), and says what it was. */
async function nextAnswer(dialog: Locator, act: () => Promise<void>): Promise<string> {
  const before = Number(await dialog.getAttribute("data-answers"))
  await act()
  await dialog
    .page()
    .waitForFunction(([el, n]) => Number((el as HTMLElement).dataset.answers) > (n as number), [await dialog.elementHandle(), before] as const, {
      timeout: 120_000,
    })
  return (await dialog.getAttribute("data-state")) ?? ""
}

/** Fails with what the dialog said when the preview was not made. */
async function assertPreviewed(dialog: Locator, state: string) {
  if (state === "done") return
  const said = await dialog
    .getByRole("alert")
    .first()
    .textContent()
    .catch(() => "")
  assert.fail(`expected a preview, the dialog is "${state}": ${said}`)
}

/** Records every `data-state` the dialog goes through, to see its busy state however quickly it passes. */
async function watchStates(dialog: Locator) {
  await dialog.evaluate((el) => {
    const seen: string[] = ((window as unknown as { __tryOnStates: string[] }).__tryOnStates = [])
    new MutationObserver(() => seen.push(el.getAttribute("data-state") ?? "")).observe(el, { attributes: true, attributeFilter: ["data-state"] })
  })
  return () => dialog.page().evaluate(() => (window as unknown as { __tryOnStates: string[] }).__tryOnStates)
}

/** Waits until the image has loaded (the preview's signed URL answered with a picture). */
async function loadedImage(image: Locator) {
  const handle = await image.elementHandle()
  await image.page().waitForFunction((el) => !!el && (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, handle, {
    timeout: 30_000,
  })
}

describe("try it on", () => {
  const browser = useBrowser()

  test("the button is on the pages of garments it can dress, not on a bag's", async () => {
    const page = await browser.newPage()
    for (const category of ["dresses", "tops"]) {
      await openProduct(page, category)
      await (await interactive(page, "try-on-entry")).first().getByRole("button", { name: "Try it on" }).waitFor()
    }
    await openProduct(page, "bags")
    assert.equal(await page.getByTestId("try-on-entry").count(), 0, "no try-on on a bag's page")
    assert.equal(await page.getByRole("button", { name: "Try it on" }).count(), 0)
  })

  const withSidecar = { skip: SIDECAR_URL && AVATAR ? false : "the ML sidecar or its packages (ml-sidecar/node_modules) are not installed" }

  test("a photo of a person: the preview beside the photo with a slider; another size previews again; add to cart", withSidecar, async () => {
    const page = await browser.newPage()
    await openProduct(page, "dresses")
    const title = ((await page.getByTestId("product-title").textContent()) ?? "").trim()
    const dialog = await openTryOn(page)
    // Guidance before any photo, and both ways to give one (the camera one opens the front camera on phones).
    assert.match((await dialog.getByTestId("try-on-guidance").textContent()) ?? "", /Face the camera[\s\S]*whole torso[\s\S]*good, even light/i)
    assert.equal(await dialog.getByTestId("try-on-camera-input").getAttribute("capture"), "user")
    assert.equal(await dialog.getByTestId("try-on-camera-input").getAttribute("accept"), "image/*")

    const states = await watchStates(dialog)
    const state = await nextAnswer(dialog, async () => dialog.getByTestId("try-on-photo-input").setInputFiles(await personPhoto(page)))
    await assertPreviewed(dialog, state)
    assert.ok((await states()).includes("running"), "a busy state while the preview is made")

    // The result (a signed URL an <img> loads) over the shopper's own photo, in the same shape.
    const result = dialog.getByTestId("try-on-result")
    await loadedImage(result)
    const size = await result.evaluate((el) => ({ w: (el as HTMLImageElement).naturalWidth, h: (el as HTMLImageElement).naturalHeight }))
    assert.ok(Math.abs(size.w / size.h - 460 / 653) < 0.02, `the preview has the photo's shape (${size.w}×${size.h})`)
    assert.equal(await dialog.getByTestId("try-on-original").count(), 1)
    assert.match((await result.getAttribute("alt")) ?? "", new RegExp(`Preview of ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`))

    // The slider is a range input: moving it moves the divider between the photo and the preview.
    const slider = dialog.getByRole("slider", { name: "Compare your photo with the preview" })
    await slider.fill("80")
    assert.match((await result.getAttribute("style")) ?? "", /inset\(0(px)? 0(px)? 0(px)? 80%\)/)
    assert.equal(await slider.getAttribute("aria-valuetext"), "80% your photo, 20% preview")
    await screenshot(page, "try-on-result")

    // Another size in stock (so that it can be added to the cart below), when the product has one:
    // previewed again, and the done line names it.
    const others = dialog
      .getByTestId("try-on-size")
      .filter({ has: page.locator("input:not(:checked)") })
      .filter({ hasNot: page.getByText("Out of stock") })
    if ((await others.count()) > 0) {
      const other = others.first()
      const otherLabel = (await other.locator("span").evaluate((el) => el.firstChild?.textContent ?? "")).trim()
      const firstUrl = await result.getAttribute("src")
      await assertPreviewed(dialog, await nextAnswer(dialog, () => other.locator("input").check()))
      assert.match((await dialog.getByTestId("try-on-done").textContent()) ?? "", new RegExp(`\\b${otherLabel}\\b`))
      await loadedImage(dialog.getByTestId("try-on-result"))
      assert.notEqual(await dialog.getByTestId("try-on-result").getAttribute("src"), firstUrl, "a new preview")
    }

    // A guest is told that keeping a preview needs an account.
    await dialog.getByTestId("try-on-keep").click()
    await dialog.getByText(/Sign in to keep your previews/).waitFor()

    // Add to cart: the previewed variant, into the cart, with the mini-cart in the dialog.
    const previewed = ((await dialog.getByTestId("try-on-done").textContent()) ?? "")
      .replace(/^Preview:\s*/, "")
      .split(" · ")[0]
      .trim()
    const before = await cartCount(page)
    await dialog.getByTestId("try-on-add-to-cart").click()
    const mini = dialog.getByRole("dialog", { name: "Added to your cart" })
    await mini.waitFor()
    assert.equal(((await mini.locator(".mini-cart__title").textContent()) ?? "").trim(), title)
    const variant = ((await mini.getByTestId("mini-cart-variant").textContent()) ?? "").trim()
    for (const part of previewed.split(", ")) assert.ok(variant.includes(part), `the cart line is the previewed ${previewed} (${variant})`)
    await page.waitForFunction(
      (n) => new RegExp(`\\(${n}\\)`).test(document.querySelector('[data-testid="nav-cart"]')?.textContent ?? ""),
      before + 1
    )
    await screenshot(page, "try-on-added")
  })

  test("a photo without a person is refused with the reason and what to do; the dialog fits a phone", withSidecar, async () => {
    const page = await browser.newPage()
    await page.setViewportSize(PHONE)
    await openProduct(page, "tops")
    const photo = await productPhoto(page)
    const dialog = await openTryOn(page)
    const state = await nextAnswer(dialog, () => dialog.getByTestId("try-on-photo-input").setInputFiles(photo))
    assert.equal(state, "refused", `a garment alone is refused (${state})`)
    const refusal = dialog.getByTestId("try-on-refusal")
    assert.equal(await refusal.getAttribute("data-type"), "no_person")
    assert.match((await refusal.textContent()) ?? "", /We couldn't find a person in this photo\.[\s\S]*facing the camera/)
    assert.equal(await dialog.getByTestId("try-on-result").count(), 0)
    assert.equal(await dialog.getByTestId("try-on-add-to-cart").count(), 0)

    // On a phone the dialog takes the screen's width, nothing scrolls sideways, and a new photo can be chosen.
    const box = (await dialog.boundingBox())!
    assert.ok(box.x >= 0 && box.width <= PHONE.width, `the dialog fits the screen (${box.x}, ${box.width}px)`)
    assert.ok(await dialog.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), "nothing in the dialog scrolls sideways")
    assert.ok(await dialog.getByText("Use another photo").isVisible())
    await screenshot(page, "try-on-refused-phone")

    // Escape closes it.
    await page.keyboard.press("Escape")
    await dialog.waitFor({ state: "detached" })
  })
})
