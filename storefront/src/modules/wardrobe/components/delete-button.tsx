"use client"

import { useState, useTransition } from "react"
import { deleteItem, deleteOutfit } from "@lib/data/wardrobe"

/** Deletes an item or outfit after the shopper confirms. */
export default function DeleteButton({ kind, id, name, countryCode }: { kind: "item" | "outfit"; id: string; name: string; countryCode: string }) {
  const [pending, startTransition] = useTransition()
  const [error, setError] = useState<string | null>(null)
  const remove = () => {
    if (!window.confirm(`Delete “${name}” from your wardrobe? This cannot be undone.`)) return
    startTransition(async () => {
      const result = kind === "item" ? await deleteItem(countryCode, id) : await deleteOutfit(countryCode, id)
      if (result?.error) setError(result.error)
    })
  }
  return (
    <>
      <button type="button" className="button button--secondary" onClick={remove} disabled={pending} data-testid={`delete-${kind}`}>
        {pending ? "Deleting…" : kind === "item" ? "Delete item" : "Delete outfit"}
      </button>
      {error ? (
        <p role="alert" className="form-error" style={{ marginTop: ".5rem" }}>
          {error}
        </p>
      ) : null}
    </>
  )
}
