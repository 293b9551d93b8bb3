"use client"

import { useActionState } from "react"
import { updateProfile } from "@lib/data/customer"
import Field from "@modules/common/components/field"
import SubmitButton from "@modules/common/components/submit-button"
import { useHydrated } from "@lib/hooks/use-hydrated"
import FormError from "@modules/common/components/form-error"

export default function ProfileForm({ customer }: { customer: { first_name?: string | null; last_name?: string | null; phone?: string | null } }) {
  const hydrated = useHydrated()
  const [state, action] = useActionState(updateProfile, null)
  const v = state?.values ?? {
    first_name: customer.first_name ?? "",
    last_name: customer.last_name ?? "",
    phone: customer.phone ?? "",
  }
  const e = state?.fieldErrors ?? {}
  const saved = state?.saved && !state.error && !state.fieldErrors
  return (
    <form action={action} noValidate aria-labelledby="profile-form-heading" data-testid="profile-form" data-hydrated={hydrated}>
      <h2 id="profile-form-heading">Your details</h2>
      <FormError error={state?.error} />
      {saved ? (
        <p role="status" className="form-ok">
          Your details are saved.
        </p>
      ) : null}
      <div className="form-grid">
        <Field
          form="profile"
          name="first_name"
          label="First name"
          autoComplete="given-name"
          required
          defaultValue={v.first_name}
          error={e.first_name}
        />
        <Field form="profile" name="last_name" label="Last name" autoComplete="family-name" required defaultValue={v.last_name} error={e.last_name} />
        <Field form="profile" name="phone" label="Phone" type="tel" autoComplete="tel" defaultValue={v.phone} error={e.phone} wide />
      </div>
      <SubmitButton pendingText="Saving…" testId="profile-save">
        Save details
      </SubmitButton>
    </form>
  )
}
