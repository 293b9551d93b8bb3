"use client"

import { useActionState } from "react"
import { requestPasswordReset } from "@lib/data/customer"
import Field from "@modules/common/components/field"
import SubmitButton from "@modules/common/components/submit-button"
import { useHydrated } from "@lib/hooks/use-hydrated"
import FormError from "@modules/common/components/form-error"

export default function ForgotPasswordForm({ countryCode, defaultEmail }: { countryCode: string; defaultEmail?: string }) {
  const hydrated = useHydrated()
  const [state, action] = useActionState(requestPasswordReset, null)
  const sent = state?.saved && !state.error && !state.fieldErrors
  return (
    <form action={action} noValidate aria-labelledby="forgot-heading" data-testid="forgot-password-form" data-hydrated={hydrated}>
      <h1 id="forgot-heading">Forgot your password?</h1>
      <p className="muted">Enter the email you signed up with and we will send you a link to choose a new password.</p>
      <input type="hidden" name="country_code" value={countryCode} />
      <FormError error={state?.error} />
      {sent ? (
        // The same words whether or not the email has an account.
        <p role="status" className="form-ok" data-testid="reset-requested">
          If {state.values?.email} has an account, a link to reset its password is on its way. It works for 15 minutes.
        </p>
      ) : null}
      <Field
        form="forgot"
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state?.values?.email ?? defaultEmail}
        error={state?.fieldErrors?.email}
      />
      <SubmitButton pendingText="Sending…" testId="forgot-password-submit">
        Send reset link
      </SubmitButton>
    </form>
  )
}
