"use client"

import { useState, useTransition } from "react"
import type { RecommendationFeedbackAction, RecommendedItem } from "@curator/types/recommendations"
import { sendRecommendationFeedback } from "@lib/data/recommendations"
import { useHydrated } from "@lib/hooks/use-hydrated"
import { recordInteractions } from "@lib/util/interactions"
import ProductCard from "@modules/products/components/product-card"

const BUTTONS: { action: RecommendationFeedbackAction; label: string }[] = [
  { action: "like", label: "Like" },
  { action: "dismiss", label: "Not for me" },
  { action: "not_my_size", label: "Not my size" },
  { action: "too_expensive", label: "Too expensive" },
]

/** Feedback that means "never show this again": the card goes at once, before the backend answers. */
const REMOVES: RecommendationFeedbackAction[] = ["dismiss", "not_my_size"]

const THANKS: Partial<Record<RecommendationFeedbackAction, string>> = {
  like: "Thanks: we'll show more like this.",
  too_expensive: "Thanks: we'll show less at this price.",
}

/** "For you" items: product cards with their reasons, and feedback buttons under each. */
export default function RecommendedItems({ items, countryCode, currency }: { items: RecommendedItem[]; countryCode: string; currency: string }) {
  const [removed, setRemoved] = useState<string[]>([])
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [, startTransition] = useTransition()
  const hydrated = useHydrated()
  const visible = items.filter((i) => !removed.includes(i.id))

  const send = (item: RecommendedItem, action: RecommendationFeedbackAction) => {
    if (REMOVES.includes(action)) setRemoved((ids) => [...ids, item.id])
    startTransition(async () => {
      const { error } = await sendRecommendationFeedback(item.id, action)
      if (error) {
        setRemoved((ids) => ids.filter((id) => id !== item.id))
        setNotes((n) => ({ ...n, [item.id]: error }))
      } else if (THANKS[action]) setNotes((n) => ({ ...n, [item.id]: THANKS[action]! }))
    })
  }

  // Position: the card's place in the answer (0 first), so click-through can be read per rank.
  const recordClick = (item: RecommendedItem) =>
    recordInteractions([{ product_id: item.id, kind: "click", surface: "for_you", value: { position: items.indexOf(item) } }])

  if (!visible.length) return <p className="muted">Nothing left here for now: take the quiz again or come back later.</p>
  return (
    <ul className="product-grid" data-testid="recommended-items" data-hydrated={hydrated}>
      {visible.map((item) => (
        <li key={item.id} data-testid="recommended-item" data-product-id={item.id} data-size={item.size ?? ""}>
          <ProductCard product={item} countryCode={countryCode} currency={currency} reasons={item.reasons} onClick={() => recordClick(item)} />
          <div className="feedback-buttons" role="group" aria-label={`Feedback on ${item.title}`}>
            {BUTTONS.map((b) => (
              <button key={b.action} type="button" className="chip" data-testid={`feedback-${b.action}`} onClick={() => send(item, b.action)}>
                {b.label}
              </button>
            ))}
          </div>
          {notes[item.id] ? (
            <p role="status" className="muted" style={{ margin: ".25rem 0 0" }}>
              {notes[item.id]}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
