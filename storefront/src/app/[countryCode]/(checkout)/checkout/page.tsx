import type { Metadata } from "next"
import Link from "next/link"
import { listPaymentProviders, listShippingOptions, retrieveCartInCountry } from "@lib/data/cart"
import { retrieveCustomer } from "@lib/data/customer"
import { STRIPE_KEY } from "@lib/config"
import { formatMoney } from "@lib/util/money"
import { deliveryDays, formatDeliveryEstimate } from "@lib/util/delivery-estimate"
import CartSummary from "@modules/cart/components/cart-summary"
import LineItems from "@modules/cart/components/line-items"
import AddressStep from "@modules/checkout/components/address-step"
import DeliveryStep from "@modules/checkout/components/delivery-step"
import PaymentStep from "@modules/checkout/components/payment-step"
import PlaceOrder from "@modules/checkout/components/place-order"
import StripePayment from "@modules/checkout/components/stripe-payment"

export const metadata: Metadata = { title: "Checkout" }

const STEPS = [
  { id: "address", label: "Address" },
  { id: "delivery", label: "Delivery" },
  { id: "payment", label: "Payment" },
  { id: "review", label: "Review" },
] as const
type Step = (typeof STEPS)[number]["id"]

export default async function CheckoutPage({
  params,
  searchParams,
}: {
  params: Promise<{ countryCode: string }>
  searchParams: Promise<{ step?: string; payment_error?: string }>
}) {
  const { countryCode } = await params
  // payment_error: what went wrong after a payment that left the page (checkout/payment-return).
  const { step: requested, payment_error: paymentError } = await searchParams
  const cart = await retrieveCartInCountry(countryCode)

  if (!cart?.items?.length) {
    return (
      <div className="container page">
        <h1>Checkout</h1>
        <div className="empty-state">
          <h2>There is nothing to check out</h2>
          <p>Your cart is empty, or your order was already placed.</p>
          <Link className="button" href={`/${countryCode}/store`}>
            Continue shopping
          </Link>
        </div>
      </div>
    )
  }

  // The furthest step the cart allows: a step needs everything before it.
  const session = cart.payment_collection?.payment_sessions?.find((s) => s.status === "pending") ?? cart.payment_collection?.payment_sessions?.[0]
  const done = {
    address: Boolean(cart.email && cart.shipping_address?.address_1),
    delivery: Boolean(cart.shipping_methods?.length),
    payment: Boolean(session),
  }
  const furthest: Step = !done.address ? "address" : !done.delivery ? "delivery" : !done.payment ? "payment" : "review"
  const order = STEPS.map((s) => s.id) as Step[]
  const step: Step =
    requested && order.includes(requested as Step) && order.indexOf(requested as Step) <= order.indexOf(furthest) ? (requested as Step) : furthest

  const customer = step === "address" ? await retrieveCustomer() : null
  // The default shipping address fills an empty checkout, else the first saved one.
  const saved = customer?.addresses?.find((address) => address.is_default_shipping) ?? customer?.addresses?.[0]
  const a = cart.shipping_address
  const initial: Record<string, string> = {
    email: cart.email ?? customer?.email ?? "",
    first_name: a?.first_name ?? saved?.first_name ?? customer?.first_name ?? "",
    last_name: a?.last_name ?? saved?.last_name ?? customer?.last_name ?? "",
    company: a?.company ?? saved?.company ?? "",
    address_1: a?.address_1 ?? saved?.address_1 ?? "",
    address_2: a?.address_2 ?? saved?.address_2 ?? "",
    postal_code: a?.postal_code ?? saved?.postal_code ?? "",
    city: a?.city ?? saved?.city ?? "",
    province: a?.province ?? saved?.province ?? "",
    country_code: a?.country_code ?? saved?.country_code ?? countryCode,
    phone: a?.phone ?? saved?.phone ?? customer?.phone ?? "",
  }
  const countries = (cart.region?.countries ?? []).map((c) => ({ iso_2: c.iso_2!, name: c.display_name ?? c.name ?? c.iso_2! }))

  const shippingOptions =
    step === "delivery"
      ? (await listShippingOptions(cart.id))
          .map((o) => {
            const days = deliveryDays(o.data)
            return {
              id: o.id,
              name: o.name,
              amount: (o as { amount?: number }).amount ?? null,
              estimate: days && formatDeliveryEstimate(new Date(), days),
            }
          })
          // Cheapest first: it is the preselected choice.
          .sort((x, y) => (x.amount ?? Infinity) - (y.amount ?? Infinity))
      : []
  const providers =
    step === "payment"
      ? (await listPaymentProviders(cart.region_id!)).map((p) => p.id).filter((id) => id !== "pp_stripe_stripe" || Boolean(STRIPE_KEY))
      : []
  const stripeSecret =
    session?.provider_id === "pp_stripe_stripe" && STRIPE_KEY ? (session.data as { client_secret?: string })?.client_secret : undefined

  const stepLink = (id: Step, label: string) => (
    <Link href={`/${countryCode}/checkout?step=${id}`} className="button button--link">
      {label}
    </Link>
  )

  return (
    <div className="container page">
      <h1>Checkout</h1>
      {paymentError ? (
        <p role="alert" className="form-error" data-testid="payment-error">
          {paymentError}
        </p>
      ) : null}
      <ol className="steps" aria-label="Checkout steps">
        {STEPS.map((s, i) => (
          <li key={s.id} aria-current={s.id === step ? "step" : undefined}>
            {i + 1}. {s.label}
          </li>
        ))}
      </ol>
      <div className="cart-layout">
        <div>
          <section className="step-panel" aria-labelledby="step-address">
            <div className="step-panel__head">
              <h2 id="step-address">1. Address</h2>
              {step !== "address" && done.address ? stepLink("address", "Change") : null}
            </div>
            {step === "address" ? (
              <AddressStep countryCode={countryCode} initial={initial} countries={countries} />
            ) : a ? (
              <p data-testid="address-summary">
                {a.first_name} {a.last_name}, {a.address_1}, {a.postal_code} {a.city}, {a.province ? `${a.province}, ` : ""}
                {a.country_code?.toUpperCase()}
                <br />
                <span className="muted">{cart.email}</span>
              </p>
            ) : null}
          </section>
          <section className="step-panel" aria-labelledby="step-delivery">
            <div className="step-panel__head">
              <h2 id="step-delivery">2. Delivery</h2>
              {order.indexOf(step) > 1 ? stepLink("delivery", "Change") : null}
            </div>
            {step === "delivery" ? (
              <DeliveryStep
                countryCode={countryCode}
                options={shippingOptions}
                selectedId={cart.shipping_methods?.[0]?.shipping_option_id ?? undefined}
                currency={cart.currency_code}
              />
            ) : cart.shipping_methods?.length && order.indexOf(step) > 1 ? (
              <p>
                {cart.shipping_methods[0].name} · {formatMoney(cart.shipping_methods[0].amount, cart.currency_code)}
              </p>
            ) : null}
          </section>
          <section className="step-panel" aria-labelledby="step-payment">
            <div className="step-panel__head">
              <h2 id="step-payment">3. Payment</h2>
              {step === "review" ? stepLink("payment", "Change") : null}
            </div>
            {step === "payment" ? (
              <PaymentStep countryCode={countryCode} providers={providers} selectedId={session?.provider_id} />
            ) : step === "review" && session ? (
              <p>{session.provider_id === "pp_stripe_stripe" ? "Card (Stripe)" : "Pay on invoice (test payment)"}</p>
            ) : null}
          </section>
          <section className="step-panel" aria-labelledby="step-review">
            <h2 id="step-review">4. Review</h2>
            {step === "review" ? (
              <>
                <p>By placing your order you agree to Curator&apos;s terms of sale. You can still change any step above.</p>
                {stripeSecret ? (
                  <StripePayment clientSecret={stripeSecret} countryCode={countryCode} publishableKey={STRIPE_KEY} />
                ) : (
                  <PlaceOrder countryCode={countryCode} />
                )}
              </>
            ) : null}
          </section>
        </div>
        <div>
          <CartSummary cart={cart} />
          <h2 className="visually-hidden">Items</h2>
          <LineItems items={cart.items} currency={cart.currency_code} countryCode={countryCode} editable={false} />
        </div>
      </div>
    </div>
  )
}
