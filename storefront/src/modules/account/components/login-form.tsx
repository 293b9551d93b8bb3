"use client"

import Link from "next/link"
import { useActionState } from "react"
import { login } from "@lib/data/customer"
import Field from "@modules/common/components/field"
import SubmitButton from "@modules/common/components/submit-button"
import { useHydrated } from "@lib/hooks/use-hydrated"
import FormError from "@modules/common/components/form-error"

export default function LoginForm({
  countryCode,
  returnTo,
  defaultEmail,
}: {
  countryCode: string
  /** A path on this site to go back to after signing in (checked again by the action). */
  returnTo?: string | null
  defaultEmail?: string
}) {
  const hydrated = useHydrated()
  const [state, action] = useActionState(login, null)
  return (
    <form action={action} noValidate aria-labelledby="login-heading" data-testid="login-form" data-hydrated={hydrated}>
      <h2 id="login-heading">Sign in</h2>
      <input type="hidden" name="country_code" value={countryCode} />
      {returnTo ? <input type="hidden" name="return_to" value={returnTo} /> : null}
      <FormError error={state?.error} />
      <Field
        form="login"
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state?.values?.email ?? defaultEmail}
        error={state?.fieldErrors?.email}
      />
      <Field
        form="login"
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={state?.fieldErrors?.password}
      />
      <SubmitButton pendingText="Signing in…" testId="login-submit">
        Sign in
      </SubmitButton>
      <p style={{ marginBottom: 0 }}>
        <Link href={`/${countryCode}/account/forgot-password`} data-testid="forgot-password-link">
          Forgot password?
        </Link>
      </p>
    </form>
  )
}
