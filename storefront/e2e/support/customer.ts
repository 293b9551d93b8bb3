import { interactive } from "./browser"
import crypto from "node:crypto"
import assert from "node:assert/strict"
import { Page } from "playwright-core"
import { url } from "./env"

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
