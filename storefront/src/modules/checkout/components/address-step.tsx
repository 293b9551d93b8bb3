"use client"

import { useActionState, useState } from "react"
import { setAddresses } from "@lib/data/cart"
import Field from "@modules/common/components/field"
import SubmitButton from "@modules/common/components/submit-button"
import { useHydrated } from "@lib/hooks/use-hydrated"
import { provincesOf } from "@lib/util/provinces"
import ProvinceField from "@modules/common/components/province-field"
import FormError from "@modules/common/components/form-error"

export default function AddressStep({
  countryCode,
  initial,
  countries,
}: {
  countryCode: string
  initial: Record<string, string>
  countries: { iso_2: string; name: string }[]
}) {
  const hydrated = useHydrated()
  const [state, action] = useActionState(setAddresses, null)
  const v = { ...initial, ...(state?.values ?? {}) }
  const e = state?.fieldErrors ?? {}
  const [country, setCountry] = useState((v.country_code || countryCode).toLowerCase())
  return (
    <form action={action} noValidate data-testid="address-form" data-hydrated={hydrated}>
      <input type="hidden" name="checkout_country" value={countryCode} />
      <FormError error={state?.error} />
      {Object.keys(e).length ? (
        <p role="alert" className="form-error">
          Some details are missing. Check the fields marked below.
        </p>
      ) : null}
      <div className="form-grid">
        <Field
          form="ship"
          name="email"
          label="Email"
          type="email"
          autoComplete="email"
          required
          defaultValue={v.email}
          error={e.email}
          wide
          hint="We send the order confirmation here."
        />
        <Field form="ship" name="first_name" label="First name" autoComplete="given-name" required defaultValue={v.first_name} error={e.first_name} />
        <Field form="ship" name="last_name" label="Last name" autoComplete="family-name" required defaultValue={v.last_name} error={e.last_name} />
        <Field form="ship" name="company" label="Company" autoComplete="organization" defaultValue={v.company} wide />
        <Field
          form="ship"
          name="address_1"
          label="Street and house number"
          autoComplete="address-line1"
          required
          defaultValue={v.address_1}
          error={e.address_1}
          wide
        />
        <Field form="ship" name="address_2" label="Apartment, floor" autoComplete="address-line2" defaultValue={v.address_2} wide />
        <Field
          form="ship"
          name="postal_code"
          label="Postal code"
          autoComplete="postal-code"
          required
          defaultValue={v.postal_code}
          error={e.postal_code}
        />
        <Field form="ship" name="city" label="Town or city" autoComplete="address-level2" required defaultValue={v.city} error={e.city} />
        {provincesOf(country) ? (
          <ProvinceField form="ship" country={country} defaultValue={v.province} error={e.province} />
        ) : (
          <Field form="ship" name="province" label="State or province" autoComplete="address-level1" defaultValue={v.province} />
        )}
        <div className={`field${e.country_code ? " field--invalid" : ""}`}>
          <label htmlFor="ship-country_code">Country</label>
          <select
            id="ship-country_code"
            name="country_code"
            value={country}
            onChange={(event) => setCountry(event.target.value)}
            autoComplete="country"
            aria-describedby="ship-country-hint"
          >
            {countries.map((c) => (
              <option key={c.iso_2} value={c.iso_2}>
                {c.name}
              </option>
            ))}
          </select>
          <p id="ship-country-hint" className="muted" style={{ margin: ".25rem 0 0", fontSize: ".85rem" }}>
            Countries of your current region. To ship elsewhere, change the country in the footer.
          </p>
          {e.country_code ? <p className="field__error">{e.country_code}</p> : null}
        </div>
        <Field form="ship" name="phone" label="Phone" type="tel" autoComplete="tel" defaultValue={v.phone} />
      </div>
      <SubmitButton pendingText="Saving…" testId="address-submit">
        Continue to delivery
      </SubmitButton>
    </form>
  )
}
