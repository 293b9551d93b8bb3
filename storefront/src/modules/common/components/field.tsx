/** A labelled input with its error message wired up for screen readers. */
export default function Field({
  form,
  name,
  label,
  type = "text",
  autoComplete,
  required,
  defaultValue,
  error,
  wide,
  hint,
}: {
  /** Names the form, so two forms on one page (sign in, sign up) never share input ids. */
  form: string
  name: string
  label: string
  type?: string
  autoComplete?: string
  required?: boolean
  defaultValue?: string
  error?: string
  wide?: boolean
  hint?: string
}) {
  const id = `${form}-${name}`
  const described = [error ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined
  return (
    <div className={`field${error ? " field--invalid" : ""}${wide ? " field--wide" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? "" : <span className="muted"> (optional)</span>}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
      />
      {hint ? (
        <p id={`${id}-hint`} className="muted" style={{ margin: ".25rem 0 0", fontSize: ".85rem" }}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  )
}
