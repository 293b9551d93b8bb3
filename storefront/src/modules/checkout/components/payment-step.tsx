"use client"

import { useActionState } from "react"
import { initiatePayment } from "@lib/data/cart"
import SubmitButton from "@modules/common/components/submit-button"
import { useHydrated } from "@lib/hooks/use-hydrated"
import FormError from "@modules/common/components/form-error"

const LABELS: Record<string, { title: string; note: string }> = {
  pp_stripe_stripe: { title: "Card", note: "Pay securely with Stripe. You enter your card on the next step." },
  pp_system_default: {
    title: "Pay on invoice (test payment)",
    note: "Medusa's built-in provider: the order is placed without taking a card payment.",
  },
}

export default function PaymentStep({ countryCode, providers, selectedId }: { countryCode: string; providers: string[]; selectedId?: string }) {
  const hydrated = useHydrated()
  const [state, action] = useActionState(initiatePayment, null)
  if (!providers.length) {
    return (
      <p role="alert" className="form-error">
        No payment method is available for your region. Please contact us to complete your order.
      </p>
    )
  }
  return (
    <form action={action} data-testid="payment-form" data-hydrated={hydrated}>
      <input type="hidden" name="checkout_country" value={countryCode} />
      <fieldset style={{ border: "none", padding: 0, margin: 0 }}>
        <legend className="visually-hidden">Payment method</legend>
        <ul className="option-list">
          {providers.map((id, i) => (
            <li key={id}>
              <label>
                <span>
                  <input type="radio" name="provider_id" value={id} defaultChecked={selectedId ? selectedId === id : i === 0} />{" "}
                  {LABELS[id]?.title ?? id}
                  <br />
                  <small className="muted">{LABELS[id]?.note ?? ""}</small>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <FormError error={state?.error} />
      <SubmitButton pendingText="Saving…" testId="payment-submit">
        Continue to review
      </SubmitButton>
    </form>
  )
}
