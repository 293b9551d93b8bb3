"use server"

import { HttpTypes } from "@medusajs/types"
import { revalidateTag } from "next/cache"
import { redirect } from "next/navigation"
import { sdk } from "@lib/config"
import { errorStatus, GOOGLE_UNAVAILABLE, medusaErrorMessage } from "@lib/util/errors"
import { ADDRESS_FIELDS, validateAddress } from "@lib/util/address"
import { normaliseProvince, provinceError } from "@lib/util/provinces"
import { safeReturnTo } from "@lib/util/return-to"
import { shopCountry } from "./regions"
import { getAuthHeaders, getCacheOptions, getCacheTag, getCartId, removeAuthToken, removeCartId, setAuthToken } from "./cookies"
import { mergeSavedItemsIntoAccount } from "./wishlist"
import { mergeGuestStyleProfile } from "./recommendations"

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
  // Products saved while signed out join the account's saved items.
  await mergeSavedItemsIntoAccount()
  await mergeGuestStyleProfile()
  const countryCode = await shopCountry(formData.get("country_code"))
  // Back to the page that asked for an account (a path on this site only), else the account.
  redirect(safeReturnTo(formData.get("return_to")) ?? `/${countryCode}/account`)
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
  // Products saved while signed out join the account's saved items.
  await mergeSavedItemsIntoAccount()
  await mergeGuestStyleProfile()
  const countryCode = await shopCountry(formData.get("country_code"))
  // Back to the page that asked for an account (a path on this site only), else the account.
  redirect(safeReturnTo(formData.get("return_to")) ?? `/${countryCode}/account`)
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

/**
 * Whether the backend has Google sign-in configured: Medusa lists the customer sign-in methods
 * (asking Google's route itself would make the backend log an error when it has none). Cached for 5 minutes.
 */
export async function googleSignInConfigured(): Promise<boolean> {
  try {
    const { providers } = await sdk.client.fetch<{ providers: Array<{ id: string }> }>("/auth/customer/providers", {
      next: { revalidate: 300, tags: ["auth-providers"] },
      cache: "force-cache",
    })
    return providers.some((provider) => provider.id === "google")
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
  redirect(location ?? `/${countryCode}/account?error=${GOOGLE_UNAVAILABLE}`)
}

/** Google sent the shopper back: trade the code for a token, create the customer on first sign-in. */
export async function completeGoogleSignIn(query: Record<string, string>): Promise<string | null> {
  // A backend without Google keys has no callback to call (asking would only make it log an error).
  if (!(await googleSignInConfigured())) return GOOGLE_UNAVAILABLE
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
    await mergeSavedItemsIntoAccount()
    await mergeGuestStyleProfile()
    return null
  } catch (error) {
    return medusaErrorMessage(error, "Google sign-in failed. Try again or sign in with your email.")
  }
}

/** An address book entry from its form: the fields, checked (a state where the country needs one), or what is wrong. */
function readAddressBookForm(formData: FormData) {
  const values = readFields(formData, ADDRESS_FIELDS)
  const fieldErrors = validateAddress(values)
  const province = provinceError(values.country_code, values.province)
  if (province) fieldErrors.province = province
  const country_code = values.country_code.toLowerCase()
  const address = { ...values, country_code, province: normaliseProvince(country_code, values.province) }
  const isDefaultShipping = formData.get("is_default_shipping") === "on"
  return { values: { ...values, is_default_shipping: isDefaultShipping ? "on" : "" }, fieldErrors, address, isDefaultShipping }
}

export async function addCustomerAddress(_state: FormState, formData: FormData): Promise<FormState> {
  const { values, fieldErrors, address, isDefaultShipping } = readAddressBookForm(formData)
  if (Object.keys(fieldErrors).length) return { fieldErrors, values }
  try {
    await sdk.store.customer.createAddress({ ...address, ...(isDefaultShipping ? { is_default_shipping: true } : {}) }, {}, await getAuthHeaders())
  } catch (error) {
    return { error: medusaErrorMessage(error), values }
  }
  await revalidateCustomer()
  return { values: {}, saved: (_state?.saved ?? 0) + 1 }
}

export async function updateCustomerAddress(addressId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const { values, fieldErrors, address, isDefaultShipping } = readAddressBookForm(formData)
  if (Object.keys(fieldErrors).length) return { fieldErrors, values }
  try {
    // Unticking the box does not unset the default: another address becomes the default by being chosen.
    await sdk.store.customer.updateAddress(
      addressId,
      { ...address, ...(isDefaultShipping ? { is_default_shipping: true } : {}) },
      {},
      await getAuthHeaders()
    )
  } catch (error) {
    return { error: medusaErrorMessage(error), values }
  }
  await revalidateCustomer()
  return { values, saved: (_state?.saved ?? 0) + 1 }
}

