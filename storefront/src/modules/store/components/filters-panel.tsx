"use client"

import { useId, useState } from "react"
import { useHydrated } from "@lib/hooks/use-hydrated"

/**
 * Where the listing has no room for a sidebar (a phone, a narrow window), the facets fold behind a
 * "Filters" button that says how many filters are on, so the products come first. Wider screens
 * show the facets as a sidebar and never the button. The panel stays open while filters change.
 */
export default function FiltersPanel({ activeCount, children }: { activeCount: number; children: React.ReactNode }) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const hydrated = useHydrated()
  return (
    <div className="filters" data-open={open}>
      {/* Without JavaScript the button cannot open anything: the facets show as they always did. */}
      <noscript>
        <style>{".filters__panel{display:block!important}.filters__toggle,.filters__done{display:none!important}"}</style>
      </noscript>
      <button
        type="button"
        className="button button--secondary filters__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="filters-button"
        data-hydrated={hydrated}
      >
        Filters{activeCount ? ` (${activeCount})` : ""}
      </button>
      <div id={panelId} className="filters__panel" data-testid="filters-panel">
        {children}
        <button type="button" className="button button--full filters__done" onClick={() => setOpen(false)}>
          Show products
        </button>
      </div>
    </div>
  )
}
