"use server"

import { HttpTypes } from "@medusajs/types"
import { revalidateTag } from "next/cache"
import { redirect } from "next/navigation"
import { sdk } from "@lib/config"
import { errorStatus, medusaErrorMessage } from "@lib/util/errors"
import { ADDRESS_FIELDS, validateAddress } from "@lib/util/address"
import { shopCountry } from "./regions"
import { getAuthHeaders, getCacheOptions, getCacheTag, getCartId, removeAuthToken, removeCartId, setAuthToken } from "./cookies"

export type FormState = {
  error?: string
  fieldErrors?: Record<string, string>
  values?: Record<string, string>
  /** How many addresses this form has saved: a new count gives the emptied form a new key. */
  saved?: number
} | null

/** The signed-in customer, or null for guests and expired sessions. */
export async function retrieveCustomer(): Promise<HttpTypes.StoreCustomer | null> {
  const headers = await getAuthHeaders()
  if (!("authorization" in headers)) return null
  try {
    const { customer } = await sdk.client.fetch<{ customer: HttpTypes.StoreCustomer }>("/store/customers/me", {
      query: { fields: "*addresses" },
      headers,
      next: await getCacheOptions("customers"),
      cache: "force-cache",
    })
    return customer
  } catch (error) {
    if (errorStatus(error) === 401) return null
    // Pages show a failed lookup as a guest view: say why in the server log.
    console.error(`[storefront] the signed-in customer could not be read: ${(error as Error).message}`, (error as { cause?: unknown }).cause ?? "")
    throw error
  }
}

// Expired at once ({ expire: 0 }), not served stale: the shopper sees their own change next. Not
// updateTag, which only server actions may call: the Google sign-in route handler runs these too.
const AT_ONCE = { expire: 0 }

async function revalidateCustomer() {
  const tag = await getCacheTag("customers")
  if (tag) revalidateTag(tag, AT_ONCE)
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function readFields(formData: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, String(formData.get(n) ?? "").trim()]))
}

/** After signing in, the guest cart becomes the customer's cart (so it shows in their account). */
async function transferCart() {
  const cartId = await getCartId()
  if (!cartId) return
  const headers = await getAuthHeaders()
  await sdk.store.cart.transferCart(cartId, {}, headers).catch(() => undefined)
  revalidateTag(`cart-${cartId}`, AT_ONCE)
}

export async function signup(_state: FormState, formData: FormData): Promise<FormState> {
  const values = readFields(formData, ["first_name", "last_name", "email", "phone"])
  const password = String(formData.get("password") ?? "")
  const fieldErrors: Record<string, string> = {}
  if (!values.first_name) fieldErrors.first_name = "Enter your first name."
  if (!values.last_name) fieldErrors.last_name = "Enter your last name."
  if (!EMAIL.test(values.email)) fieldErrors.email = "Enter an email address like name@example.com."
  if (password.length < 8) fieldErrors.password = "Use at least 8 characters for your password."
  if (Object.keys(fieldErrors).length) return { fieldErrors, values }

  try {
    const { token: registrationToken } = await sdk.client.fetch<{ token: string }>("/auth/customer/emailpass/register", {
      method: "POST",
      body: { email: values.email, password },
    })
    await sdk.client.fetch("/store/customers", {
      method: "POST",
      headers: { authorization: `Bearer ${registrationToken}` },
      body: { email: values.email, first_name: values.first_name, last_name: values.last_name, ...(values.phone ? { phone: values.phone } : {}) },
    })
    // The registration token only allows creating the customer; sign in for a session token.
    const { token } = await sdk.client.fetch<{ token: string }>("/auth/customer/emailpass", {
      method: "POST",
      body: { email: values.email, password },
    })
    await setAuthToken(token)
  } catch (error) {
    const message = medusaErrorMessage(error)
    if (/already exists/i.test(message)) {
      return { error: "An account with this email already exists. Sign in instead, or use another email.", values }
    }
    return { error: message, values }
  }
  await revalidateCustomer()
  await transferCart()
  const countryCode = await shopCountry(formData.get("country_code"))
  redirect(`/${countryCode}/account`)
}

