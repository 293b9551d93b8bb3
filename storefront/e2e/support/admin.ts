import type { Page } from "playwright-core"
import { BACKEND_URL } from "./env"

/** The seeded administrator (npm run seed), unless the environment names another. */
export const ADMIN_EMAIL = process.env.CURATOR_ADMIN_EMAIL || "admin@curator.local"
export const ADMIN_PASSWORD = process.env.CURATOR_ADMIN_PASSWORD || "curator-demo"

/** A page of the Medusa admin, which the backend serves under /app. */
export const adminUrl = (pathname: string) => `${BACKEND_URL}/app${pathname}`

/** Signs in on the admin's login page (a session cookie) and waits until it has left it. */
export async function signInAdmin(page: Page, email = ADMIN_EMAIL, password = ADMIN_PASSWORD) {
  await page.goto(adminUrl("/login"))
  await page.locator("input[name=email]").fill(email)
  await page.locator("input[name=password]").fill(password)
  await page.getByRole("button", { name: "Continue with Email" }).click()
  await page.waitForURL((u) => !u.pathname.endsWith("/login"))
}

/** The Admin API as the signed-in page calls it (session cookie). */
export async function adminGet<T>(page: Page, pathname: string): Promise<T> {
  return page.evaluate(async (p) => {
    const res = await fetch(p, { credentials: "include" })
    if (!res.ok) throw new Error(`${p}: ${res.status}`)
    return res.json()
  }, pathname)
}
