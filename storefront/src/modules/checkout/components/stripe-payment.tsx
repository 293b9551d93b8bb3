"use client"

import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js"
// "/pure": the package's main entry adds Stripe's script tag as soon as the checkout bundle loads,
// even for a cart that pays by another provider; this one fetches it only when loadStripe runs.
import { loadStripe } from "@stripe/stripe-js/pure"
import type { Stripe } from "@stripe/stripe-js"
import { useState } from "react"
import { placeOrder } from "@lib/data/cart"

// Stripe's script is fetched from Stripe in the browser only when this form renders: a Stripe
// payment session with a key configured.
let stripePromise: Promise<Stripe | null> | null = null
const getStripe = (publishableKey: string) => (stripePromise ??= loadStripe(publishableKey))

function StripeForm({ countryCode }: { countryCode: string }) {
  const stripe = useStripe()
  const elements = useElements()
  const [error, setError] = useState<string>()
  const [pending, setPending] = useState(false)
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault()
        if (!stripe || !elements) return
        setPending(true)
        setError(undefined)
        // Cards confirm in place; methods that leave the page come back to checkout/payment-return.
        const { error: stripeError } = await stripe.confirmPayment({
          elements,
          redirect: "if_required",
          confirmParams: { return_url: `${window.location.origin}/${countryCode}/checkout/payment-return` },
        })
        if (stripeError) {
          setError(stripeError.message ?? "Your card was not accepted. Check the details or use another card.")
          setPending(false)
          return
        }
        const result = await placeOrder(countryCode)
        if (result?.error) setError(result.error)
        setPending(false)
      }}
    >
      <PaymentElement />
      {error ? (
        <p role="alert" className="form-error" style={{ marginTop: "1rem" }}>
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button--full" disabled={!stripe || pending} style={{ marginTop: "1rem" }} data-testid="place-order">
        {pending ? "Placing your order…" : "Pay and place order"}
      </button>
    </form>
  )
}

export default function StripePayment({
  clientSecret,
  countryCode,
  publishableKey,
}: {
  clientSecret: string
  countryCode: string
  publishableKey: string
}) {
  return (
    <Elements stripe={getStripe(publishableKey)} options={{ clientSecret }}>
      <StripeForm countryCode={countryCode} />
    </Elements>
  )
}
