"use client"

import type { SizeAdvice as SizeAdviceAnswer, SizeAdviceMeasure } from "@curator/types/size-advice"
import { getSizeAdvice, type SizeAdviceMeasurements } from "@lib/data/size-advice"
import { useChosenColour } from "@modules/products/components/chosen-colour"
import { useEffect, useState, useTransition } from "react"

/** The shopper's typed measurements stay on this device, so the next product page can use them. */
const STORAGE_KEY = "curator-measurements"

const LABELS: Record<SizeAdviceMeasure, string> = { chest: "chest", waist: "waist", hips: "hips", inseam: "inseam", foot_length: "foot length" }

const FIELDS: { key: keyof SizeAdviceMeasurements; label: string; min: number; max: number; step: number }[] = [
  { key: "height", label: "Height (cm)", min: 100, max: 230, step: 1 },
  { key: "chest", label: "Chest (cm)", min: 50, max: 200, step: 0.5 },
  { key: "waist", label: "Waist (cm)", min: 40, max: 200, step: 0.5 },
  { key: "hips", label: "Hips (cm)", min: 50, max: 200, step: 0.5 },
  { key: "inseam", label: "Inseam (cm)", min: 40, max: 120, step: 0.5 },
  { key: "shoe_size", label: "Shoe size (EU)", min: 15, max: 55, step: 0.5 },
]

/** "We recommend M: chest regular, waist slightly loose; M is in stock". */
export function adviceSentence(advice: SizeAdviceAnswer): string {
  const fits = Object.entries(advice.fit).map(([measure, fit]) => `${LABELS[measure as SizeAdviceMeasure] ?? measure} ${fit}`)
  const stock = advice.in_stock ? `${advice.recommended_size} is in stock` : `${advice.recommended_size} is out of stock here`
  return `We recommend ${advice.recommended_size}${fits.length ? `: ${fits.join(", ")}` : ""}; ${stock}`
}

function readStored(): SizeAdviceMeasurements {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "{}")
    return Object.fromEntries(FIELDS.flatMap((f) => (typeof parsed[f.key] === "number" ? [[f.key, parsed[f.key]]] : []))) as SizeAdviceMeasurements
  } catch {
    return {}
  }
}

/**
 * "Find my size" on a product page: advice from the signed-in shopper's profile or the measurements
 * typed here, for the colour chosen in the variant picker. Nothing shows for products without a chart.
 */
export default function SizeAdvice({ productId, regionId }: { productId: string; regionId: string }) {
  const colour = useChosenColour()?.colour
  // Typed on this page; until then the ones stored on this device (read in the effect: never on the server).
  const [typed, setTyped] = useState<SizeAdviceMeasurements | null>(null)
  const [shown, setShown] = useState<SizeAdviceMeasurements>({})
  const [advice, setAdvice] = useState<SizeAdviceAnswer | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [formOpen, setFormOpen] = useState(false)
  const [hidden, setHidden] = useState(false)
  const [pending, startTransition] = useTransition()

  // Ask again whenever the measurements or the colour change (the profile answers when none are given).
  useEffect(() => {
    const measurements = typed ?? readStored()
    startTransition(async () => {
      setShown(measurements)
      const result = await getSizeAdvice({ productId, regionId, colour, measurements })
      if ("unavailable" in result) return setHidden(true)
      if ("advice" in result) {
        setAdvice(result.advice)
        setError(null)
        return
      }
      setAdvice(null)
      // Without measurements anywhere the form is the answer, not an error.
      if (result.needsMeasurements && !Object.keys(measurements).length) {
        setError(null)
        setFormOpen(true)
      } else setError(result.error)
    })
  }, [productId, regionId, colour, typed])

  if (hidden) return null

  const submit = (form: FormData) => {
    const next: SizeAdviceMeasurements = {}
    for (const f of FIELDS) {
      const raw = String(form.get(f.key) ?? "").trim()
      if (raw) next[f.key] = Number(raw)
    }
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
    setTyped(next)
    setFormOpen(false)
  }

  return (
    <section className="size-advice" aria-labelledby="size-advice-heading" data-testid="size-advice" style={{ marginTop: "1rem" }}>
      <h2 id="size-advice-heading" style={{ fontSize: "1rem", margin: "0 0 .25rem" }}>
        Find my size
      </h2>
      {advice ? (
        <p data-testid="size-advice-line" aria-live="polite" style={{ margin: 0 }}>
          {adviceSentence(advice)}
          {advice.missing.length ? (
            <span className="muted"> (add your {advice.missing.map((m) => LABELS[m]).join(", ")} for surer advice)</span>
          ) : null}
        </p>
      ) : null}
      {pending && !advice ? <p className="muted">Finding your size…</p> : null}
      {error ? (
        <p role="alert" className="field__error" data-testid="size-advice-error">
          {error}
        </p>
      ) : null}
      {formOpen ? (
        <form
          action={submit}
          data-testid="size-advice-form"
          style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(9rem, 1fr))", gap: ".5rem" }}
        >
          {FIELDS.map((f) => (
            <label key={f.key} style={{ display: "flex", flexDirection: "column", fontSize: ".85rem" }}>
              {f.label}
              <input name={f.key} type="number" inputMode="decimal" min={f.min} max={f.max} step={f.step} defaultValue={shown[f.key] ?? ""} />
            </label>
          ))}
          <button type="submit" className="button" style={{ alignSelf: "end" }}>
            Show my size
          </button>
        </form>
      ) : (
        <button type="button" className="button button--link" onClick={() => setFormOpen(true)} data-testid="size-advice-edit">
          {advice ? "Change my measurements" : "Enter my measurements"}
        </button>
      )}
    </section>
  )
}
