"use server"

import { HttpTypes } from "@medusajs/types"
import { updateTag } from "next/cache"
import { redirect } from "next/navigation"
import { sdk } from "@lib/config"
import { errorStatus, medusaErrorMessage } from "@lib/util/errors"
import { ADDRESS_FIELDS, validateAddress } from "@lib/util/address"
import { normaliseProvince, provinceError, provincesOf } from "@lib/util/provinces"
import { getAuthHeaders, getCartId, removeCartId, setCartId } from "./cookies"
import { getRegion, shopCountry } from "./regions"
import { guestCookieHeader } from "./store-api"

const CART_FIELDS =
  "*items,*items.variant,*items.variant.options,*items.product,*region,*shipping_address,*billing_address,*shipping_methods,*payment_collection,*payment_collection.payment_sessions,+items.total,+items.subtotal,+total,+subtotal,+tax_total,+shipping_total,+discount_total,+item_subtotal"

/** The shopper's cart from the cart cookie, or null (no cart yet, or it was completed). */
export async function retrieveCart(cartId?: string): Promise<HttpTypes.StoreCart | null> {
  const id = cartId ?? (await getCartId())
  if (!id) return null
  try {
    const { cart } = await sdk.client.fetch<{ cart: HttpTypes.StoreCart }>(`/store/carts/${id}`, {
      query: { fields: CART_FIELDS },
      headers: await getAuthHeaders(),
      next: { tags: [`cart-${id}`] },
      cache: "force-cache",
    })
    return cart.completed_at ? null : cart
  } catch (error) {
    if (errorStatus(error) === 404) return null
    throw error
  }
}

/**
 * The shopper's cart as the URL's country sees it: a cart made in another region (a euro cart
 * opened on /us/cart) moves to this country's region first, so prices and currency follow the URL.
 * The cached read can predate such a move (render cannot expire it), so a mismatch is checked
 * against a fresh read before the cart is updated.
 */
export async function retrieveCartInCountry(countryCode: string): Promise<HttpTypes.StoreCart | null> {
  const cached = await retrieveCart()
  if (!cached) return null
  const region = await getRegion(countryCode)
  if (!region || cached.region_id === region.id) return cached
  const headers = await getAuthHeaders()
  const { cart: fresh } = await sdk.client.fetch<{ cart: HttpTypes.StoreCart }>(`/store/carts/${cached.id}`, {
    query: { fields: CART_FIELDS },
    headers,
    cache: "no-store",
  })
  if (fresh.completed_at) return null
  if (fresh.region_id === region.id) return fresh
  const { cart } = await sdk.store.cart.update(
    cached.id,
    { region_id: region.id, shipping_address: { country_code: countryCode.toLowerCase() } },
    { fields: CART_FIELDS },
    headers
  )
  return cart
}

/** The shopper's cart for the country's region, created (and its cookie set) when there is none. */
export async function cartFor(countryCode: string): Promise<HttpTypes.StoreCart> {
  const region = await getRegion(countryCode)
  if (!region) throw new Error(`The shop does not sell to country "${countryCode}".`)
  const headers = await getAuthHeaders()
  const existing = await retrieveCart()
  if (existing) {
    if (existing.region_id !== region.id) {
      // Shopping from another country: prices and shipping follow that country's region.
      await sdk.store.cart.update(existing.id, { region_id: region.id, shipping_address: { country_code: countryCode.toLowerCase() } }, {}, headers)
      updateTag(`cart-${existing.id}`)
    }
    return existing
  }
  // The URL's country as the shipping country from the start, so the cart shows its VAT before checkout.
  const { cart } = await sdk.store.cart.create({ region_id: region.id, shipping_address: { country_code: countryCode.toLowerCase() } }, {}, headers)
  await setCartId(cart.id)
  return cart
}

export type CartActionState = { error?: string; ok?: boolean; added?: AddedToCart } | null

