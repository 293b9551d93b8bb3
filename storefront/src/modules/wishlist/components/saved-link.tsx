"use client"

import IntentLink from "@modules/common/components/intent-link"
import { useSavedItems } from "./saved-items-provider"

/** The header's link to the saved items page, with how many there are. */
export default function SavedLink({ href }: { href: string }) {
  const count = useSavedItems()?.count ?? 0
  return (
    <IntentLink href={href} data-testid="nav-saved" aria-label={`Saved items, ${count} ${count === 1 ? "product" : "products"}`}>
      Saved ({count})
    </IntentLink>
  )
}
