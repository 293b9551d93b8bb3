import assert from "node:assert/strict"
import { describe, test } from "node:test"
import type { Page, Request } from "playwright-core"
import { screenshot, useBrowser } from "./support/browser"
import { BACKEND_URL } from "./support/env"

/**
 * Curator's moderator role in the Medusa admin: an administrator makes a user a moderator on the
 * user's page; the moderator signs in, uses the Moderation page (and sees why a post is hidden)
 * and is refused the products list.
 */
const ADMIN_EMAIL = process.env.CURATOR_ADMIN_EMAIL || "admin@curator.local"
const ADMIN_PASSWORD = process.env.CURATOR_ADMIN_PASSWORD || "curator-demo"
const MODERATOR = { email: `moderator-${Date.now()}@curator.local`, password: "moderator-pw-1", first_name: "Mona", last_name: "Reviewer" }
const admin = (pathname: string) => `${BACKEND_URL}/app${pathname}`

async function signIn(page: Page, email: string, password: string) {
  await page.goto(admin("/login"))
  await page.locator("input[name=email]").fill(email)
  await page.locator("input[name=password]").fill(password)
  await page.getByRole("button", { name: "Continue with Email" }).click()
  await page.waitForURL((u) => !u.pathname.endsWith("/login"))
}

/** The Admin API from the test itself, as an administrator (bearer token). */
async function api<T>(method: string, pathname: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(`${BACKEND_URL}${pathname}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${JSON.stringify(data)}`)
  return data as T
}

/** A second admin user, invited by the administrator and accepted, as the admin's invite flow does it. */
async function inviteUser(adminToken: string): Promise<string> {
  const { invite } = await api<{ invite: { token: string } }>("POST", "/admin/invites", { email: MODERATOR.email }, adminToken)
  const { token: registration } = await api<{ token: string }>("POST", "/auth/user/emailpass/register", {
    email: MODERATOR.email,
    password: MODERATOR.password,
  })
  const { user } = await api<{ user: { id: string } }>(
    "POST",
    `/admin/invites/accept?token=${encodeURIComponent(invite.token)}`,
    { email: MODERATOR.email, first_name: MODERATOR.first_name, last_name: MODERATOR.last_name },
    registration
  )
  return user.id
}

/**
 * Every /admin call a page makes, with its answer and when it was sent: a call a page sent before
 * it navigated away can still answer afterwards, so a step counts only the calls sent since it began.
 */
function recordAdminCalls(page: Page) {
  const calls: { method: string; path: string; status: number; sent: number }[] = []
  const sentAt = new WeakMap<Request, number>()
  page.on("request", (request) => sentAt.set(request, performance.now()))
  page.on("response", (response) => {
    const url = new URL(response.url())
    const request = response.request()
    if (url.pathname.startsWith("/admin/"))
      calls.push({ method: request.method(), path: url.pathname, status: response.status(), sent: sentAt.get(request) ?? 0 })
  })
  return { since: (start: number) => calls.filter((c) => c.sent >= start) }
}