/** Makes one address the default for shipping; Medusa clears the flag on the customer's others. */
export async function setDefaultShippingAddress(addressId: string) {
  await sdk.store.customer.updateAddress(addressId, { is_default_shipping: true }, {}, await getAuthHeaders())
  await revalidateCustomer()
}

export async function deleteCustomerAddress(addressId: string) {
  await sdk.store.customer.deleteAddress(addressId, await getAuthHeaders())
  await revalidateCustomer()
}

export async function updateProfile(_state: FormState, formData: FormData): Promise<FormState> {
  const values = readFields(formData, ["first_name", "last_name", "phone"])
  const fieldErrors: Record<string, string> = {}
  if (!values.first_name) fieldErrors.first_name = "Enter your first name."
  if (!values.last_name) fieldErrors.last_name = "Enter your last name."
  if (values.phone && !/^\+?[\d\s().\/-]{5,30}$/.test(values.phone))
    fieldErrors.phone = "Enter a phone number with digits only (and + ( ) - if you like)."
  if (Object.keys(fieldErrors).length) return { fieldErrors, values }
  try {
    await sdk.store.customer.update(
      { first_name: values.first_name, last_name: values.last_name, phone: values.phone || null },
      {},
      await getAuthHeaders()
    )
  } catch (error) {
    return { error: medusaErrorMessage(error), values }
  }
  await revalidateCustomer()
  return { values, saved: (_state?.saved ?? 0) + 1 }
}

/** A signed-in customer's new password; the backend checks the current one first. */
export async function changePassword(_state: FormState, formData: FormData): Promise<FormState> {
  const current = String(formData.get("current_password") ?? "")
  const next = String(formData.get("new_password") ?? "")
  const fieldErrors: Record<string, string> = {}
  if (!current) fieldErrors.current_password = "Enter your current password."
  if (next.length < 8) fieldErrors.new_password = "Use at least 8 characters for your new password."
  else if (next === current) fieldErrors.new_password = "Choose a password different from your current one."
  if (Object.keys(fieldErrors).length) return { fieldErrors }
  try {
    await sdk.client.fetch("/store/customers/me/password", {
      method: "POST",
      headers: await getAuthHeaders(),
      body: { current_password: current, new_password: next },
    })
  } catch (error) {
    const message = medusaErrorMessage(error)
    if (errorStatus(error) === 400 && /current password/i.test(message)) {
      return { fieldErrors: { current_password: "That is not your current password. Check it and try again." } }
    }
    return { error: message }
  }
  return { saved: (_state?.saved ?? 0) + 1 }
}

/**
 * Asks Medusa to send a reset link. The answer is the same whether or not the email has an
 * account, so the form cannot be used to find out who shops here.
 */
export async function requestPasswordReset(_state: FormState, formData: FormData): Promise<FormState> {
  const values = readFields(formData, ["email"])
  if (!EMAIL.test(values.email)) return { fieldErrors: { email: "Enter the email address you signed up with." }, values }
  const countryCode = await shopCountry(formData.get("country_code"))
  try {
    await sdk.client.fetch("/auth/customer/emailpass/reset-password", {
      method: "POST",
      body: { identifier: values.email, metadata: { country_code: countryCode } },
    })
  } catch (error) {
    // Only a spent rate limit is worth telling; anything else would differ by account.
    if (errorStatus(error) === 429) return { error: medusaErrorMessage(error), values }
  }
  return { values, saved: 1 }
}

/** Sets a new password with the one-time token from the reset link. */
export async function resetPassword(_state: FormState, formData: FormData): Promise<FormState> {
  const token = String(formData.get("token") ?? "")
  const password = String(formData.get("password") ?? "")
  const values = readFields(formData, ["email"])
  if (password.length < 8) return { fieldErrors: { password: "Use at least 8 characters for your password." }, values }
  try {
    await sdk.client.fetch("/auth/customer/emailpass/update", {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: { password },
    })
  } catch (error) {
    if (errorStatus(error) === 401) {
      return { error: "This reset link has expired or was already used. Ask for a new one below.", values }
    }
    return { error: medusaErrorMessage(error), values }
  }
  return { values, saved: 1 }
}
