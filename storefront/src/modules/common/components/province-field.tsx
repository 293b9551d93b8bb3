import { provincesOf } from "@lib/util/provinces"

/**
 * The State / Province select of an address form, shown only for countries that need one. Keyed by
 * country, so a state chosen for the last country is never sent with the next.
 */
export default function ProvinceField({
  form,
  country,
  defaultValue,
  error,
}: {
  form: string
  country: string
  defaultValue?: string | null
  error?: string
}) {
  const provinces = provincesOf(country)
  if (!provinces) return null
  const id = `${form}-province`
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{provinces.label}</label>
      <select
        key={country}
        id={id}
        name="province"
        required
        defaultValue={(defaultValue ?? "").toUpperCase()}
        autoComplete="address-level1"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">Choose…</option>
        {provinces.choices.map((p) => (
          <option key={p.code} value={p.code}>
            {p.name}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  )
}