/** What the mini-cart shows after "Add to cart": the line just added and the cart it is now in. */
export type AddedToCart = {
  line: { id: string; title: string; variant: string | null; thumbnail: string | null; quantity: number; unitPrice: number; total: number }
  subtotal: number
  itemCount: number
  currency: string
}

export async function addToCart(_state: CartActionState, formData: FormData): Promise<CartActionState> {
  const variantId = String(formData.get("variant_id") || "")
  const countryCode = await shopCountry(formData.get("country_code"))
  const quantity = Number(formData.get("quantity") || 1)
  if (!variantId) return { error: "Choose a size first." }
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 10) return { error: "Choose a quantity from 1 to 10." }
  try {
    const cart = await cartFor(countryCode)
    // The guest cookie goes along so that Medusa records a guest's add-to-cart for their recommendations.
    const { cart: updated } = await sdk.store.cart.createLineItem(
      cart.id,
      { variant_id: variantId, quantity },
      { fields: CART_FIELDS },
      { ...(await getAuthHeaders()), ...(await guestCookieHeader()) }
    )
    updateTag(`cart-${cart.id}`)
    return { ok: true, added: addedToCart(updated, variantId) }
  } catch (error) {
    return { error: stockMessage(medusaErrorMessage(error)) }
  }
}

function addedToCart(cart: HttpTypes.StoreCart, variantId: string): AddedToCart | undefined {
  const item = cart.items?.find((i) => i.variant_id === variantId)
  if (!item) return undefined
  return {
    line: {
      id: item.id,
      title: item.product_title ?? item.title,
      variant: item.variant_title ?? null,
      thumbnail: item.thumbnail ?? null,
      quantity: item.quantity,
      unitPrice: item.unit_price,
      // Shelf prices: with VAT where prices include it (Medusa's subtotals are before tax).
      total: item.unit_price * item.quantity,
    },
    subtotal: cart.items?.reduce((sum, i) => sum + i.unit_price * i.quantity, 0) ?? 0,
    itemCount: cart.items?.reduce((n, i) => n + i.quantity, 0) ?? 0,
    currency: cart.currency_code,
  }
}

function stockMessage(message: string): string {
  return /inventory|stock/i.test(message) ? "Sorry, there is not enough stock of this size. Try a smaller quantity or another size." : message
}

export async function updateLineItem(lineId: string, quantity: number): Promise<CartActionState> {
  const cartId = await getCartId()
  if (!cartId) return { error: "Your cart has expired. Add the item again." }
  try {
    await sdk.store.cart.updateLineItem(cartId, lineId, { quantity }, {}, await getAuthHeaders())
  } catch (error) {
    return { error: stockMessage(medusaErrorMessage(error)) }
  }
  updateTag(`cart-${cartId}`)
  return { ok: true }
}

export async function deleteLineItem(lineId: string): Promise<CartActionState> {
  const cartId = await getCartId()
  if (!cartId) return { error: "Your cart has expired." }
  try {
    await sdk.store.cart.deleteLineItem(cartId, lineId, {}, await getAuthHeaders())
  } catch (error) {
    return { error: medusaErrorMessage(error) }
  }
  updateTag(`cart-${cartId}`)
  return { ok: true }
}

export type AddressFormState = { error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> } | null

/** Checkout step 1: email and shipping address (billing is the same address). */
export async function setAddresses(_state: AddressFormState, formData: FormData): Promise<AddressFormState> {
  const cartId = await getCartId()
  const countryCode = await shopCountry(formData.get("checkout_country"))
  const values = Object.fromEntries([...ADDRESS_FIELDS, "email"].map((n) => [n, String(formData.get(n) ?? "").trim()]))
  const fieldErrors = validateAddress(values)
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) fieldErrors.email = "Enter an email address for the order confirmation."
  // The state decides US sales tax: one from the list where the country has states.
  const provinceProblem = provinceError(values.country_code, values.province)
  if (provinceProblem) fieldErrors.province = provinceProblem
  if (!cartId) return { error: "Your cart has expired. Add items again." }
  if (Object.keys(fieldErrors).length) return { fieldErrors, values }
  const { email, ...address } = values
  const country_code = address.country_code.toLowerCase()
  const province = provincesOf(country_code) ? normaliseProvince(country_code, address.province) : address.province
  const shippingAddress = { ...address, country_code, province }
  try {
    await sdk.store.cart.update(cartId, { email, shipping_address: shippingAddress, billing_address: shippingAddress }, {}, await getAuthHeaders())
  } catch (error) {
    return { error: medusaErrorMessage(error), values }
  }
  updateTag(`cart-${cartId}`)
  redirect(`/${countryCode}/checkout?step=delivery`)
}

