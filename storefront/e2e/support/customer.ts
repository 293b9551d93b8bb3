import { interactive } from "./browser"
import crypto from "node:crypto"
import fs from "node:fs"
import assert from "node:assert/strict"
import { Page } from "playwright-core"
import { STOREFRONT_URL, url } from "./env"

export type TestCustomer = { firstName: string; lastName: string; email: string; password: string }

export function freshCustomer(): TestCustomer {
  const id = crypto.randomBytes(5).toString("hex")
  return { firstName: "Test", lastName: `Shopper ${id}`, email: `e2e-${id}@curator.test`, password: `pw-${id}-secret` }
}

/** Signs up a new customer through the account page's form; the page ends on the signed-in account. */
export async function signUpFreshCustomer(page: Page, customer = freshCustomer()): Promise<TestCustomer> {
  await page.goto(url("/account"))
  const form = await interactive(page, "register-form")
  await form.getByLabel("First name").fill(customer.firstName)
  await form.getByLabel("Last name").fill(customer.lastName)
  await form.getByLabel("Email").fill(customer.email)
  await form.getByLabel("Password").fill(customer.password)
  await form.getByRole("button", { name: "Create account" }).click()
  await page.getByTestId("account-greeting").waitFor()
  assert.equal(await page.getByTestId("account-email").textContent(), customer.email)
  return customer
}

export async function signIn(page: Page, customer: Pick<TestCustomer, "email" | "password">) {
  await page.goto(url("/account"))
  const form = await interactive(page, "login-form")
  await form.getByLabel("Email").fill(customer.email)
  await form.getByLabel("Password").fill(customer.password)
  await form.getByRole("button", { name: "Sign in" }).click()
  await page.getByTestId("account-greeting").waitFor()
}

/**
 * The password reset link the backend logged for `email` (the demo has no email provider; the
 * test runner keeps the backend's output in BACKEND_LOG_FILE), as a URL on the storefront under
 * test. Null when the runner keeps no log (servers started by hand).
 */
export async function passwordResetLinkFromLog(email: string, timeoutMs = 30_000): Promise<string | null> {
  const file = process.env.BACKEND_LOG_FILE
  if (!file) return null
  const encoded = encodeURIComponent(email)
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : ""
    const links = text.match(/https?:\/\/[^\s"]+\/account\/reset-password\?token=[^\s"&]+&email=[^\s"]+/g) ?? []
    const link = links.filter((l) => l.endsWith(`email=${encoded}`)).pop()
    if (link) {
      const { pathname, search } = new URL(link)
      return `${STOREFRONT_URL}${pathname}${search}`
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`no password reset link for ${email} in the backend's log (${file}) within ${timeoutMs / 1000} s`)
}
