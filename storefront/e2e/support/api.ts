import assert from "node:assert/strict"
import { ADMIN_EMAIL, ADMIN_PASSWORD } from "./admin"
import { BACKEND_URL } from "./env"

/** A bearer token from Medusa's email/password sign-in, for a customer or an admin user. */
export async function apiToken(actor: "customer" | "user", email: string, password: string): Promise<string> {
  const res = await fetch(`${BACKEND_URL}/auth/${actor}/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  assert.equal(res.status, 200, `signing in ${email} answered ${res.status}`)
  return ((await res.json()) as { token: string }).token
}

/** A GET or POST on the Admin API as the seeded administrator; anything but 200 fails with the answer. */
export async function adminApi<T>(method: "GET" | "POST", pathname: string, body?: unknown): Promise<T> {
  const token = await apiToken("user", ADMIN_EMAIL, ADMIN_PASSWORD)
  const res = await fetch(`${BACKEND_URL}${pathname}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  assert.equal(res.status, 200, `${method} ${pathname} answered ${res.status}: ${await res.clone().text()}`)
  return (await res.json()) as T
}

/** GET on the Admin API as the seeded administrator. */
export const adminApiGet = <T>(pathname: string): Promise<T> => adminApi<T>("GET", pathname)

/**
 * The storefront's publishable key (the seed's "Curator Storefront", the one the storefront is
 * configured with, not Medusa's default key), read through the Admin API.
 */
export async function publishableKey(): Promise<string> {
  const { api_keys } = await adminApiGet<{ api_keys: { token: string; title: string; revoked_at: string | null }[] }>(
    "/admin/api-keys?type=publishable&limit=50"
  )
  const key = api_keys.find((k) => !k.revoked_at && k.title === "Curator Storefront")
  assert.ok(key, "the shop has a publishable key")
  return key.token
}

/** GET on the Store API, with the publishable key and, when given, a customer's token. */
export async function storeApiGet<T>(pathname: string, token?: string): Promise<T> {
  const res = await fetch(`${BACKEND_URL}${pathname}`, {
    headers: { "x-publishable-api-key": await publishableKey(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  })
  assert.equal(res.status, 200, `GET ${pathname} answered ${res.status}`)
  return (await res.json()) as T
}

/** POST on the Store API with a JSON body, the publishable key and, when given, a customer's token. */
export async function storeApiPost<T>(pathname: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${BACKEND_URL}${pathname}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-publishable-api-key": await publishableKey(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })
  assert.equal(res.status, 200, `POST ${pathname} answered ${res.status}`)
  return (await res.json()) as T
}