export async function login(_state: FormState, formData: FormData): Promise<FormState> {
  const values = readFields(formData, ["email"])
  const password = String(formData.get("password") ?? "")
  const fieldErrors: Record<string, string> = {}
  if (!EMAIL.test(values.email)) fieldErrors.email = "Enter the email address you signed up with."
  if (!password) fieldErrors.password = "Enter your password."
  if (Object.keys(fieldErrors).length) return { fieldErrors, values }
  try {
    const { token } = await sdk.client.fetch<{ token: string }>("/auth/customer/emailpass", {
      method: "POST",
      body: { email: values.email, password },
    })
    await setAuthToken(token)
  } catch (error) {
    if (errorStatus(error) === 401) return { error: "That email and password do not match an account. Check them, or create an account.", values }
    return { error: medusaErrorMessage(error), values }
  }
  await revalidateCustomer()
  await transferCart()
  const countryCode = await shopCountry(formData.get("country_code"))
  redirect(`/${countryCode}/account`)
}

export async function signout(countryCode: string) {
  countryCode = await shopCountry(countryCode)
  const headers = await getAuthHeaders()
  await sdk.client.fetch("/auth/session", { method: "DELETE", headers }).catch(() => undefined)
  await revalidateCustomer()
  await removeAuthToken()
  // The cart belonged to the customer; a guest starts a fresh one.
  await removeCartId()
  redirect(`/${countryCode}/account`)
}

/** Whether the backend has Google sign-in configured (it answers with a consent URL); cached for 5 minutes. */
export async function googleSignInConfigured(): Promise<boolean> {
  try {
    const result = await sdk.client.fetch<{ location?: string }>("/auth/customer/google", {
      next: { revalidate: 300, tags: ["auth-providers"] },
      cache: "force-cache",
    })
    return Boolean(result.location)
  } catch {
    return false
  }
}

/** Starts Google sign-in: Medusa answers with Google's consent URL (fresh state each time). */
export async function startGoogleSignIn(countryCode: string) {
  countryCode = await shopCountry(countryCode)
  let location: string | undefined
  try {
    ;({ location } = await sdk.client.fetch<{ location?: string }>("/auth/customer/google", { cache: "no-store" }))
  } catch {
    location = undefined
  }
  redirect(location ?? `/${countryCode}/account?error=google-unavailable`)
}

/** Google sent the shopper back: trade the code for a token, create the customer on first sign-in. */
export async function completeGoogleSignIn(query: Record<string, string>): Promise<string | null> {
  try {
    const token = await sdk.auth.callback("customer", "google", query)
    if (typeof token !== "string") return "Google sign-in did not return a session."
    let session = token
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8") || "{}")
    if (!payload.actor_id) {
      // First Google sign-in: create the customer, then refresh the token so it names them.
      const email = payload.user_metadata?.email
      await sdk.client.fetch("/store/customers", {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: { email, first_name: payload.user_metadata?.given_name, last_name: payload.user_metadata?.family_name },
      })
      ;({ token: session } = await sdk.client.fetch<{ token: string }>("/auth/token/refresh", {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
      }))
    }
    await setAuthToken(session)
    await revalidateCustomer()
    await transferCart()
    return null
  } catch (error) {
    return medusaErrorMessage(error, "Google sign-in failed. Try again or sign in with your email.")
  }
}

export async function addCustomerAddress(_state: FormState, formData: FormData): Promise<FormState> {
  const values = readFields(formData, ADDRESS_FIELDS)
  const fieldErrors = validateAddress(values)
  if (Object.keys(fieldErrors).length) return { fieldErrors, values }
  try {
    await sdk.store.customer.createAddress({ ...values, country_code: values.country_code.toLowerCase() }, {}, await getAuthHeaders())
  } catch (error) {
    return { error: medusaErrorMessage(error), values }
  }
  await revalidateCustomer()
  return { values: {}, saved: (_state?.saved ?? 0) + 1 }
}

export async function deleteCustomerAddress(addressId: string) {
  await sdk.store.customer.deleteAddress(addressId, await getAuthHeaders())
  await revalidateCustomer()
}
