"use client"

import { useRouter } from "next/navigation"
import { useEffect, useId, useRef, useState } from "react"
import type { ProductSearchSuggestion } from "@curator/types/search"

/** Wait this long after the last keystroke before asking for suggestions. */
const DEBOUNCE_MS = 200

const hrefOf = (countryCode: string, s: ProductSearchSuggestion) =>
  s.type === "category" ? `/${countryCode}/categories/${s.handle}` : `/${countryCode}/products/${s.handle}`

/**
 * The header's search field with suggestions as the shopper types (an ARIA combobox): arrow keys
 * move through them, Enter opens the highlighted one (or searches the text when none is),
 * Escape closes the list. Without JavaScript it is the plain search form it sits in.
 */
export default function SearchBox({ countryCode }: { countryCode: string }) {
  const router = useRouter()
  const listId = useId()
  const [text, setText] = useState("")
  const [fetched, setSuggestions] = useState<ProductSearchSuggestion[]>([])
  // Cleared text shows nothing, whatever an earlier answer held.
  const suggestions = text.trim() ? fetched : []
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const request = useRef<AbortController | null>(null)

  useEffect(() => {
    const q = text.trim()
    if (!q) {
      request.current?.abort()
      return
    }
    const timer = setTimeout(async () => {
      request.current?.abort()
      const controller = new AbortController()
      request.current = controller
      try {
        const response = await fetch(`/api/search/suggestions?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        if (!response.ok) return
        const { suggestions: next } = (await response.json()) as { suggestions: ProductSearchSuggestion[] }
        setSuggestions(next)
        setActive(-1)
      } catch {
        // Aborted by a newer keystroke, or offline: the form still searches.
      }
    }, DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text])

  const expanded = open && suggestions.length > 0
  const go = (s: ProductSearchSuggestion) => {
    setOpen(false)
    router.push(hrefOf(countryCode, s))
  }

  return (
    <div className="search-box">
      <input
        id="site-search"
        type="search"
        name="q"
        placeholder="Search"
        autoComplete="off"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            if (!suggestions.length) return
            event.preventDefault()
            const n = suggestions.length
            const down = event.key === "ArrowDown"
            // Past either end the highlight returns to the field (-1), as in a browser's own lists.
            setActive((i) => (!expanded ? (down ? 0 : n - 1) : down ? (i >= n - 1 ? -1 : i + 1) : i <= -1 ? n - 1 : i - 1))
            setOpen(true)
          } else if (event.key === "Enter" && expanded && active >= 0 && active < suggestions.length) {
            event.preventDefault()
            go(suggestions[active])
          } else if (event.key === "Escape" && expanded) {
            // Close the list only; a second Escape reaches the phone menu.
            event.preventDefault()
            event.stopPropagation()
            setOpen(false)
            setActive(-1)
          }
        }}
        data-testid="search-input"
      />
      <ul id={listId} role="listbox" aria-label="Search suggestions" className="search-box__list" hidden={!expanded} data-testid="search-suggestions">
        {suggestions.map((s, i) => (
          <li
            key={`${s.type}-${s.handle}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className="search-box__option"
            // Keep focus in the field until the click has chosen.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => go(s)}
          >
            <span>{s.label}</span>
            {s.type === "category" ? <span className="search-box__kind">Category</span> : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
