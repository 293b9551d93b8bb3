"use client"

import { useActionState } from "react"
import { addCustomerAddress } from "@lib/data/customer"
import Field from "@modules/common/components/field"
import SubmitButton from "@modules/common/components/submit-button"
import { useHydrated } from "@lib/hooks/use-hydrated"

export default function AddressForm({ countries, defaultCountry }: { countries: { iso_2: string; name: string }[]; defaultCountry: string }) {
  const hydrated = useHydrated()
  const [state, action] = useActionState(addCustomerAddress, null)
  const saved = state && !state.error && !state.fieldErrors
  const v = saved ? {} : (state?.values ?? {})
  const e = state?.fieldErrors ?? {}
  return (
    // A new key after saving empties the form for the next address.
    <form action={action} noValidate key={saved ? `saved-${state.saved}` : "form"} data-testid="address-book-form" data-hydrated={hydrated}>
      <h2>Add an address</h2>
      {state?.error ? (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="form-ok">
          Address saved.
        </p>
      ) : null}
      <div className="form-grid">
        <Field form="addr" name="first_name" label="First name" autoComplete="given-name" required defaultValue={v.first_name} error={e.first_name} />
        <Field form="addr" name="last_name" label="Last name" autoComplete="family-name" required defaultValue={v.last_name} error={e.last_name} />
        <Field
          form="addr"
          name="address_1"
          label="Street and house number"
          autoComplete="address-line1"
          required
          defaultValue={v.address_1}
          error={e.address_1}
          wide
        />
        <Field form="addr" name="address_2" label="Apartment, floor" autoComplete="address-line2" defaultValue={v.address_2} wide />
        <Field
          form="addr"
          name="postal_code"
          label="Postal code"
          autoComplete="postal-code"
          required
          defaultValue={v.postal_code}
          error={e.postal_code}
        />
        <Field form="addr" name="city" label="Town or city" autoComplete="address-level2" required defaultValue={v.city} error={e.city} />
        <div className="field">
          <label htmlFor="addr-country_code">Country</label>
          <select id="addr-country_code" name="country_code" defaultValue={v.country_code || defaultCountry} autoComplete="country">
            {countries.map((c) => (
              <option key={c.iso_2} value={c.iso_2}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <Field form="addr" name="phone" label="Phone" type="tel" autoComplete="tel" defaultValue={v.phone} />
      </div>
      <SubmitButton pendingText="Saving…" testId="address-save">
        Save address
      </SubmitButton>
    </form>
  )
}
