"use client"

import dynamic from "next/dynamic"
import { useState } from "react"
import { useHydrated } from "@lib/hooks/use-hydrated"
import { useChosenColour } from "@modules/products/components/chosen-colour"
import type { TryOnProduct } from "../templates/try-on-dialog"
import "../try-on.css"

// The dialog's code loads when a shopper opens it, not with every product page.
const TryOnDialog = dynamic(() => import("../templates/try-on-dialog"), { ssr: false })

/**
 * "Try it on" on a product page (only for categories the preview can dress: the page decides). It
 * opens the try-on dialog with the colour and size chosen on the page.
 */
export default function TryOnButton({ product }: { product: TryOnProduct }) {
  const hydrated = useHydrated()
  const chosen = useChosenColour()
  const [open, setOpen] = useState<{ colour: string | undefined; variantId: string | undefined } | null>(null)
  return (
    <div className="try-on-entry" data-testid="try-on-entry" data-hydrated={hydrated}>
      <button
        type="button"
        className="button button--secondary button--full"
        disabled={!hydrated}
        aria-haspopup="dialog"
        onClick={() => setOpen({ colour: chosen?.colour, variantId: chosen?.variantId })}
        data-testid="try-on-button"
      >
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path d="M8 3l-5 3 2 5 3-1v11h8V10l3 1 2-5-5-3c-.5 1.5-2 2.5-4 2.5S8.5 4.5 8 3z" />
        </svg>
        Try it on
      </button>
      <p className="muted try-on-entry__hint">See it on a photo of yourself.</p>
      {open ? <TryOnDialog product={product} initialColour={open.colour} initialVariantId={open.variantId} onClose={() => setOpen(null)} /> : null}
    </div>
  )
}
