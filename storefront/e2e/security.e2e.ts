import assert from "node:assert/strict"
import http from "node:http"
import { describe, test } from "node:test"
import { Page } from "playwright-core"
import { interactive, useBrowser } from "./support/browser"
import { freshCustomer, signUpFreshCustomer } from "./support/customer"
import { COUNTRY, STOREFRONT_URL, url } from "./support/env"
import { outfitPhoto } from "./support/photo"

const MB = 1024 * 1024

/** The headers every response carries (next.config.mjs), whatever kind of response it is. */
function assertCommonHeaders(headers: Record<string, string>, what: string) {
  assert.equal(headers["x-content-type-options"], "nosniff", `${what}: X-Content-Type-Options`)
  assert.equal(headers["x-frame-options"], "DENY", `${what}: X-Frame-Options`)
  assert.equal(headers["referrer-policy"], "strict-origin-when-cross-origin", `${what}: Referrer-Policy`)
  assert.match(headers["permissions-policy"] ?? "", /camera=\(self\)/, `${what}: Permissions-Policy lets the shop's pages use the camera`)
  assert.match(headers["permissions-policy"] ?? "", /microphone=\(\)/, `${what}: Permissions-Policy turns the rest off`)
  assert.equal(headers["x-powered-by"], undefined, `${what}: no X-Powered-By`)
}

/** A page's policy: scripts only by this response's nonce, no eval, no framing. */
function assertPagePolicy(headers: Record<string, string>, what: string): string {
  const csp = headers["content-security-policy"] ?? ""
  const nonce = csp.match(/script-src [^;]*'nonce-([^']+)'/)?.[1]
  assert.ok(nonce, `${what}: the CSP allows scripts by nonce (got "${csp}")`)
  assert.doesNotMatch(csp, /unsafe-eval/, `${what}: no 'unsafe-eval' in production`)
  assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/, `${what}: no inline scripts without the nonce`)
  assert.match(csp, /frame-ancestors 'none'/, `${what}: frame-ancestors 'none'`)
  assert.match(csp, /object-src 'none'/, `${what}: object-src 'none'`)
  return nonce!
}

/** Collects what the browser reports about the page's policies: violation events and console complaints. */
async function watchPolicies(page: Page): Promise<() => Promise<string[]>> {
  const complaints: string[] = []
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused to|Permissions.Policy/i.test(m.text())) complaints.push(`console.${m.type()}: ${m.text()}`)
  })
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { __policyViolations: string[] }).__policyViolations = seen
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`)
    )
  })
  return async () => [
    ...complaints,
    ...(await page.evaluate(() => (window as unknown as { __policyViolations?: string[] }).__policyViolations ?? [])),
  ]
}

/** Sends a body to the storefront with Node's http client, chunked (no Content-Length), and reads the answer. */
function postChunked(path: string, headers: Record<string, string>, totalBytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${STOREFRONT_URL}${path}`,
      { method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } },
      (response) => {
        let body = ""
        response.setEncoding("utf8")
        response.on("data", (c) => (body += c))
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }))
      }
    )
    // The server may answer and close before the whole body is sent: that is the point.
    request.on("error", (error) => reject(error))
    const chunk = Buffer.alloc(MB, 0x41)
    let sent = 0
    const pump = () => {
      while (sent < totalBytes) {
        sent += chunk.length
        if (!request.write(chunk)) return void request.once("drain", pump)
      }
      request.end()
    }
    pump()
  })
}

