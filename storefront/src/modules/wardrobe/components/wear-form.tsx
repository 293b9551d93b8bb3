"use client"

import { useActionState, useEffect, useRef } from "react"
import { logWear } from "@lib/data/wardrobe"
import SubmitButton from "@modules/common/components/submit-button"
import { useHydrated } from "@lib/hooks/use-hydrated"
import FormError from "@modules/common/components/form-error"

const utcToday = () => new Date().toISOString().slice(0, 10)
/** Today in the shopper's own time zone (a wear is a calendar day where they are). */
const localToday = () => {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`
}

/** "Mark as worn" on a day (today by default) for an item or an outfit. */
export default function WearForm({ kind, id, countryCode }: { kind: "item" | "outfit"; id: string; countryCode: string }) {
  const hydrated = useHydrated()
  const [state, action] = useActionState(logWear, null)
  const fieldId = `worn-on-${id}`
  const dateRef = useRef<HTMLInputElement>(null)
  // The server renders UTC's today; once in the browser, today is the shopper's own.
  useEffect(() => {
    const input = dateRef.current
    if (!input) return
    if (input.value === utcToday()) input.value = localToday()
    input.max = localToday()
  }, [])
  return (
    <form action={action} data-testid="wear-form" data-hydrated={hydrated}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="country_code" value={countryCode} />
      <div className="wear-form">
        <div className="field">
          <label htmlFor={fieldId}>Worn on</label>
          <input id={fieldId} name="worn_on" type="date" ref={dateRef} defaultValue={utcToday()} max={utcToday()} required />
        </div>
        <SubmitButton pendingText="Saving…" testId="mark-worn">
          Mark as worn
        </SubmitButton>
      </div>
      {kind === "outfit" ? (
        <p className="muted" style={{ fontSize: ".85rem" }}>
          Each item of the outfit is marked worn too.
        </p>
      ) : null}
      <FormError error={state?.error} style={{ marginTop: ".75rem" }} />
      {state?.ok ? (
        <p role="status" className="form-ok" style={{ marginTop: ".75rem" }} data-testid="wear-saved">
          {state.message}
        </p>
      ) : null}
    </form>
  )
}
