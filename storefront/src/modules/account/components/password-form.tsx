"use client"

import { useActionState } from "react"
import { changePassword } from "@lib/data/customer"
import Field from "@modules/common/components/field"
import SubmitButton from "@modules/common/components/submit-button"
import { useHydrated } from "@lib/hooks/use-hydrated"
import FormError from "@modules/common/components/form-error"

/** Change the password while signed in: the current one first, so a borrowed session cannot take the account. */
export default function PasswordForm() {
  const hydrated = useHydrated()
  const [state, action] = useActionState(changePassword, null)
  const e = state?.fieldErrors ?? {}
  const saved = state?.saved && !state.error && !state.fieldErrors
  return (
    // Each result gets a new key: the password fields are emptied either way.
    <form
      action={action}
      noValidate
      key={`password-${state?.saved ?? 0}`}
      aria-labelledby="password-form-heading"
      data-testid="password-form"
      data-hydrated={hydrated}
    >
      <h2 id="password-form-heading">Change password</h2>
      <FormError error={state?.error} />
      {saved ? (
        <p role="status" className="form-ok">
          Your password is changed. Use the new one next time you sign in.
        </p>
      ) : null}
      <Field
        form="password"
        name="current_password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        error={e.current_password}
      />
      <Field
        form="password"
        name="new_password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        error={e.new_password}
        hint="At least 8 characters."
      />
      <SubmitButton pendingText="Changing…" testId="password-save">
        Change password
      </SubmitButton>
    </form>
  )
}