describe("admin roles", () => {
  const browser = useBrowser({ viewport: { width: 1440, height: 900 } })

  test("an administrator makes a user a moderator, who gets the moderation page and not the catalog", async () => {
    const { token: adminToken } = await api<{ token: string }>("POST", "/auth/user/emailpass", { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
    const userId = await inviteUser(adminToken)

    // A post a moderator hid, so the moderation page has a reason to show (approved again at the end).
    const { posts } = await api<{ posts: { id: string; caption: string | null; open_report_count: number }[] }>(
      "GET",
      "/admin/social/posts?status=published&reported=false&limit=1",
      undefined,
      adminToken
    )
    const [post] = posts
    assert.ok(post, "the demo seed has published posts")
    await api("POST", `/admin/social/posts/${post.id}/moderate`, { action: "hide", note: "Off-topic" }, adminToken)

    // The administrator, on the new user's page: the role widget, from Administrator to Moderator.
    const adminPage = await browser.newPage()
    await signIn(adminPage, ADMIN_EMAIL, ADMIN_PASSWORD)
    await adminPage.goto(admin(`/settings/users/${userId}`))
    const widget = adminPage.getByTestId("curator-user-role")
    await widget.getByText("Administrator", { exact: true }).first().waitFor()
    await widget.getByRole("combobox", { name: "Role" }).click()
    await adminPage.getByRole("option", { name: "Moderator" }).click()
    await widget.getByRole("button", { name: "Save role" }).click()
    await adminPage.getByText(`${MODERATOR.email} is now a moderator`).waitFor()
    await screenshot(adminPage, "admin-user-role")
    const { user_role } = await api<{ user_role: { role: string } }>("GET", `/admin/users/${userId}/role`, undefined, adminToken)
    assert.equal(user_role.role, "moderator")

    // The moderator signs in: the shell loads, the Moderation page works and says why the post is hidden.
    const page = await browser.newPage()
    const calls = recordAdminCalls(page)
    await signIn(page, MODERATOR.email, MODERATOR.password)
    // Signed in, the dashboard opens its orders list, which a moderator is refused: the guard sends them on.
    await page.waitForURL((u) => u.pathname.endsWith("/moderation"))
    console.log(`# after sign-in:\n#   ${[...new Set(calls.since(0).map((c) => `${c.method} ${c.path} ${c.status}`))].join("\n#   ")}`)
    const moderationStart = performance.now()
    await page.goto(admin("/moderation"))
    await page.getByRole("heading", { name: "Moderation" }).waitFor()
    await page.getByRole("row").first().waitFor()
    await page.getByRole("combobox").first().click()
    await page.getByRole("option", { name: "Hidden" }).click()
    const hiddenRow = page.getByRole("row").filter({ hasText: "by Curator Admin" })
    await hiddenRow.first().waitFor()
    await hiddenRow.first().click()
    const reason = page.getByRole("dialog").getByTestId("hidden-reason")
    await reason.getByText("Hidden by Curator Admin — “Off-topic”").waitFor()
    await screenshot(page, "admin-moderator-hidden-reason")
    await page.keyboard.press("Escape")
    const shellCalls = calls.since(moderationStart).map((c) => `${c.method} ${c.path} ${c.status}`)
    console.log(`# the admin shell's calls for a moderator:\n#   ${[...new Set(shellCalls)].join("\n#   ")}`)
    assert.deepEqual(
      calls.since(moderationStart).filter((c) => c.status === 403),
      [],
      "the dashboard's shell and the moderation page make no call a moderator is refused"
    )

    // The products list is refused: the API answers the moderator 403, and the admin shows no product.
    const { token: moderatorToken } = await api<{ token: string }>("POST", "/auth/user/emailpass", {
      email: MODERATOR.email,
      password: MODERATOR.password,
    })
    await assert.rejects(api("GET", "/admin/products?limit=1", undefined, moderatorToken), /: 403 /)
    const productsStart = performance.now()
    await page.goto(admin("/products"))
    // The guard sends a moderator on as soon as their role is known, often before the list asks.
    await page.waitForURL((u) => u.pathname.endsWith("/moderation"))
    await page.getByRole("heading", { name: "Moderation" }).waitFor()
    const listed = calls.since(productsStart).filter((c) => c.path === "/admin/products")
    assert.ok(
      listed.every((c) => c.status === 403),
      `GET /admin/products answers 403: ${JSON.stringify(listed)}`
    )
    const { products } = await api<{ products: { title: string }[] }>("GET", "/admin/products?limit=1&fields=title", undefined, adminToken)
    assert.equal(await page.getByText(products[0].title, { exact: true }).count(), 0, "no product is listed to a moderator")
    await screenshot(page, "admin-moderator-products")

    // Leave the demo as it was for the other browser tests.
    await api("POST", `/admin/social/posts/${post.id}/moderate`, { action: "approve" }, adminToken)
  })
})
