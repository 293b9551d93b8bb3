"use client"

import { useEffect, useId, useRef, useState } from "react"
import { useHydrated } from "@lib/hooks/use-hydrated"

/**
 * On a phone the header's links and search fold behind a "Menu" button, so the header is one row;
 * on wider screens the button is hidden and the wrapper lays its children out in the bar
 * (display: contents), as if it were not there. Following a link, searching or Escape closes it.
 */
export default function HeaderMenu({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const hydrated = useHydrated()

  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return
      setOpen(false)
      buttonRef.current?.focus()
    }
    document.addEventListener("keydown", onKey)
    return () => document.removeEventListener("keydown", onKey)
  }, [open])

  return (
    <>
      {/* Without JavaScript the button cannot open anything: the header keeps its links and search in view. */}
      <noscript>
        <style>
          {
            ".site-header__menu{display:contents!important}.site-header__menu-button{display:none!important}.site-header__bar{flex-wrap:wrap!important}"
          }
        </style>
      </noscript>
      <button
        ref={buttonRef}
        type="button"
        className="site-header__menu-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="menu-button"
        data-hydrated={hydrated}
      >
        <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2">
          {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
        </svg>
        <span className="visually-hidden">Menu</span>
      </button>
      <div
        id={panelId}
        className="site-header__menu"
        data-open={open}
        data-testid="site-menu"
        onClick={(event) => {
          if ((event.target as HTMLElement).closest("a")) setOpen(false)
        }}
        onSubmit={() => setOpen(false)}
      >
        {children}
      </div>
    </>
  )
}
