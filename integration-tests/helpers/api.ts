import { DEMO_CUSTOMER_PASSWORD, DEMO_CUSTOMERS, demoAdmin } from "../../src/scripts/demo-catalog/seed-people"

export type TestResponse = { status: number; data: any; headers: Record<string, unknown> }
type RequestOptions = { headers?: Record<string, string>; validateStatus?: (status: number) => boolean }

/** The test runner's HTTP client, an axios instance (@medusajs/test-utils types it `any`): the calls these helpers make. */
export type TestApi = {
  request(config: RequestOptions & { method: string; url: string; data?: unknown }): Promise<TestResponse>
  post(url: string, data?: unknown, options?: RequestOptions): Promise<TestResponse>
}

/** Headers for the Store API: the publishable key, and the bearer token when there is one. */
export const storeHeaders = (publishableKey: string, token?: string): Record<string, string> => ({
  "x-publishable-api-key": publishableKey,
  ...(token ? { authorization: `Bearer ${token}` } : {}),
})

/**
 * A request function that answers every response, 2xx or not: `who` names a token in `tokens`
 * (read at call time, so tokens signed in by beforeAll count; none for anonymous callers).
 */
export function apiCaller<Who extends string>(api: TestApi, publishableKey: () => string, tokens: Partial<Record<Who, string>>) {
  return (method: string, url: string, who?: Who, data?: unknown, extraHeaders: Record<string, string> = {}) =>
    api.request({
      method,
      url,
      data,
      headers: { ...storeHeaders(publishableKey(), who ? tokens[who] : undefined), ...extraHeaders },
      validateStatus: () => true,
    })
}

/** Medusa's email/password sign-in: the bearer token of a customer or an admin user. */
export async function signIn(api: TestApi, actor: "customer" | "user", email: string, password: string): Promise<string> {
  return (await api.post(`/auth/${actor}/emailpass`, { email, password })).data.token as string
}

/** The token of the seeded demo shopper at `index` in DEMO_CUSTOMERS. */
export const signInDemoCustomer = (api: TestApi, index: number) => signIn(api, "customer", DEMO_CUSTOMERS[index].email, DEMO_CUSTOMER_PASSWORD)

/** The token of the seeded demo administrator. */
export const signInDemoAdmin = (api: TestApi) => signIn(api, "user", demoAdmin().email, demoAdmin().password)

/** A shopper who signs up now, as the storefront does (register, create the customer, sign in): a brand-new account. */
export async function signUpCustomer(
  api: TestApi,
  publishableKey: string,
  customer: { email: string; first_name: string; last_name: string; password?: string }
): Promise<{ token: string; customerId: string }> {
  const { password = "pw-123456", ...details } = customer
  const registration = (await api.post("/auth/customer/emailpass/register", { email: details.email, password })).data.token as string
  const created = await api.post("/store/customers", details, { headers: storeHeaders(publishableKey, registration) })
  return { token: await signIn(api, "customer", details.email, password), customerId: created.data.customer.id as string }
}
