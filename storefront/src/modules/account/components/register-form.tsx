"use client"

import { useActionState } from "react"
import { signup } from "@lib/data/customer"
import Field from "@modules/common/components/field"
import SubmitButton from "@modules/common/components/submit-button"
import { useHydrated } from "@lib/hooks/use-hydrated"
import FormError from "@modules/common/components/form-error"

export default function RegisterForm({ countryCode, returnTo }: { countryCode: string; returnTo?: string | null }) {
  const hydrated = useHydrated()
  const [state, action] = useActionState(signup, null)
  const v = state?.values
  const e = state?.fieldErrors
  return (
    <form action={action} noValidate aria-labelledby="register-heading" data-testid="register-form" data-hydrated={hydrated}>
      <h2 id="register-heading">Create an account</h2>
      <p className="muted">Save addresses, follow your orders, and build your wardrobe.</p>
      <input type="hidden" name="country_code" value={countryCode} />
      {returnTo ? <input type="hidden" name="return_to" value={returnTo} /> : null}
      <FormError error={state?.error} />
      <div className="form-grid">
        <Field
          form="register"
          name="first_name"
          label="First name"
          autoComplete="given-name"
          required
          defaultValue={v?.first_name}
          error={e?.first_name}
        />
        <Field
          form="register"
          name="last_name"
          label="Last name"
          autoComplete="family-name"
          required
          defaultValue={v?.last_name}
          error={e?.last_name}
        />
        <Field form="register" name="email" label="Email" type="email" autoComplete="email" required defaultValue={v?.email} error={e?.email} wide />
        <Field form="register" name="phone" label="Phone" type="tel" autoComplete="tel" defaultValue={v?.phone} wide />
        <Field
          form="register"
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          error={e?.password}
          hint="At least 8 characters."
          wide
        />
      </div>
      <SubmitButton pendingText="Creating your account…" testId="register-submit">
        Create account
      </SubmitButton>
    </form>
  )
}
