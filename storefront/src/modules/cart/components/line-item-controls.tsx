"use client"

import { useState, useTransition } from "react"
import { deleteLineItem, updateLineItem } from "@lib/data/cart"

/** Quantity select and remove button for one cart line; errors (e.g. stock) show beside it. */
export default function LineItemControls({ lineId, quantity, title }: { lineId: string; quantity: number; title: string }) {
  const [pending, startTransition] = useTransition()
  const [error, setError] = useState<string>()
  const max = Math.max(10, quantity)
  return (
    <div className="line-item__controls">
      <label htmlFor={`qty-${lineId}`} className="visually-hidden">
        Quantity of {title}
      </label>
      <select
        id={`qty-${lineId}`}
        value={quantity}
        disabled={pending}
        data-testid="line-quantity"
        onChange={(e) => {
          const next = Number(e.target.value)
          setError(undefined)
          startTransition(async () => {
            const result = await updateLineItem(lineId, next)
            if (result?.error) setError(result.error)
          })
        }}
      >
        {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button--link"
        disabled={pending}
        data-testid="line-remove"
        onClick={() =>
          startTransition(async () => {
            const result = await deleteLineItem(lineId)
            if (result?.error) setError(result.error)
          })
        }
      >
        Remove<span className="visually-hidden"> {title}</span>
      </button>
      {pending ? (
        <span className="muted" role="status">
          Updating…
        </span>
      ) : null}
      {error ? (
        <p role="alert" className="field__error" style={{ flexBasis: "100%" }}>
          {error}
        </p>
      ) : null}
    </div>
  )
}