describe("security", () => {
  const browser = useBrowser()

  test("every kind of page, route and static file answers with the security headers", async () => {
    const page = await browser.newPage()
    const pages: [string, string][] = [
      ["home", url("/")],
      ["listing", url("/store")],
      ["account", url("/account")],
      ["lookbooks", url("/lookbooks")],
      ["feed", url("/feed")],
    ]
    await page.goto(url("/store"))
    pages.push(["product", new URL((await page.getByTestId("product-card").first().getAttribute("href"))!, STOREFRONT_URL).toString()])
    await page.goto(url("/lookbooks"))
    pages.push(["lookbook", new URL((await page.getByTestId("lookbook-card").first().getAttribute("href"))!, STOREFRONT_URL).toString()])

    const nonces = new Set<string>()
    for (const [what, address] of pages) {
      const response = await page.goto(address)
      assert.equal(response?.status(), 200, `${what} (${address}) answers 200`)
      const headers = await response!.allHeaders()
      assertCommonHeaders(headers, what)
      nonces.add(assertPagePolicy(headers, what))
      // Next.js put this response's nonce on every script tag it rendered (inline data and chunks).
      const nonce = [...nonces].at(-1)
      const tags = (await response!.text()).match(/<script\b[^>]*>/g) ?? []
      assert.ok(tags.length > 0, `${what}: the page has scripts`)
      assert.deepEqual(
        tags.filter((tag) => !tag.includes(`nonce="${nonce}"`)),
        [],
        `${what}: every script tag carries the response's nonce`
      )
    }
    assert.equal(nonces.size, pages.length, "every response gets a fresh nonce")

    // A redirect (an unknown country) and a static file.
    const redirect = await page.request.get(`${STOREFRONT_URL}/zz/store`, { maxRedirects: 0 })
    assert.equal(redirect.status(), 307)
    assertCommonHeaders(redirect.headers(), "redirect")
    await page.goto(url("/"))
    const scriptSrc = await page.locator('script[src*="/_next/static/"]').first().getAttribute("src")
    const asset = await page.request.get(new URL(scriptSrc!, STOREFRONT_URL).toString())
    assert.equal(asset.status(), 200)
    assertCommonHeaders(asset.headers(), `static file ${scriptSrc}`)

    // The upload routes answer JSON that nothing may load as a document or frame.
    const api = await page.request.get(`${STOREFRONT_URL}/api/social/posts`)
    assertCommonHeaders(api.headers(), "upload route")
    assert.match(api.headers()["content-security-policy"] ?? "", /default-src 'none'.*frame-ancestors 'none'/)
  })

  test("the main pages work under the policy: nothing is blocked, forms hydrate, photos load", async () => {
    const page = await browser.newPage()
    const violations = await watchPolicies(page)

    await page.goto(url("/"))
    await page.waitForLoadState("networkidle")
    await page.goto(url("/store"))
    const card = page.getByTestId("product-card").first()
    const thumbnail = card.locator("img").first()
    await thumbnail.scrollIntoViewIfNeeded()
    await page.waitForFunction(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      await thumbnail.elementHandle()
    )
    await card.click()
    await interactive(page, "variant-picker")
    await page.goto(url("/lookbooks"))
    await page.getByTestId("lookbook-card").first().click()
    await interactive(page, "look")
    await page.goto(url("/feed"))
    await page.waitForLoadState("networkidle")

    // Signed in: the account, the wardrobe form and the post composer (blob: previews of photos).
    await signUpFreshCustomer(page)
    await page.goto(url("/wardrobe/items/new"))
    const form = await interactive(page, "item-form")
    await form.getByLabel("Photo").setInputFiles(await outfitPhoto(page, "Policy check"))
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="item-form"] img')
      return Boolean(img?.complete && img.naturalWidth > 0)
    })
    await page.goto(url("/feed/new"))
    const composer = await interactive(page, "create-post-form")
    await composer.getByLabel(/^Photos/).setInputFiles(await outfitPhoto(page, "Policy check"))
    await composer.getByTestId("composer-photo").waitFor()

    assert.deepEqual(await violations(), [], "no policy violations on the main pages")

    // The policy is enforced (and the watch above sees it): markup injected the way XSS does it, an
    // inline event handler, does not run.
    const ran = await page.evaluate(async () => {
      const box = document.createElement("div")
      box.innerHTML = '<img src="about:invalid" onerror="window.__injected = true" alt="">'
      document.body.append(box)
      await new Promise((r) => setTimeout(r, 300))
      return Boolean((window as unknown as { __injected?: boolean }).__injected)
    })
    assert.equal(ran, false, "an injected inline event handler is blocked")
    assert.ok(
      (await violations()).some((v) => v.includes("script-src")),
      "the browser reported the blocked script"
    )
  })

  test("an oversized upload gets 413 with a message, before it is read, and the shop keeps working", async () => {
    const page = await browser.newPage()
    await signUpFreshCustomer(page)
    const cookie = (await page.context().cookies(STOREFRONT_URL)).map((c) => `${c.name}=${c.value}`).join("; ")

    // A 70 MB post (declared length): refused at once with Medusa's kind of error body.
    const huge = Buffer.alloc(70 * MB, 0xff)
    const post = await page.request.post(`${STOREFRONT_URL}/api/social/posts`, {
      multipart: { caption: "too big", photos: { name: "huge.jpg", mimeType: "image/jpeg", buffer: huge } },
    })
    assert.equal(post.status(), 413)
    const refused = (await post.json()) as { type: string; message: string }
    assert.equal(refused.type, "payload_too_large")
    assert.match(refused.message, /larger than 61 MB.*10 MB/)

    // The same without a declared length (chunked): counted while it streams, refused past the limit.
    const chunked = await postChunked("/api/wardrobe/items", { cookie, "content-type": "multipart/form-data; boundary=x" }, 70 * MB).catch(
      (error: Error) => ({ status: 0, body: error.message })
    )
    assert.equal(chunked.status, 413, `a chunked 70 MB body is refused (${chunked.body})`)

    // A server action with a 70 MB body never reaches the action: 413 from the proxy (src/proxy.ts).
    const action = await page.request.post(url("/account"), {
      headers: { "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" },
      data: huge,
    })
    assert.equal(action.status(), 413)
    assert.match(await action.text(), /more than 1 MB/)
    // ...and one that does not declare its length is not read at all (Next.js would answer 500 past its limit).
    const chunkedAction = await postChunked(
      `/${COUNTRY}/account`,
      { cookie, "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" },
      70 * MB
    ).catch((error: Error) => ({ status: 0, body: error.message }))
    assert.equal(chunkedAction.status, 411, `a chunked server action body is refused (${chunkedAction.body})`)

    // The storefront is still healthy: pages render and a normal photo upload goes through to Medusa.
    assert.equal((await page.request.get(url("/"))).status(), 200)
    const photo = await outfitPhoto(page, "After the big one")
    const item = await page.request.post(`${STOREFRONT_URL}/api/wardrobe/items`, { multipart: { name: "Linen shirt", photo } })
    assert.ok(item.ok(), `a normal upload is stored (${item.status()}: ${await item.text()})`)
    const saved = ((await item.json()) as { item: { id: string; name: string; photo_url: string | null } }).item
    assert.equal(saved.name, "Linen shirt")
    assert.ok(saved.photo_url, "the photo was stored")
    await page.goto(url(`/wardrobe/items/${saved.id}`))
    await page.getByTestId("item-name").filter({ hasText: "Linen shirt" }).waitFor()

    // Another site's page cannot post uploads with the shopper's session.
    const foreign = await page.request.post(`${STOREFRONT_URL}/api/wardrobe/items`, {
      headers: { origin: "https://evil.example" },
      multipart: { name: "x" },
    })
    assert.equal(foreign.status(), 403)
  })

  test("a photo over 10 MB is refused in the form before anything is sent", async () => {
    const page = await browser.newPage()
    await signUpFreshCustomer(page)
    const uploads: string[] = []
    page.on("request", (r) => r.url().includes("/api/") && uploads.push(r.url()))
    const big = { name: "holiday.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(11 * MB, 0xff) }

    await page.goto(url("/wardrobe/items/new"))
    const form = await interactive(page, "item-form")
    await form.getByLabel("Name").fill("Heavy coat")
    await form.getByLabel("Photo").setInputFiles(big)
    await form.getByRole("alert").filter({ hasText: "“holiday.jpg” is 11 MB; a photo can be up to 10 MB" }).waitFor()
    assert.equal(await form.getByLabel("Photo").inputValue(), "", "the file is taken out of the field")

    await page.goto(url("/feed/new"))
    const composer = await interactive(page, "create-post-form")
    await composer.getByLabel(/^Photos/).setInputFiles([await outfitPhoto(page, "Small"), big])
    await composer.getByRole("alert").filter({ hasText: "“holiday.jpg” is 11 MB" }).waitFor()
    assert.equal(await composer.getByTestId("composer-photo").count(), 0)
    assert.deepEqual(uploads, [], "nothing was uploaded")
  })

  test("sign-in and sign-up redirects stay in the shop, in a country it sells to", async () => {
    // An unknown country in the address goes to the default one.
    const page = await browser.newPage()
    await page.goto(`${STOREFRONT_URL}/zz/account`)
    assert.equal(new URL(page.url()).pathname, `/${COUNTRY}/account`)

    // A form whose country was tampered with: sign-up lands on this shop's default country...
    const customer = freshCustomer()
    await page.goto(url("/account"))
    const register = await interactive(page, "register-form")
    await register.locator('input[name="country_code"]').evaluate((el) => ((el as HTMLInputElement).value = "//evil.example"))
    await register.getByLabel("First name").fill(customer.firstName)
    await register.getByLabel("Last name").fill(customer.lastName)
    await register.getByLabel("Email").fill(customer.email)
    await register.getByLabel("Password").fill(customer.password)
    await register.getByRole("button", { name: "Create account" }).click()
    await page.getByTestId("account-greeting").waitFor()
    assert.equal(page.url(), `${STOREFRONT_URL}/${COUNTRY}/account`)

    // ...and so does sign-in, with an unknown code or a path.
    for (const tampered of ["zz", "us/../../elsewhere"]) {
      const other = await browser.newPage()
      await other.goto(url("/account"))
      const login = await interactive(other, "login-form")
      await login.locator('input[name="country_code"]').evaluate((el, value) => ((el as HTMLInputElement).value = value), tampered)
      await login.getByLabel("Email").fill(customer.email)
      await login.getByLabel("Password").fill(customer.password)
      await login.getByRole("button", { name: "Sign in" }).click()
      await other.getByTestId("account-greeting").waitFor()
      assert.equal(other.url(), `${STOREFRONT_URL}/${COUNTRY}/account`, `country "${tampered}" falls back to the default`)
    }
  })
})
