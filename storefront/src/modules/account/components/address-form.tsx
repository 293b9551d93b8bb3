"use client"

import { useActionState, useState } from "react"
import { addCustomerAddress, FormState, updateCustomerAddress } from "@lib/data/customer"
import Field from "@modules/common/components/field"
import SubmitButton from "@modules/common/components/submit-button"
import { useHydrated } from "@lib/hooks/use-hydrated"
import ProvinceField from "@modules/common/components/province-field"
import FormError from "@modules/common/components/form-error"

export type SavedAddress = {
  id: string
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  postal_code?: string | null
  province?: string | null
  country_code?: string | null
  phone?: string | null
  is_default_shipping?: boolean
}

/** Adds an address, or edits `address` when given; a state or province where the country needs one. */
export default function AddressForm({
  countries,
  defaultCountry,
  address,
}: {
  countries: { iso_2: string; name: string }[]
  defaultCountry: string
  address?: SavedAddress
}) {
  const hydrated = useHydrated()
  const save = address ? updateCustomerAddress.bind(null, address.id) : addCustomerAddress
  const [state, action] = useActionState<FormState, FormData>(save, null)
  const saved = Boolean(state?.saved) && !state?.error && !state?.fieldErrors
  const initial: Record<string, string> = address
    ? Object.fromEntries(Object.entries(address).map(([k, value]) => [k, typeof value === "string" ? value : ""]))
    : {}
  // A new address starts empty again once saved; an edited one keeps what was saved.
  const v = address ? (state?.values ?? initial) : saved ? {} : (state?.values ?? {})
  const e = state?.fieldErrors ?? {}
  const form = address ? `addr-${address.id}` : "addr"
  const [country, setCountry] = useState(v.country_code || address?.country_code || defaultCountry)
  return (
    // A new key after saving a new address empties the form for the next one.
    <form
      action={action}
      noValidate
      key={!address && saved ? `saved-${state?.saved}` : "form"}
      data-testid={address ? "address-edit-form" : "address-book-form"}
      data-hydrated={hydrated}
      // React resets a form after its action; the browser would put the country back to the one the
      // page was rendered with while the State list follows the chosen one. What the shopper entered stays.
      onReset={(event) => event.preventDefault()}
    >
      {address ? null : <h2>Add an address</h2>}
      <FormError error={state?.error} />
      {saved ? (
        <p role="status" className="form-ok">
          Address saved.
        </p>
      ) : null}
      <div className="form-grid">
        <Field form={form} name="first_name" label="First name" autoComplete="given-name" required defaultValue={v.first_name} error={e.first_name} />
        <Field form={form} name="last_name" label="Last name" autoComplete="family-name" required defaultValue={v.last_name} error={e.last_name} />
        <Field
          form={form}
          name="address_1"
          label="Street and house number"
          autoComplete="address-line1"
          required
          defaultValue={v.address_1}
          error={e.address_1}
          wide
        />
        <Field form={form} name="address_2" label="Apartment, floor" autoComplete="address-line2" defaultValue={v.address_2} wide />
        <Field
          form={form}
          name="postal_code"
          label="Postal code"
          autoComplete="postal-code"
          required
          defaultValue={v.postal_code}
          error={e.postal_code}
        />
        <Field form={form} name="city" label="Town or city" autoComplete="address-level2" required defaultValue={v.city} error={e.city} />
        <div className="field">
          <label htmlFor={`${form}-country_code`}>Country</label>
          <select
            id={`${form}-country_code`}
            name="country_code"
            value={country}
            onChange={(event) => setCountry(event.target.value)}
            autoComplete="country"
          >
            {countries.map((c) => (
              <option key={c.iso_2} value={c.iso_2}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <ProvinceField form={form} country={country} defaultValue={v.province} error={e.province} />
        <Field form={form} name="phone" label="Phone" type="tel" autoComplete="tel" defaultValue={v.phone} />
        {address?.is_default_shipping ? null : (
          <div className="field field--wide">
            <label>
              <input type="checkbox" name="is_default_shipping" defaultChecked={v.is_default_shipping === "on"} /> Use as my default shipping address
            </label>
          </div>
        )}
      </div>
      <SubmitButton pendingText="Saving…" testId="address-save">
        Save address
      </SubmitButton>
    </form>
  )
}
