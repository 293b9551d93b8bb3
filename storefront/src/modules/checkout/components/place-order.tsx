"use client"

import { useActionState } from "react"
import { placeOrder } from "@lib/data/cart"
import SubmitButton from "@modules/common/components/submit-button"

/** Places the order with Medusa's system provider (no card step). */
export default function PlaceOrder({ countryCode }: { countryCode: string }) {
  const [state, action] = useActionState(async () => placeOrder(countryCode), null)
  return (
    <form action={action}>
      {state?.error ? (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      ) : null}
      <SubmitButton className="button button--full" pendingText="Placing your order…" testId="place-order">
        Place order
      </SubmitButton>
    </form>
  )
}
