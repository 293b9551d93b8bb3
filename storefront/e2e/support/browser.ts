import fs from "node:fs"
import path from "node:path"
import { after, afterEach, before } from "node:test"
import { chromium, Browser, BrowserContext, Locator, Page } from "playwright-core"
import { ARTIFACTS_DIR, CHROMIUM_PATH } from "./env"

/** Debian's Chromium, headless; no network beyond localhost is needed or wanted. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-dev-shm-usage", "--disable-gpu"],
  })
}

/**
 * One browser per test file, a fresh context (cookies, cart) per `newPage()` call.
 * Usage: `const browser = useBrowser()` at the top of a file, then `await browser.newPage()`.
 */
export function useBrowser(options: { viewport?: { width: number; height: number } } = {}) {
  let browser: Browser | undefined
  const contexts: BrowserContext[] = []
  const events = new WeakMap<Page, string[]>()
  before(async () => {
    browser = await launchBrowser()
  })
  // A failed test leaves a screenshot of every page it had open: what the shopper saw when it stopped.
  afterEach(async (t) => {
    // `passed` is in Node's test runner since 20.x but not yet in @types/node 20.
    if ((t as { passed?: boolean }).passed !== false) return
    const pages = contexts.flatMap((c) => c.pages()).filter((p) => !p.isClosed())
    for (const [i, page] of pages.entries()) {
      const file = await screenshot(page, `failed-${t.name.slice(0, 60)}-${i + 1}`).catch(() => null)
      console.log(`# failed test, page ${i + 1} (${page.url()}): ${file ?? "no screenshot"}`)
      for (const line of events.get(page) ?? []) console.log(`#   ${line}`)
    }
  })
  after(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)))
    await browser?.close()
  })
  return {
    async newPage(): Promise<Page> {
      if (!browser) throw new Error("the browser is not launched yet (call newPage inside a test)")
      const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } })
      // Generous: on a busy 2-core machine one cart write through Medusa can take several seconds.
      context.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS || 60_000))
      contexts.push(context)
      const page = await context.newPage()
      watchPage(page, events)
      return page
    },
  }
}

/**
 * Keeps what a failed test needs to tell where the page stopped: browser errors, failed requests,
 * and every form submission (server actions are POSTs to the page) with its status and timing.
 */
function watchPage(page: Page, events: WeakMap<Page, string[]>) {
  const log: string[] = []
  events.set(page, log)
  const started = Date.now()
  const note = (line: string) => {
    log.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${line}`)
    if (log.length > 40) log.shift()
  }
  page.on("console", (m) => (m.type() === "error" || m.type() === "warning") && note(`console.${m.type()}: ${m.text().slice(0, 300)}`))
  page.on("pageerror", (e) => note(`page error: ${e.message.slice(0, 300)}`))
  page.on("requestfailed", (r) => note(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText})`))
  page.on("request", (r) => r.method() === "POST" && note(`POST ${r.url()} sent${r.headers()["next-action"] ? " (server action)" : ""}`))
  page.on("requestfinished", async (r) => {
    if (r.method() !== "POST") return
    const response = await r.response().catch(() => null)
    note(`POST ${r.url()} finished: ${response?.status() ?? "no response"}`)
  })
}

/**
 * Loads and decodes every picture on the page, lazy ones below the fold included, so a full-page
 * screenshot shows them (Chromium loads a lazy image only as it nears the viewport): scrolls the
 * page through once, back to the top, then waits (15 s at most) for every picture.
 */
export async function loadAllImages(page: Page): Promise<void> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += Math.round(window.innerHeight / 2)) {
      window.scrollTo(0, y)
      await new Promise((resolve) => setTimeout(resolve, 150))
    }
    window.scrollTo(0, 0)
  })
  await page.waitForFunction(() => [...document.images].every((image) => image.complete), undefined, { timeout: 15_000 }).catch(() => undefined)
  await page.evaluate(() => Promise.all([...document.images].map((image) => image.decode().catch(() => undefined))))
}

/** Saves a full-page screenshot as a test artefact; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^a-z0-9-]+/gi, "-")}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/**
 * The element with this test id once React has hydrated it (`data-hydrated`, see
 * src/lib/hooks/use-hydrated.ts): typing or clicking earlier can be lost on a busy machine.
 */
export async function interactive(root: Page | Locator, testId: string): Promise<Locator> {
  const ready = root.locator(`[data-testid="${testId}"][data-hydrated="true"]`)
  await ready.first().waitFor()
  return ready
}

/**
 * Clicks a form's submit button and waits for `done`. An error the form shows (role="alert", inside
 * `form`, or inside whatever element is passed as `form` when the alert sits beside the form)
 * fails the test at once with its text, instead of a bare timeout.
 */
export async function submitAndWait(form: Locator, button: Locator, done: Locator): Promise<void> {
  await button.click()
  const alert = form.getByRole("alert")
  try {
    await done.or(alert).first().waitFor()
  } catch (error) {
    // Neither result nor error: say where the page is and what the form still holds, to tell a lost
    // submit (emptied field) from a lost response.
    // Nothing here may wait: the form itself can be gone (the page re-rendered without it).
    const page = form.page()
    const fields = await form.locator("textarea, input:not([type=hidden])").evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))
    const buttonText = (await button.count()) ? await button.first().textContent() : "(gone)"
    const main = await page.evaluate(() => document.querySelector("main")?.innerText.slice(0, 600) ?? "(no main)")
    throw new Error(
      `${(error as Error).message}\n  page: ${page.url()}\n  button: ${buttonText}\n  fields: ${JSON.stringify(fields)}\n  main: ${JSON.stringify(main)}`
    )
  }
  if (await alert.isVisible()) throw new Error(`the form said: ${(await alert.textContent())?.trim()}`)
}
