"use client"

import { useActionState } from "react"
import { placeOrder } from "@lib/data/cart"
import SubmitButton from "@modules/common/components/submit-button"
import FormError from "@modules/common/components/form-error"

/** Places the order with Medusa's system provider (no card step). */
export default function PlaceOrder({ countryCode }: { countryCode: string }) {
  const [state, action] = useActionState(async () => placeOrder(countryCode), null)
  return (
    <form action={action}>
      <FormError error={state?.error} />
      <SubmitButton className="button button--full" pendingText="Placing your order…" testId="place-order">
        Place order
      </SubmitButton>
    </form>
  )
}
