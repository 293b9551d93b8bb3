"use client"

import { useActionState } from "react"
import { setShippingMethod } from "@lib/data/cart"
import { formatMoney } from "@lib/util/money"
import SubmitButton from "@modules/common/components/submit-button"
import { useHydrated } from "@lib/hooks/use-hydrated"
import FormError from "@modules/common/components/form-error"

export type DeliveryOption = {
  id: string
  name: string
  amount: number | null
  /** "Arrives Tue 8 Dec – Thu 10 Dec", from the option's business days; absent when it has none. */
  estimate?: string
}

export default function DeliveryStep({
  countryCode,
  options,
  selectedId,
  currency,
}: {
  countryCode: string
  options: DeliveryOption[]
  selectedId?: string
  currency: string
}) {
  const hydrated = useHydrated()
  const [state, action] = useActionState(setShippingMethod, null)
  if (!options.length) {
    return (
      <p role="alert" className="form-error">
        We cannot deliver to this address yet. Go back and check the country, or choose another address.
      </p>
    )
  }
  return (
    <form action={action} data-testid="delivery-form" data-hydrated={hydrated}>
      <input type="hidden" name="checkout_country" value={countryCode} />
      <fieldset style={{ border: "none", padding: 0, margin: 0 }}>
        <legend className="visually-hidden">Delivery option</legend>
        <ul className="option-list">
          {options.map((o, i) => (
            <li key={o.id}>
              <label>
                <span>
                  <input type="radio" name="shipping_option_id" value={o.id} defaultChecked={selectedId ? selectedId === o.id : i === 0} /> {o.name}
                  {o.estimate ? (
                    <span className="option-list__note" data-testid="delivery-estimate">
                      {o.estimate}
                    </span>
                  ) : null}
                </span>
                <span>{o.amount === null ? "Calculated later" : o.amount === 0 ? "Free" : formatMoney(o.amount, currency)}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <FormError error={state?.error} />
      <SubmitButton pendingText="Saving…" testId="delivery-submit">
        Continue to payment
      </SubmitButton>
    </form>
  )
}
