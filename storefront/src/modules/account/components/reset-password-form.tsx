"use client"

import Link from "next/link"
import { useActionState } from "react"
import { resetPassword } from "@lib/data/customer"
import Field from "@modules/common/components/field"
import SubmitButton from "@modules/common/components/submit-button"
import { useHydrated } from "@lib/hooks/use-hydrated"
import LoginForm from "./login-form"
import FormError from "@modules/common/components/form-error"

/** The page the reset link opens: a new password, then sign-in with it. */
export default function ResetPasswordForm({ countryCode, token, email }: { countryCode: string; token: string; email: string }) {
  const hydrated = useHydrated()
  const [state, action] = useActionState(resetPassword, null)
  if (state?.saved && !state.error && !state.fieldErrors) {
    return (
      <>
        <p role="status" className="form-ok" data-testid="password-reset-done">
          Your new password is set. Sign in with it.
        </p>
        <LoginForm countryCode={countryCode} defaultEmail={email} />
      </>
    )
  }
  return (
    <form action={action} noValidate aria-labelledby="reset-heading" data-testid="reset-password-form" data-hydrated={hydrated}>
      <h1 id="reset-heading">Choose a new password</h1>
      {email ? <p className="muted">For {email}</p> : null}
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="email" value={email} />
      <FormError error={state?.error}>
        {" "}
        <Link href={`/${countryCode}/account/forgot-password`}>Send a new link</Link>
      </FormError>
      <Field
        form="reset"
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        error={state?.fieldErrors?.password}
        hint="At least 8 characters."
      />
      <SubmitButton pendingText="Saving…" testId="reset-password-submit">
        Set new password
      </SubmitButton>
    </form>
  )
}