export async function listShippingOptions(cartId: string): Promise<HttpTypes.StoreCartShippingOption[]> {
  const { shipping_options } = await sdk.client.fetch<{ shipping_options: HttpTypes.StoreCartShippingOption[] }>("/store/shipping-options", {
    query: { cart_id: cartId },
    headers: await getAuthHeaders(),
    cache: "no-store",
  })
  return shipping_options
}

export async function setShippingMethod(_state: CartActionState, formData: FormData): Promise<CartActionState> {
  const cartId = await getCartId()
  const optionId = String(formData.get("shipping_option_id") || "")
  const countryCode = await shopCountry(formData.get("checkout_country"))
  if (!cartId) return { error: "Your cart has expired. Add items again." }
  if (!optionId) return { error: "Choose a delivery option." }
  try {
    await sdk.store.cart.addShippingMethod(cartId, { option_id: optionId }, {}, await getAuthHeaders())
  } catch (error) {
    return { error: medusaErrorMessage(error) }
  }
  updateTag(`cart-${cartId}`)
  redirect(`/${countryCode}/checkout?step=payment`)
}

export async function listPaymentProviders(regionId: string): Promise<{ id: string }[]> {
  const { payment_providers } = await sdk.client.fetch<{ payment_providers: { id: string }[] }>("/store/payment-providers", {
    query: { region_id: regionId },
    headers: await getAuthHeaders(),
    next: { revalidate: 300, tags: ["payment-providers"] },
    cache: "force-cache",
  })
  return payment_providers
}

/** Checkout step 3: open a payment session with the chosen provider (Stripe or Medusa's system provider). */
export async function initiatePayment(_state: CartActionState, formData: FormData): Promise<CartActionState> {
  const providerId = String(formData.get("provider_id") || "")
  const countryCode = await shopCountry(formData.get("checkout_country"))
  const cart = await retrieveCart()
  if (!cart) return { error: "Your cart has expired. Add items again." }
  if (!providerId) return { error: "Choose a payment method." }
  try {
    await sdk.store.payment.initiatePaymentSession(cart, { provider_id: providerId }, {}, await getAuthHeaders())
  } catch (error) {
    return { error: medusaErrorMessage(error) }
  }
  updateTag(`cart-${cart.id}`)
  redirect(`/${countryCode}/checkout?step=review`)
}

/** Checkout step 4: complete the cart. On success the cart cookie is dropped and the shopper sees the order. */
export async function placeOrder(countryCode: string): Promise<CartActionState> {
  countryCode = await shopCountry(countryCode)
  const cartId = await getCartId()
  if (!cartId) return { error: "Your cart has expired. Add items again." }
  let orderId: string
  try {
    const result = await sdk.store.cart.complete(cartId, {}, await getAuthHeaders())
    if (result.type !== "order") {
      updateTag(`cart-${cartId}`)
      return { error: result.error?.message || "The payment was not accepted. Check your payment details and try again." }
    }
    orderId = result.order.id
  } catch (error) {
    return { error: medusaErrorMessage(error) }
  }
  updateTag(`cart-${cartId}`)
  updateTag("orders")
  await removeCartId()
  redirect(`/${countryCode}/order/${orderId}/confirmed`)
}
